package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.CreateStmt;
import org.lakepg.server.sql.ast.CreateTableAsStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.IndexElem;
import org.lakepg.server.sql.ast.IndexStmt;
import org.lakepg.server.sql.ast.IntoClause;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.OnCommitAction;
import org.lakepg.server.sql.ast.PartitionBoundSpec;
import org.lakepg.server.sql.ast.PartitionElem;
import org.lakepg.server.sql.ast.PartitionSpec;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TableElement;
import org.lakepg.server.sql.ast.TableLikeClause;
import org.lakepg.server.sql.ast.TypeName;

/**
 * CREATE TABLE (columns, every constraint form, LIKE, INHERITS, PARTITION BY/OF, typed tables,
 * storage options, CREATE TABLE AS), column definitions and CREATE INDEX.
 */
abstract class TableDdlParser extends ConstraintParser {

    TableDdlParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** CREATE [persistence] TABLE ... after CREATE and the persistence words. */
    final Statement createTable(char persistence) {
        expect("table");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        RangeVar rel = qualifiedName();
        rel = new RangeVar(rel.catalogname(), rel.schemaname(), rel.relname(), true, persistence, null, rel.location());
        if (at("of")) {
            next();
            List<String> typeNames = anyName();
            List<TableElement> elts = atPunct("(") ? tableElements(true) : List.of();
            return createTail(rel, elts, List.of(), null, new TypeName(typeNames, List.of(), List.of(), false, false, -1),
                    ifNotExists);
        }
        if (atSeq("partition", "of")) {
            p += 2;
            RangeVar parent = qualifiedName();
            List<TableElement> elts = atPunct("(") ? tableElements(true) : List.of();
            PartitionBoundSpec bound = partitionBound();
            return createTail(rel, elts, List.of(parent), bound, null, ifNotExists);
        }
        if (atPunct("(")) {
            int save = p;
            int saveFurthest = furthest;
            List<TableElement> elts;
            if (isCreateAsColumnList()) {
                List<String> cols = parenColIdList();
                return createTableAs(rel, cols, ifNotExists);
            }
            p = save;
            furthest = saveFurthest;
            elts = tableElements(false);
            List<RangeVar> inherits = List.of();
            if (accept("inherits")) {
                expectPunct("(");
                inherits = new ArrayList<>();
                do {
                    inherits.add(qualifiedName());
                } while (acceptPunct(","));
                expectPunct(")");
            }
            return createTail(rel, elts, inherits, null, null, ifNotExists);
        }
        return createTableAs(rel, List.of(), ifNotExists);
    }

    /** CREATE TABLE t (a, b) AS ...: a name followed by ',' or ')' starts a column name list, not a column definition. */
    private boolean isCreateAsColumnList() {
        return isColId(peek(1)) && (peek(2).isPunct(",") || peek(2).isPunct(")"));
    }

    private Statement createTableAs(RangeVar rel, List<String> cols, boolean ifNotExists) {
        String am = accept("using") ? colId() : null;
        List<DefElem> options = withOptions();
        OnCommitAction onCommit = onCommit();
        String tablespace = accept("tablespace") ? colId() : null;
        expect("as");
        Statement query;
        if (at("execute")) {
            query = executeStmt();
        } else {
            query = selectStatement();
        }
        boolean skipData = false;
        if (accept("with")) {
            skipData = accept("no");
            expect("data");
        }
        IntoClause into = new IntoClause(rel, cols, am, options, onCommit, tablespace, skipData);
        return new CreateTableAsStmt(query, into, new ObjectType(ObjectType.Kind.TABLE), false, ifNotExists);
    }

    /** EXECUTE name [(params)] (defined by the utility layer). */
    abstract Statement executeStmt();

    private CreateStmt createTail(RangeVar rel, List<TableElement> elts, List<RangeVar> inherits, PartitionBoundSpec bound,
                                  TypeName ofType, boolean ifNotExists) {
        PartitionSpec spec = null;
        if (atSeq("partition", "by")) {
            spec = partitionSpec();
        }
        String am = accept("using") ? colId() : null;
        List<DefElem> options = withOptions();
        OnCommitAction onCommit = onCommit();
        String tablespace = accept("tablespace") ? colId() : null;
        return new CreateStmt(rel, elts, inherits, bound, spec, ofType, options, onCommit, tablespace, am, ifNotExists);
    }

    /** WITH (reloptions) | WITHOUT OIDS | nothing. */
    final List<DefElem> withOptions() {
        if (at("with") && peek(1).isPunct("(")) {
            next();
            return relOptions();
        }
        if (atSeq("without", "oids")) {
            p += 2;
        }
        if (at("with") && !peek(1).isKeyword("data") && !peek(1).isKeyword("no")) {
            next();
            throw syntaxError();
        }
        return List.of();
    }

    private OnCommitAction onCommit() {
        if (atSeq("on", "commit")) {
            p += 2;
            if (accept("drop")) {
                return new OnCommitAction(OnCommitAction.Kind.DROP);
            }
            if (accept("delete")) {
                expect("rows");
                return new OnCommitAction(OnCommitAction.Kind.DELETE_ROWS);
            }
            expect("preserve");
            expect("rows");
            return new OnCommitAction(OnCommitAction.Kind.PRESERVE_ROWS);
        }
        return new OnCommitAction(OnCommitAction.Kind.NOOP);
    }

    final PartitionSpec partitionSpec() {
        int loc = next().start();
        expect("by");
        String strategy = colId();
        expectPunct("(");
        List<PartitionElem> params = new ArrayList<>();
        do {
            int eloc = pos();
            String name = null;
            Expr expr = null;
            if (atPunct("(")) {
                next();
                expr = aExpr();
                expectPunct(")");
            } else if (isColId(peek()) && !peek(1).isPunct("(")) {
                name = next().value();
            } else {
                expr = primary();
            }
            List<String> coll = accept("collate") ? anyName() : List.of();
            List<String> opclass = isColId(peek()) ? anyName() : List.of();
            params.add(new PartitionElem(name, expr, coll, opclass, eloc));
        } while (acceptPunct(","));
        expectPunct(")");
        return new PartitionSpec(strategy, params, loc);
    }

    /** ForValues: FOR VALUES IN/FROM..TO/WITH, or DEFAULT. */
    final PartitionBoundSpec partitionBound() {
        int loc = pos();
        if (accept("default")) {
            return new PartitionBoundSpec('\0', true, 0, 0, List.of(), List.of(), List.of(), loc);
        }
        expect("for");
        expect("values");
        if (accept("in")) {
            expectPunct("(");
            List<Expr> list = exprList();
            expectPunct(")");
            return new PartitionBoundSpec('l', false, 0, 0, list, List.of(), List.of(), loc);
        }
        if (accept("from")) {
            expectPunct("(");
            List<Expr> lower = exprList();
            expectPunct(")");
            expect("to");
            expectPunct("(");
            List<Expr> upper = exprList();
            expectPunct(")");
            return new PartitionBoundSpec('r', false, 0, 0, List.of(), lower, upper, loc);
        }
        expect("with");
        expectPunct("(");
        int modulus = -1;
        int remainder = -1;
        do {
            String opt = nonReservedWord();
            int v = iconst();
            if (opt.equals("modulus")) {
                modulus = v;
            } else if (opt.equals("remainder")) {
                remainder = v;
            } else {
                throw errorAt(org.lakepg.wire.error.SqlState.SYNTAX_ERROR, loc, "unrecognized hash partition bound specification \"%s\"", opt);
            }
        } while (acceptPunct(","));
        expectPunct(")");
        return new PartitionBoundSpec('h', false, modulus, remainder, List.of(), List.of(), List.of(), loc);
    }

    private List<TableElement> tableElements(boolean typed) {
        expectPunct("(");
        List<TableElement> elts = new ArrayList<>();
        if (acceptPunct(")")) {
            return elts;
        }
        do {
            elts.add(tableElement(typed));
        } while (acceptPunct(","));
        expectPunct(")");
        return elts;
    }

    private TableElement tableElement(boolean typed) {
        if (at("like") && !typed) {
            next();
            RangeVar rel = qualifiedName();
            int options = 0;
            while (at("including") || at("excluding")) {
                boolean including = next().value().equals("including");
                int bit = switch (colLabel()) {
                    case "comments" -> 1;
                    case "compression" -> 1 << 1;
                    case "constraints" -> 1 << 2;
                    case "defaults" -> 1 << 3;
                    case "generated" -> 1 << 4;
                    case "identity" -> 1 << 5;
                    case "indexes" -> 1 << 6;
                    case "statistics" -> 1 << 7;
                    case "storage" -> 1 << 8;
                    case "all" -> 0x7FFFFFFF;
                    default -> throw syntaxErrorAt(tokens.get(p - 1));
                };
                options = including ? options | bit : options & ~bit;
            }
            return new TableLikeClause(rel, options);
        }
        if (at("constraint") || at("check") || at("unique") || at("primary") || at("exclude")
                || at("foreign")) {
            return tableConstraint();
        }
        if (typed) {
            int loc = pos();
            String name = colId();
            acceptSeq("with", "options");
            List<Constraint> constraints = new ArrayList<>();
            CollateClause collate = null;
            while (true) {
                if (at("collate")) {
                    int cloc = next().start();
                    collate = new CollateClause(null, anyName(), cloc);
                    continue;
                }
                Constraint c = columnConstraint();
                if (c == null) {
                    break;
                }
                constraints.add(c);
            }
            return new ColumnDef(name, null, null, constraints, collate, null, List.of(), loc);
        }
        return columnDef();
    }

    final ColumnDef columnDef() {
        int loc = pos();
        String name = colId();
        TypeName type = typeName();
        String compression = null;
        if (accept("compression")) {
            compression = at("default") ? next().value() : colId();
        }
        List<DefElem> fdwOptions = List.of();
        if (at("options") && peek(1).isPunct("(")) {
            next();
            fdwOptions = genericOptions();
        }
        List<Constraint> constraints = new ArrayList<>();
        CollateClause collate = null;
        while (true) {
            if (at("collate")) {
                int cloc = next().start();
                collate = new CollateClause(null, anyName(), cloc);
                continue;
            }
            Constraint c = columnConstraint();
            if (c == null) {
                break;
            }
            constraints.add(c);
        }
        return new ColumnDef(name, type, compression, constraints, collate, null, fdwOptions, loc);
    }

    @Override
    final ColumnDef tableFuncElement() {
        int loc = pos();
        String name = colId();
        TypeName type = typeName();
        CollateClause collate = null;
        if (at("collate")) {
            int cloc = next().start();
            collate = new CollateClause(null, anyName(), cloc);
        }
        return new ColumnDef(name, type, null, List.of(), collate, null, List.of(), loc);
    }

    @Override
    final IndexElem indexElem() {
        return indexElemDefault();
    }

    /** CREATE [UNIQUE] INDEX ... after CREATE [UNIQUE]. */
    final IndexStmt createIndex(boolean unique) {
        expect("index");
        boolean concurrent = accept("concurrently");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        String name = null;
        if (ifNotExists || !at("on")) {
            name = colId();
        }
        expect("on");
        RangeVar rel = relationExpr();
        String am = accept("using") ? colId() : null;
        expectPunct("(");
        List<IndexElem> params = new ArrayList<>();
        do {
            params.add(indexElem());
        } while (acceptPunct(","));
        expectPunct(")");
        List<IndexElem> include = List.of();
        if (accept("include")) {
            expectPunct("(");
            include = new ArrayList<>();
            do {
                include.add(indexElem());
            } while (acceptPunct(","));
            expectPunct(")");
        }
        boolean nullsNotDistinct = nullsDistinct();
        List<DefElem> options = accept("with") ? relOptions() : List.of();
        String tablespace = accept("tablespace") ? colId() : null;
        Expr where = accept("where") ? aExpr() : null;
        return new IndexStmt(name, rel, am == null ? "btree" : am, tablespace, params, include, options, where, unique,
                nullsNotDistinct, concurrent, ifNotExists);
    }
}
