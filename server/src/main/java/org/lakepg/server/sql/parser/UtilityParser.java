package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.CallStmt;
import org.lakepg.server.sql.ast.CheckPointStmt;
import org.lakepg.server.sql.ast.ClosePortalStmt;
import org.lakepg.server.sql.ast.ClusterStmt;
import org.lakepg.server.sql.ast.CopyStmt;
import org.lakepg.server.sql.ast.DeallocateStmt;
import org.lakepg.server.sql.ast.DeclareCursorStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DiscardStmt;
import org.lakepg.server.sql.ast.DoStmt;
import org.lakepg.server.sql.ast.DropBehavior;
import org.lakepg.server.sql.ast.ExecuteStmt;
import org.lakepg.server.sql.ast.ExplainStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FetchStmt;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.ListenStmt;
import org.lakepg.server.sql.ast.LoadStmt;
import org.lakepg.server.sql.ast.LockStmt;
import org.lakepg.server.sql.ast.NotifyStmt;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.PrepareStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.RefreshMatViewStmt;
import org.lakepg.server.sql.ast.ReindexStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TruncateStmt;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.ast.UnlistenStmt;
import org.lakepg.server.sql.ast.VacuumRelation;
import org.lakepg.server.sql.ast.VacuumStmt;

/**
 * Utility statements: EXPLAIN, COPY, PREPARE/EXECUTE/DEALLOCATE,
 * cursors, VACUUM/ANALYZE, TRUNCATE, LOCK, LISTEN/NOTIFY, DISCARD, CHECKPOINT, DO, CALL, LOAD,
 * REINDEX, CLUSTER, REFRESH MATERIALIZED VIEW.
 */
abstract class UtilityParser extends TransactionSetParser {

    UtilityParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    // ---- EXPLAIN ----

    final ExplainStmt explainStmt() {
        expect("explain");
        List<DefElem> options = new ArrayList<>();
        if (atPunct("(") && !atParenthesizedQuery() && !peek(1).isPunct("(")) {
            next();
            do {
                int loc = pos();
                String name = at("analyze") || at("analyse") ? next().value() : nonReservedWord();
                Object arg = null;
                if (!atPunct(",") && !atPunct(")")) {
                    arg = atNumber() || atOp("-") || atOp("+") ? numericOnly() : booleanOrString();
                }
                options.add(new DefElem(null, name.equals("analyse") ? "analyze" : name, arg, DefElem.Action.UNSPEC, loc));
            } while (acceptPunct(","));
            expectPunct(")");
        } else {
            int loc = pos();
            if (accept("analyze") || accept("analyse")) {
                options.add(new DefElem(null, "analyze", null, DefElem.Action.UNSPEC, loc));
            }
            loc = pos();
            if (accept("verbose")) {
                options.add(new DefElem(null, "verbose", null, DefElem.Action.UNSPEC, loc));
            }
        }
        if (!atExplainableStatement()) {
            throw syntaxError();
        }
        return new ExplainStmt(statement(), options);
    }

    /** ExplainableStmt: queries, DML, DECLARE, CREATE TABLE AS / MATERIALIZED VIEW, REFRESH, EXECUTE. */
    private boolean atExplainableStatement() {
        if (atPunct("(")) {
            return true;
        }
        Token t = peek();
        if (t.kind() != TokenKind.KEYWORD) {
            return false;
        }
        return switch (t.value()) {
            case "select", "values", "table", "with", "insert", "update", "delete", "merge", "declare", "execute",
                 "refresh" -> true;
            case "create" -> true;
            default -> false;
        };
    }

    // ---- COPY ----

    final CopyStmt copyStmt() {
        expect("copy");
        List<DefElem> options = new ArrayList<>();
        RangeVar rel = null;
        Statement query = null;
        List<String> cols = List.of();
        if (atPunct("(")) {
            next();
            if (at("merge")) {
                throw errorAt(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED, pos(), "MERGE not supported in COPY");
            }
            query = preparableStmt();
            expectPunct(")");
        } else {
            if (at("binary")) {
                options.add(new DefElem(null, "format", "binary", DefElem.Action.UNSPEC, next().start()));
            }
            rel = qualifiedName();
            if (atPunct("(")) {
                cols = parenColIdList();
            }
        }
        boolean isFrom;
        if (query == null && accept("from")) {
            isFrom = true;
        } else {
            expect("to");
            isFrom = false;
        }
        boolean program = accept("program");
        String file = null;
        if (accept("stdin") || accept("stdout")) {
            file = null;
        } else {
            file = sconst();
        }
        if (acceptSeq("using", "delimiters") || accept("delimiters")) {
            int loc = tokens.get(p - 1).start();
            options.add(new DefElem(null, "delimiter", sconst(), DefElem.Action.UNSPEC, loc));
        }
        accept("with");
        if (atPunct("(")) {
            next();
            do {
                int loc = pos();
                String name = colLabel();
                Object arg = null;
                if (acceptOp("*")) {
                    arg = "*";
                } else if (atPunct("(")) {
                    next();
                    List<String> list = new ArrayList<>();
                    do {
                        list.add(booleanOrString());
                    } while (acceptPunct(","));
                    expectPunct(")");
                    arg = list;
                } else if (!atPunct(",") && !atPunct(")")) {
                    arg = atNumber() || atOp("-") || atOp("+") ? numericOnly() : booleanOrString();
                }
                options.add(new DefElem(null, name, arg, DefElem.Action.UNSPEC, loc));
            } while (acceptPunct(","));
            expectPunct(")");
        } else {
            oldCopyOptions(options);
        }
        Expr where = accept("where") ? aExpr() : null;
        return new CopyStmt(rel, query, cols, isFrom, program, file, options, where);
    }

    private void oldCopyOptions(List<DefElem> options) {
        while (true) {
            int loc = pos();
            if (accept("binary")) {
                options.add(new DefElem(null, "format", "binary", DefElem.Action.UNSPEC, loc));
            } else if (accept("freeze")) {
                options.add(new DefElem(null, "freeze", Boolean.TRUE, DefElem.Action.UNSPEC, loc));
            } else if (accept("delimiter")) {
                accept("as");
                options.add(new DefElem(null, "delimiter", sconst(), DefElem.Action.UNSPEC, loc));
            } else if (accept("null")) {
                accept("as");
                options.add(new DefElem(null, "null", sconst(), DefElem.Action.UNSPEC, loc));
            } else if (accept("csv")) {
                options.add(new DefElem(null, "format", "csv", DefElem.Action.UNSPEC, loc));
            } else if (accept("header")) {
                options.add(new DefElem(null, "header", Boolean.TRUE, DefElem.Action.UNSPEC, loc));
            } else if (accept("quote")) {
                accept("as");
                options.add(new DefElem(null, "quote", sconst(), DefElem.Action.UNSPEC, loc));
            } else if (accept("escape")) {
                accept("as");
                options.add(new DefElem(null, "escape", sconst(), DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("force", "quote")) {
                options.add(new DefElem(null, "force_quote", acceptOp("*") ? "*" : colIdList(), DefElem.Action.UNSPEC,
                        loc));
            } else if (acceptSeq("force", "not", "null")) {
                options.add(new DefElem(null, "force_not_null", colIdList(), DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("force", "null")) {
                options.add(new DefElem(null, "force_null", colIdList(), DefElem.Action.UNSPEC, loc));
            } else if (accept("encoding")) {
                options.add(new DefElem(null, "encoding", sconst(), DefElem.Action.UNSPEC, loc));
            } else {
                return;
            }
        }
    }

    // ---- prepared statements and cursors ----

    final PrepareStmt prepareStmt() {
        expect("prepare");
        String name = colId();
        List<TypeName> types = List.of();
        if (atPunct("(")) {
            next();
            types = typeList();
            expectPunct(")");
        }
        expect("as");
        return new PrepareStmt(name, types, preparableOrMerge());
    }

    private Statement preparableOrMerge() {
        if (at("merge")) {
            return mergeStmt(null);
        }
        return preparableStmt();
    }

    @Override
    final Statement executeStmt() {
        expect("execute");
        String name = colId();
        List<Expr> params = List.of();
        if (atPunct("(")) {
            next();
            params = exprList();
            expectPunct(")");
        }
        return new ExecuteStmt(name, params);
    }

    final DeallocateStmt deallocateStmt() {
        expect("deallocate");
        accept("prepare");
        if (accept("all")) {
            return new DeallocateStmt(null);
        }
        return new DeallocateStmt(colId());
    }

    final DeclareCursorStmt declareStmt() {
        expect("declare");
        String name = colId();
        int options = 0;
        while (true) {
            if (accept("binary")) {
                options |= 0x0001;
            } else if (accept("insensitive")) {
                options |= 0x0008;
            } else if (accept("asensitive")) {
                options |= 0x0010;
            } else if (acceptSeq("no", "scroll")) {
                options |= 0x0004;
            } else if (accept("scroll")) {
                options |= 0x0002;
            } else {
                break;
            }
        }
        expect("cursor");
        if (acceptSeq("with", "hold")) {
            options |= 0x0020;
        } else {
            acceptSeq("without", "hold");
        }
        expect("for");
        return new DeclareCursorStmt(name, options, selectStatement());
    }

    final FetchStmt fetchStmt() {
        boolean move = next().value().equals("move");
        FetchStmt.Direction dir = FetchStmt.Direction.FORWARD;
        long count = 1;
        boolean needsFromIn = false;
        if (accept("next")) {
            count = 1;
        } else if (accept("prior")) {
            dir = FetchStmt.Direction.BACKWARD;
        } else if (accept("first")) {
            dir = FetchStmt.Direction.ABSOLUTE;
        } else if (accept("last")) {
            dir = FetchStmt.Direction.ABSOLUTE;
            count = -1;
        } else if (accept("absolute")) {
            dir = FetchStmt.Direction.ABSOLUTE;
            count = signedIconst();
        } else if (accept("relative")) {
            dir = FetchStmt.Direction.RELATIVE;
            count = signedIconst();
        } else if (atOp("-") || atOp("+") || peek().kind() == TokenKind.ICONST) {
            count = signedIconst();
        } else if (accept("all")) {
            count = Long.MAX_VALUE;
        } else if (accept("forward") || accept("backward")) {
            if (tokens.get(p - 1).value().equals("backward")) {
                dir = FetchStmt.Direction.BACKWARD;
            }
            if (accept("all")) {
                count = Long.MAX_VALUE;
            } else if (atOp("-") || atOp("+") || peek().kind() == TokenKind.ICONST) {
                count = signedIconst();
            }
        }
        if (!accept("from")) {
            accept("in");
        }
        return new FetchStmt(dir, count, colId(), move);
    }

    final ClosePortalStmt closeStmt() {
        expect("close");
        if (accept("all")) {
            return new ClosePortalStmt(null);
        }
        return new ClosePortalStmt(colId());
    }

    // ---- maintenance ----

    final VacuumStmt vacuumStmt() {
        boolean vacuum = next().value().equals("vacuum");
        List<DefElem> options = new ArrayList<>();
        if (atPunct("(")) {
            next();
            do {
                int loc = pos();
                String name = at("analyze") || at("analyse") || at("full") || at("freeze") || at("verbose")
                        ? next().value() : nonReservedWord();
                Object arg = null;
                if (!atPunct(",") && !atPunct(")")) {
                    arg = atNumber() || atOp("-") || atOp("+") ? numericOnly() : booleanOrString();
                }
                options.add(new DefElem(null, name.equals("analyse") ? "analyze" : name, arg, DefElem.Action.UNSPEC, loc));
            } while (acceptPunct(","));
            expectPunct(")");
        } else {
            String[] flags = vacuum ? new String[] {"full", "freeze", "verbose", "analyze"} : new String[] {"verbose"};
            for (String flag : flags) {
                int loc = pos();
                if (accept(flag) || flag.equals("analyze") && accept("analyse")) {
                    options.add(new DefElem(null, flag, null, DefElem.Action.UNSPEC, loc));
                }
            }
        }
        List<VacuumRelation> rels = new ArrayList<>();
        if (isColId(peek())) {
            do {
                RangeVar rel = qualifiedName();
                List<String> cols = atPunct("(") ? parenColIdList() : List.of();
                rels.add(new VacuumRelation(rel, cols));
            } while (acceptPunct(","));
        }
        return new VacuumStmt(options, rels, vacuum);
    }

    final TruncateStmt truncateStmt() {
        expect("truncate");
        accept("table");
        List<RangeVar> rels = new ArrayList<>();
        do {
            rels.add(relationExpr());
        } while (acceptPunct(","));
        boolean restart = false;
        if (acceptSeq("restart", "identity")) {
            restart = true;
        } else {
            acceptSeq("continue", "identity");
        }
        return new TruncateStmt(rels, restart, dropBehavior());
    }

    final DropBehavior dropBehavior() {
        if (accept("cascade")) {
            return new DropBehavior(DropBehavior.Kind.CASCADE);
        }
        accept("restrict");
        return new DropBehavior(DropBehavior.Kind.RESTRICT);
    }

    final LockStmt lockStmt() {
        expect("lock");
        accept("table");
        List<RangeVar> rels = new ArrayList<>();
        do {
            rels.add(relationExpr());
        } while (acceptPunct(","));
        int mode = 8;
        if (accept("in")) {
            if (acceptSeq("access", "share")) {
                mode = 1;
            } else if (acceptSeq("row", "share")) {
                mode = 2;
            } else if (acceptSeq("row", "exclusive")) {
                mode = 3;
            } else if (acceptSeq("share", "update", "exclusive")) {
                mode = 4;
            } else if (acceptSeq("share", "row", "exclusive")) {
                mode = 6;
            } else if (accept("share")) {
                mode = 5;
            } else if (accept("exclusive")) {
                mode = 7;
            } else {
                expect("access");
                expect("exclusive");
                mode = 8;
            }
            expect("mode");
        }
        return new LockStmt(rels, mode, accept("nowait"));
    }

    final Statement listenFamily() {
        Token t = next();
        switch (t.value()) {
            case "listen" -> {
                return new ListenStmt(colId());
            }
            case "unlisten" -> {
                if (acceptOp("*")) {
                    return new UnlistenStmt(null);
                }
                return new UnlistenStmt(colId());
            }
            default -> {
                String channel = colId();
                String payload = acceptPunct(",") ? sconst() : null;
                return new NotifyStmt(channel, payload);
            }
        }
    }

    final DiscardStmt discardStmt() {
        expect("discard");
        if (accept("all")) {
            return new DiscardStmt(DiscardStmt.Target.ALL);
        }
        if (accept("plans")) {
            return new DiscardStmt(DiscardStmt.Target.PLANS);
        }
        if (accept("sequences")) {
            return new DiscardStmt(DiscardStmt.Target.SEQUENCES);
        }
        if (!accept("temp")) {
            expect("temporary");
        }
        return new DiscardStmt(DiscardStmt.Target.TEMP);
    }

    final Statement checkpointStmt() {
        expect("checkpoint");
        return new CheckPointStmt();
    }

    final DoStmt doStmt() {
        expect("do");
        List<DefElem> args = new ArrayList<>();
        do {
            int loc = pos();
            if (accept("language")) {
                args.add(new DefElem(null, "language", nonReservedWordOrSconst(), DefElem.Action.UNSPEC, loc));
            } else {
                args.add(new DefElem(null, "as", sconst(), DefElem.Action.UNSPEC, loc));
            }
        } while (atSconst() || at("language"));
        return new DoStmt(args);
    }

    final CallStmt callStmt() {
        expect("call");
        int loc = pos();
        List<String> name = funcName();
        Expr call = functionCall(name, loc);
        if (!(call instanceof FuncCall f)) {
            throw syntaxError();
        }
        return new CallStmt(f);
    }

    final LoadStmt loadStmt() {
        expect("load");
        return new LoadStmt(sconst());
    }

    final ReindexStmt reindexStmt() {
        expect("reindex");
        List<DefElem> params = new ArrayList<>();
        if (atPunct("(")) {
            params.addAll(utilityOptionList());
        }
        Token kind = next();
        ObjectType.Kind k = switch (kind.value()) {
            case "index" -> ObjectType.Kind.INDEX;
            case "table" -> ObjectType.Kind.TABLE;
            case "schema" -> ObjectType.Kind.SCHEMA;
            case "system" -> ObjectType.Kind.DATABASE;
            case "database" -> ObjectType.Kind.DATABASE;
            default -> throw syntaxErrorAt(kind);
        };
        if (accept("concurrently")) {
            params.add(new DefElem(null, "concurrently", null, DefElem.Action.UNSPEC, tokens.get(p - 1).start()));
        }
        if (k == ObjectType.Kind.INDEX || k == ObjectType.Kind.TABLE) {
            return new ReindexStmt(new ObjectType(k), qualifiedName(), null, params);
        }
        String name = k == ObjectType.Kind.SCHEMA || isColId(peek()) ? colId() : null;
        return new ReindexStmt(new ObjectType(k), null, name, params);
    }

    /** utility_option_list: '(' name [value] , ... ')'. */
    final List<DefElem> utilityOptionList() {
        expectPunct("(");
        List<DefElem> opts = new ArrayList<>();
        do {
            int loc = pos();
            String name = at("analyze") || at("analyse") ? next().value() : nonReservedWord();
            Object arg = null;
            if (!atPunct(",") && !atPunct(")")) {
                arg = atNumber() || atOp("-") || atOp("+") ? numericOnly() : booleanOrString();
            }
            opts.add(new DefElem(null, name, arg, DefElem.Action.UNSPEC, loc));
        } while (acceptPunct(","));
        expectPunct(")");
        return opts;
    }

    final ClusterStmt clusterStmt() {
        expect("cluster");
        List<DefElem> params = new ArrayList<>();
        if (atPunct("(")) {
            params.addAll(utilityOptionList());
        } else if (accept("verbose")) {
            params.add(new DefElem(null, "verbose", null, DefElem.Action.UNSPEC, tokens.get(p - 1).start()));
        }
        if (!isColId(peek())) {
            return new ClusterStmt(null, null, params);
        }
        if (isColId(peek()) && peek(1).isKeyword("on")) {
            String index = colId();
            next();
            return new ClusterStmt(qualifiedName(), index, params);
        }
        RangeVar rel = qualifiedName();
        String index = accept("using") ? colId() : null;
        return new ClusterStmt(rel, index, params);
    }

    final RefreshMatViewStmt refreshStmt() {
        expect("refresh");
        expect("materialized");
        expect("view");
        boolean concurrent = accept("concurrently");
        RangeVar rel = qualifiedName();
        boolean skipData = false;
        if (accept("with")) {
            skipData = accept("no");
            expect("data");
        }
        return new RefreshMatViewStmt(concurrent, skipData, rel);
    }
}
