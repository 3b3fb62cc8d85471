package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.CompositeTypeStmt;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.CreateDomainStmt;
import org.lakepg.server.sql.ast.CreateEnumStmt;
import org.lakepg.server.sql.ast.CreateRangeStmt;
import org.lakepg.server.sql.ast.CreateSchemaStmt;
import org.lakepg.server.sql.ast.CreateSeqStmt;
import org.lakepg.server.sql.ast.CreateTableAsStmt;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DefineStmt;
import org.lakepg.server.sql.ast.IntoClause;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.OnCommitAction;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.ast.UtilityStmt;
import org.lakepg.server.sql.ast.ViewStmt;
import org.lakepg.wire.error.SqlState;

/**
 * CREATE of views, materialized views, sequences, schemas, types and domains, and the generic
 * fallback for rarely used utility commands.
 */
abstract class ObjectDdlParser extends FunctionDdlParser {

    ObjectDdlParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    // ---- views ----

    final ViewStmt createView(boolean replace, char persistence, boolean recursive) {
        int start = pos();
        expect("view");
        RangeVar view = qualifiedName();
        view = new RangeVar(view.catalogname(), view.schemaname(), view.relname(), true, persistence, null,
                view.location());
        List<String> aliases = atPunct("(") ? parenColIdList() : List.of();
        List<DefElem> options = accept("with") ? relOptions() : List.of();
        expect("as");
        Statement query = selectStatement();
        ViewStmt.CheckOption check = ViewStmt.CheckOption.NO_CHECK_OPTION;
        if (at("with") && (peek(1).isKeyword("check") || peek(1).isKeyword("cascaded") || peek(1).isKeyword("local"))) {
            next();
            check = ViewStmt.CheckOption.CASCADED_CHECK_OPTION;
            if (accept("local")) {
                check = ViewStmt.CheckOption.LOCAL_CHECK_OPTION;
            } else {
                accept("cascaded");
            }
            expect("check");
            expect("option");
        }
        if (recursive) {
            if (check != ViewStmt.CheckOption.NO_CHECK_OPTION) {
                throw errorAt(SqlState.FEATURE_NOT_SUPPORTED, start, "WITH CHECK OPTION not supported on recursive views");
            }
            query = recursiveViewSelect(view.relname(), aliases, query);
        }
        return new ViewStmt(view, aliases, query, replace, options, check);
    }

    /**
     * CREATE RECURSIVE VIEW v (cols) AS q is CREATE VIEW v AS WITH RECURSIVE v (cols) AS (q) SELECT cols FROM v,
     * as gram.y's makeRecursiveViewSelect builds it.
     */
    private static Statement recursiveViewSelect(String name, List<String> aliases, Statement query) {
        var cte = new org.lakepg.server.sql.ast.CommonTableExpr(name, aliases,
                org.lakepg.server.sql.ast.CommonTableExpr.Materialized.DEFAULT, query, null, null, -1);
        var with = new org.lakepg.server.sql.ast.WithClause(List.of(cte), true, -1);
        List<org.lakepg.server.sql.ast.ResTarget> targets = new ArrayList<>();
        for (String alias : aliases) {
            targets.add(new org.lakepg.server.sql.ast.ResTarget(null, List.of(),
                    new org.lakepg.server.sql.ast.ColumnRef(List.of(alias), false, -1), -1));
        }
        List<org.lakepg.server.sql.ast.FromItem> from = List.of(new RangeVar(null, null, name, true, 'p', null, -1));
        return new SelectStmt(null, null, targets, from, null, List.of(), false, null, List.of(), List.of(),
                List.of(), null, null, SelectStmt.LimitOption.DEFAULT, List.of(), with, SelectStmt.SetOperation.NONE,
                false, null, null);
    }

    final CreateTableAsStmt createMaterializedView() {
        expect("materialized");
        expect("view");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        RangeVar rel = qualifiedName();
        List<String> cols = atPunct("(") ? parenColIdList() : List.of();
        String am = accept("using") ? colId() : null;
        List<DefElem> options = withOptions();
        String tablespace = accept("tablespace") ? colId() : null;
        expect("as");
        Statement query = selectStatement();
        boolean skipData = false;
        if (accept("with")) {
            skipData = accept("no");
            expect("data");
        }
        IntoClause into = new IntoClause(rel, cols, am, options, new OnCommitAction(OnCommitAction.Kind.NOOP),
                tablespace, skipData);
        return new CreateTableAsStmt(query, into, new ObjectType(ObjectType.Kind.MATVIEW), false, ifNotExists);
    }

    // ---- sequences, schemas ----

    final CreateSeqStmt createSequence(char persistence) {
        expect("sequence");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        RangeVar seq = qualifiedName();
        seq = new RangeVar(seq.catalogname(), seq.schemaname(), seq.relname(), true, persistence, null, seq.location());
        return new CreateSeqStmt(seq, sequenceOptions(false), ifNotExists);
    }

    final CreateSchemaStmt createSchema() {
        expect("schema");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        String name = null;
        RoleSpec auth = null;
        if (accept("authorization")) {
            auth = roleSpec();
        } else {
            name = colId();
            if (accept("authorization")) {
                auth = roleSpec();
            }
        }
        List<Statement> elements = new ArrayList<>();
        while (at("create") || at("grant")) {
            elements.add(statement());
        }
        return new CreateSchemaStmt(name, auth, elements, ifNotExists);
    }

    // ---- types and domains ----

    final Statement createType() {
        expect("type");
        List<String> name = anyName();
        if (accept("as")) {
            if (accept("enum")) {
                expectPunct("(");
                List<String> labels = new ArrayList<>();
                if (!atPunct(")")) {
                    do {
                        labels.add(sconst());
                    } while (acceptPunct(","));
                }
                expectPunct(")");
                return new CreateEnumStmt(name, labels);
            }
            if (accept("range")) {
                return new CreateRangeStmt(name, definition());
            }
            expectPunct("(");
            List<ColumnDef> cols = new ArrayList<>();
            if (!atPunct(")")) {
                do {
                    cols.add(tableFuncElement());
                } while (acceptPunct(","));
            }
            expectPunct(")");
            return new CompositeTypeStmt(rangeVarOf(name, -1), cols);
        }
        List<DefElem> def = atPunct("(") ? definition() : List.of();
        return new DefineStmt(new ObjectType(ObjectType.Kind.TYPE), false, name, List.of(), def, false, false);
    }

    final CreateDomainStmt createDomain() {
        expect("domain");
        List<String> name = anyName();
        accept("as");
        TypeName type = typeName();
        List<Constraint> constraints = new ArrayList<>();
        CollateClause collate = null;
        while (true) {
            if (at("collate")) {
                int loc = next().start();
                collate = new CollateClause(null, anyName(), loc);
                continue;
            }
            Constraint c = columnConstraint();
            if (c == null) {
                break;
            }
            if (c.contype() == Constraint.ConstrType.CHECK && atNotValid()) {
                p += 2;
            }
            constraints.add(c);
        }
        return new CreateDomainStmt(name, type, collate, constraints);
    }

    private boolean atNotValid() {
        return atSeq("not", "valid");
    }

    // ---- fallback ----

    /**
     * A rarely used utility command kept as its leading words and text: the tokens up to the end of
     * the statement, with balanced parentheses.
     */
    final UtilityStmt genericUtility(int start, int words) {
        List<String> command = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            command.add(tokens.get(start + i).value());
        }
        int depth = 0;
        while (!atEof()) {
            Token t = peek();
            if (t.isPunct("(") || t.isPunct("[")) {
                depth++;
            } else if (t.isPunct(")") || t.isPunct("]")) {
                if (depth == 0) {
                    throw syntaxError();
                }
                depth--;
            } else if (t.isPunct(";") && depth == 0) {
                break;
            }
            next();
        }
        if (depth != 0) {
            throw syntaxError();
        }
        int from = tokens.get(start).start();
        int to = tokens.get(Math.max(start, p - 1)).end();
        return new UtilityStmt(command, sql.substring(from, to));
    }
}
