package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.ConstraintsSetStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TransactionStmt;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.VariableSetStmt;
import org.lakepg.server.sql.ast.VariableShowStmt;

/** Transaction control (BEGIN/START/COMMIT/END/ROLLBACK/ABORT/SAVEPOINT/RELEASE/PREPARE TRANSACTION)
 * and SET / RESET / SHOW with all their special forms (TIME ZONE, NAMES, ROLE, SESSION AUTHORIZATION,
 * TRANSACTION, SET CONSTRAINTS). */
abstract class TransactionSetParser extends ObjectDdlParser {

    TransactionSetParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    final TransactionStmt transactionStmt() {
        Token t = next();
        switch (t.value()) {
            case "begin" -> {
                if (!accept("work")) {
                    accept("transaction");
                }
                return new TransactionStmt(TransactionStmt.Kind.BEGIN, transactionModes(), null, null, false);
            }
            case "start" -> {
                expect("transaction");
                return new TransactionStmt(TransactionStmt.Kind.START, transactionModes(), null, null, false);
            }
            case "commit", "end" -> {
                if (t.value().equals("commit") && accept("prepared")) {
                    return new TransactionStmt(TransactionStmt.Kind.COMMIT_PREPARED, List.of(), null, sconst(), false);
                }
                if (!accept("work")) {
                    accept("transaction");
                }
                return new TransactionStmt(TransactionStmt.Kind.COMMIT, List.of(), null, null, optChain());
            }
            case "rollback", "abort" -> {
                if (t.value().equals("rollback") && accept("prepared")) {
                    return new TransactionStmt(TransactionStmt.Kind.ROLLBACK_PREPARED, List.of(), null, sconst(), false);
                }
                if (!accept("work")) {
                    accept("transaction");
                }
                if (t.value().equals("rollback") && accept("to")) {
                    if (at("savepoint") && isColId(peek(1))) {
                        next();
                    }
                    return new TransactionStmt(TransactionStmt.Kind.ROLLBACK_TO, List.of(), colId(), null, false);
                }
                return new TransactionStmt(TransactionStmt.Kind.ROLLBACK, List.of(), null, null, optChain());
            }
            case "savepoint" -> {
                return new TransactionStmt(TransactionStmt.Kind.SAVEPOINT, List.of(), colId(), null, false);
            }
            case "release" -> {
                if (at("savepoint") && isColId(peek(1))) {
                    next();
                }
                return new TransactionStmt(TransactionStmt.Kind.RELEASE, List.of(), colId(), null, false);
            }
            default -> {
                // PREPARE TRANSACTION 'gid'
                expect("transaction");
                return new TransactionStmt(TransactionStmt.Kind.PREPARE, List.of(), null, sconst(), false);
            }
        }
    }

    private boolean optChain() {
        if (accept("and")) {
            boolean no = accept("no");
            expect("chain");
            return !no;
        }
        return false;
    }

    /** transaction_mode_list: modes separated by commas or just white space. */
    final List<DefElem> transactionModes() {
        List<DefElem> modes = new ArrayList<>();
        while (true) {
            int loc = pos();
            if (acceptSeq("isolation", "level")) {
                String level;
                if (accept("serializable")) {
                    level = "serializable";
                } else if (acceptSeq("repeatable", "read")) {
                    level = "repeatable read";
                } else if (acceptSeq("read", "committed")) {
                    level = "read committed";
                } else {
                    expect("read");
                    expect("uncommitted");
                    level = "read uncommitted";
                }
                modes.add(new DefElem(null, "transaction_isolation", new AConst(AConst.Kind.STRING, level, loc),
                        DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("read", "only")) {
                modes.add(new DefElem(null, "transaction_read_only", new AConst(AConst.Kind.INTEGER, "1", loc),
                        DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("read", "write")) {
                modes.add(new DefElem(null, "transaction_read_only", new AConst(AConst.Kind.INTEGER, "0", loc),
                        DefElem.Action.UNSPEC, loc));
            } else if (accept("deferrable")) {
                modes.add(new DefElem(null, "transaction_deferrable", new AConst(AConst.Kind.INTEGER, "1", loc),
                        DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("not", "deferrable")) {
                modes.add(new DefElem(null, "transaction_deferrable", new AConst(AConst.Kind.INTEGER, "0", loc),
                        DefElem.Action.UNSPEC, loc));
            } else {
                if (!modes.isEmpty() && tokens.get(p - 1).isPunct(",")) {
                    throw syntaxError();
                }
                return modes;
            }
            acceptPunct(",");
        }
    }

    final Statement setStmt() {
        expect("set");
        if (at("constraints") && (peek(1).isKeyword("all") || isColId(peek(1)) && !peek(1).isKeyword("to"))) {
            next();
            List<RangeVar> names = new ArrayList<>();
            if (!accept("all")) {
                do {
                    names.add(qualifiedName());
                } while (acceptPunct(","));
            }
            boolean deferred = accept("deferred");
            if (!deferred) {
                expect("immediate");
            }
            return new ConstraintsSetStmt(names, deferred);
        }
        boolean local = false;
        boolean nameFollows = peek(1).isOp("=") || peek(1).isKeyword("to");
        if (at("local") && !nameFollows) {
            next();
            local = true;
        } else if (at("session") && !nameFollows && !peek(1).isKeyword("authorization")
                && !peek(1).isKeyword("characteristics")) {
            next();
        }
        return setRest(local);
    }

    /** set_rest (also used by ALTER ROLE/DATABASE ... SET). */
    final VariableSetStmt setRest(boolean local) {
        int loc = pos();
        if (at("transaction")) {
            next();
            if (accept("snapshot")) {
                return new VariableSetStmt(VariableSetStmt.Kind.SET_VALUE, "transaction_snapshot",
                        List.of(new AConst(AConst.Kind.STRING, sconst(), loc)), local);
            }
            return new VariableSetStmt(VariableSetStmt.Kind.SET_MULTI, "TRANSACTION", new ArrayList<>(transactionModes()),
                    local);
        }
        if (acceptSeq("session", "characteristics")) {
            expect("as");
            expect("transaction");
            return new VariableSetStmt(VariableSetStmt.Kind.SET_MULTI, "SESSION CHARACTERISTICS",
                    new ArrayList<>(transactionModes()), local);
        }
        if (acceptSeq("time", "zone")) {
            if (accept("default") || accept("local")) {
                return new VariableSetStmt(VariableSetStmt.Kind.SET_DEFAULT, "timezone", List.of(), local);
            }
            return new VariableSetStmt(VariableSetStmt.Kind.SET_VALUE, "timezone", List.of(zoneValue()), local);
        }
        if (accept("catalog")) {
            return new VariableSetStmt(VariableSetStmt.Kind.SET_VALUE, "catalog",
                    List.of(new AConst(AConst.Kind.STRING, sconst(), loc)), local);
        }
        if (at("schema") && peek(1).kind() == TokenKind.SCONST) {
            next();
            return new VariableSetStmt(VariableSetStmt.Kind.SET_VALUE, "search_path",
                    List.of(new AConst(AConst.Kind.STRING, sconst(), loc)), local);
        }
        if (accept("names")) {
            if (accept("default") || atEndOfStatement()) {
                return new VariableSetStmt(VariableSetStmt.Kind.SET_DEFAULT, "client_encoding", List.of(), local);
            }
            return new VariableSetStmt(VariableSetStmt.Kind.SET_VALUE, "client_encoding",
                    List.of(new AConst(AConst.Kind.STRING, nonReservedWordOrSconst(), loc)), local);
        }
        if (at("role") && !peek(1).isOp("=") && !peek(1).isKeyword("to") && !peek(1).isKeyword("from")) {
            next();
            return new VariableSetStmt(VariableSetStmt.Kind.SET_VALUE, "role",
                    List.of(new AConst(AConst.Kind.STRING, nonReservedWordOrSconst(), loc)), local);
        }
        if (acceptSeq("session", "authorization")) {
            if (accept("default")) {
                return new VariableSetStmt(VariableSetStmt.Kind.SET_DEFAULT, "session_authorization", List.of(), local);
            }
            return new VariableSetStmt(VariableSetStmt.Kind.SET_VALUE, "session_authorization",
                    List.of(new AConst(AConst.Kind.STRING, nonReservedWordOrSconst(), loc)), local);
        }
        if (acceptSeq("xml", "option")) {
            String v = accept("document") ? "DOCUMENT" : expect("content").value().toUpperCase(java.util.Locale.ROOT);
            return new VariableSetStmt(VariableSetStmt.Kind.SET_VALUE, "xmloption",
                    List.of(new AConst(AConst.Kind.STRING, v, loc)), local);
        }
        String name = varName();
        if (accept("from")) {
            expect("current");
            return new VariableSetStmt(VariableSetStmt.Kind.SET_CURRENT, name, List.of(), local);
        }
        if (!accept("to")) {
            expectOp("=");
        }
        if (accept("default")) {
            return new VariableSetStmt(VariableSetStmt.Kind.SET_DEFAULT, name, List.of(), local);
        }
        List<Object> args = new ArrayList<>();
        do {
            args.add(varValue());
        } while (acceptPunct(","));
        return new VariableSetStmt(VariableSetStmt.Kind.SET_VALUE, name, args, local);
    }

    final boolean atEndOfStatement() {
        return atEof() || atPunct(";");
    }

    /** var_name: ColId [. ColId ...], joined with dots. */
    final String varName() {
        StringBuilder name = new StringBuilder(colId());
        while (acceptPunct(".")) {
            name.append('.').append(colId());
        }
        return name.toString();
    }

    /** var_value: opt_boolean_or_string or NumericOnly. */
    private Expr varValue() {
        int loc = pos();
        if (atNumber()) {
            return numericOnly();
        }
        return new AConst(AConst.Kind.STRING, booleanOrString(), loc);
    }

    /** opt_boolean_or_string: TRUE, FALSE, ON, a non-reserved word, or a string. */
    final String booleanOrString() {
        if (accept("true")) {
            return "true";
        }
        if (accept("false")) {
            return "false";
        }
        if (accept("on")) {
            return "on";
        }
        return nonReservedWordOrSconst();
    }

    private Expr zoneValue() {
        int loc = pos();
        if (atSconst()) {
            return new AConst(AConst.Kind.STRING, sconst(), loc);
        }
        if (peek().kind() == TokenKind.IDENT) {
            return new AConst(AConst.Kind.STRING, next().value(), loc);
        }
        if (at("interval")) {
            next();
            List<Expr> mods = List.of();
            if (acceptPunct("(")) {
                int precision = iconst();
                expectPunct(")");
                mods = List.of(intConst(INTERVAL_FULL_RANGE), intConst(precision));
                Token s = peek();
                String v = sconst();
                return new TypeCast(new AConst(AConst.Kind.STRING, v, s.start()), sys("interval", mods, loc), loc);
            }
            Token s = peek();
            String v = sconst();
            List<Expr> fields = optInterval();
            return new TypeCast(new AConst(AConst.Kind.STRING, v, s.start()), sys("interval", fields, loc), loc);
        }
        if (atNumber()) {
            return numericOnly();
        }
        throw syntaxError();
    }

    final Statement resetStmt() {
        expect("reset");
        if (accept("all")) {
            return new VariableSetStmt(VariableSetStmt.Kind.RESET_ALL, null, List.of(), false);
        }
        return new VariableSetStmt(VariableSetStmt.Kind.RESET, resetName(), List.of(), false);
    }

    private String resetName() {
        if (acceptSeq("time", "zone")) {
            return "timezone";
        }
        if (acceptSeq("transaction", "isolation", "level")) {
            return "transaction_isolation";
        }
        if (acceptSeq("session", "authorization")) {
            return "session_authorization";
        }
        return varName();
    }

    final Statement showStmt() {
        expect("show");
        if (accept("all")) {
            return new VariableShowStmt("all");
        }
        return new VariableShowStmt(resetName());
    }
}
