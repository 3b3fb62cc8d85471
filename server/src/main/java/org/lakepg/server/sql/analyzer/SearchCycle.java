package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.ast.AArrayExpr;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AExpr;
import org.lakepg.server.sql.ast.Alias;
import org.lakepg.server.sql.ast.BoolExpr;
import org.lakepg.server.sql.ast.CTECycleClause;
import org.lakepg.server.sql.ast.CTESearchClause;
import org.lakepg.server.sql.ast.CaseExpr;
import org.lakepg.server.sql.ast.CaseWhen;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * WITH RECURSIVE ... SEARCH / CYCLE (PostgreSQL's rewriteSearchAndCycle), as a rewrite of the two UNION
 * terms before they are analyzed: each term becomes a SELECT over itself that adds the sequence, cycle
 * mark and path columns. The recursive term also passes on the parent row's sequence and path (read
 * from its reference to the WITH query) and skips rows already marked as cycles.
 */
final class SearchCycle {
    private static final String LEFT = "__sc_l";
    private static final String RIGHT = "__sc_r";
    private static final String PARENT_SEQ = "__sc_seq";
    private static final String PARENT_PATH = "__sc_path";
    /** The depth field of a breadth-first SEARCH sequence record, named as rewriteSearchCycle.c names it. */
    static final String DEPTH = "*DEPTH*";

    private SearchCycle() {}

    /**
     * The WITH query's body with its SEARCH and CYCLE columns.
     *
     * @param columns the WITH query's column names (its alias list, else its non-recursive term's names)
     */
    static SelectStmt rewrite(CommonTableExpr c, SelectStmt union, List<String> columns) {
        CTESearchClause search = c.searchClause();
        CTECycleClause cycle = c.cycleClause();
        if (union.op() != SelectStmt.SetOperation.UNION) {
            throw syntax("with a SEARCH or CYCLE clause, the recursive query must be a UNION", c.location());
        }
        if (union.larg().op() != SelectStmt.SetOperation.NONE) {
            throw syntax("with a SEARCH or CYCLE clause, the left side of the UNION must be a SELECT", c.location());
        }
        if (union.rarg().op() != SelectStmt.SetOperation.NONE) {
            throw syntax("with a SEARCH or CYCLE clause, the right side of the UNION must be a SELECT", c.location());
        }
        validate(search, cycle, columns);
        SelectStmt term = union.rarg();
        boolean shadowed = term.withClause() != null
                && term.withClause().ctes().stream().anyMatch(w -> w.ctename().equals(c.ctename()));
        String reference = shadowed ? null : recursiveReference(term.fromClause(), c.ctename());
        if (reference == null) {
            throw syntax("with a SEARCH or CYCLE clause, the recursive reference to WITH query \"" + c.ctename()
                    + "\" must be at the top level of its right-hand SELECT", c.location());
        }
        SelectStmt left = left(union.larg(), columns, search, cycle);
        SelectStmt right = right(union.rarg(), reference, columns, search, cycle);
        return withTerms(union, left, right);
    }

    private static void validate(CTESearchClause search, CTECycleClause cycle, List<String> columns) {
        if (search != null) {
            Set<String> seen = new HashSet<>();
            for (String s : search.searchColList()) {
                if (!columns.contains(s)) {
                    throw PgException.of(SqlState.SYNTAX_ERROR, "search column \"%s\" not in WITH query column list", s)
                            .withPosition(search.location() + 1);
                }
                if (!seen.add(s)) {
                    throw PgException.of(SqlState.DUPLICATE_COLUMN, "search column \"%s\" specified more than once", s)
                            .withPosition(search.location() + 1);
                }
            }
            if (columns.contains(search.searchSeqColumn())) {
                throw PgException.of(SqlState.SYNTAX_ERROR,
                        "search sequence column name \"%s\" already used in WITH query column list",
                        search.searchSeqColumn()).withPosition(search.location() + 1);
            }
        }
        if (cycle != null) {
            Set<String> seen = new HashSet<>();
            for (String s : cycle.cycleColList()) {
                if (!columns.contains(s)) {
                    throw PgException.of(SqlState.SYNTAX_ERROR, "cycle column \"%s\" not in WITH query column list", s)
                            .withPosition(cycle.location() + 1);
                }
                if (!seen.add(s)) {
                    throw PgException.of(SqlState.DUPLICATE_COLUMN, "cycle column \"%s\" specified more than once", s)
                            .withPosition(cycle.location() + 1);
                }
            }
            if (columns.contains(cycle.cycleMarkColumn())) {
                throw PgException.of(SqlState.SYNTAX_ERROR,
                        "cycle mark column name \"%s\" already used in WITH query column list", cycle.cycleMarkColumn())
                        .withPosition(cycle.location() + 1);
            }
            if (columns.contains(cycle.cyclePathColumn())) {
                throw PgException.of(SqlState.SYNTAX_ERROR,
                        "cycle path column name \"%s\" already used in WITH query column list", cycle.cyclePathColumn())
                        .withPosition(cycle.location() + 1);
            }
            if (cycle.cycleMarkColumn().equals(cycle.cyclePathColumn())) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "cycle mark column name and cycle path column name are the same")
                        .withPosition(cycle.location() + 1);
            }
        }
        if (search != null && cycle != null) {
            if (search.searchSeqColumn().equals(cycle.cycleMarkColumn())) {
                throw PgException.of(SqlState.SYNTAX_ERROR,
                        "search sequence column name and cycle mark column name are the same")
                        .withPosition(search.location() + 1);
            }
            if (search.searchSeqColumn().equals(cycle.cyclePathColumn())) {
                throw PgException.of(SqlState.SYNTAX_ERROR,
                        "search sequence column name and cycle path column name are the same")
                        .withPosition(search.location() + 1);
            }
        }
    }

    /** The alias of the recursive term's reference to the WITH query, or null when it is not in its FROM list. */
    private static String recursiveReference(List<FromItem> from, String name) {
        if (from == null) {
            return null;
        }
        for (FromItem item : from) {
            String found = reference(item, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String reference(FromItem item, String name) {
        return switch (item) {
            case RangeVar r when r.schemaname() == null && r.relname().equals(name) ->
                    r.alias() != null ? r.alias().aliasname() : r.relname();
            case JoinExpr j -> {
                String l = reference(j.larg(), name);
                yield l != null ? l : reference(j.rarg(), name);
            }
            default -> null;
        };
    }

    /** SELECT l.*, first sequence, default mark, first path FROM (non-recursive term) l(columns). */
    private static SelectStmt left(SelectStmt term, List<String> columns, CTESearchClause search, CTECycleClause cycle) {
        List<ResTarget> targets = new ArrayList<>();
        for (String col : columns) {
            targets.add(target(col, column(LEFT, col)));
        }
        if (search != null) {
            Expr row = row(LEFT, search.searchColList());
            Expr seq = search.searchBreadthFirst()
                    ? new RowExpr(prepend(new TypeCast(integer(0), type("int8"), -1), columnsOf(LEFT, search.searchColList())),
                    true, -1)
                    : new AArrayExpr(List.of(row), -1);
            targets.add(target(search.searchSeqColumn(), seq));
        }
        if (cycle != null) {
            targets.add(target(cycle.cycleMarkColumn(), markDefault(cycle)));
            targets.add(target(cycle.cyclePathColumn(), new AArrayExpr(List.of(row(LEFT, cycle.cycleColList())), -1)));
        }
        RangeSubselect from = new RangeSubselect(false, term, new Alias(LEFT, columns));
        return select(targets, List.of(from), null);
    }

    /**
     * SELECT r.columns, next sequence, mark, extended path FROM (recursive term passing on the parent's sequence
     * and path, without the rows marked as cycles) r(columns, parent sequence, parent path).
     */
    private static SelectStmt right(SelectStmt term, String reference, List<String> columns, CTESearchClause search,
                                     CTECycleClause cycle) {
        List<ResTarget> inner = new ArrayList<>();
        boolean onlyReference = term.fromClause() != null && term.fromClause().size() == 1
                && term.fromClause().get(0) instanceof RangeVar;
        for (ResTarget t : term.targetList()) {
            // * over the reference lists the WITH query's own columns, not the ones added here
            if (t.val() instanceof ColumnRef star && star.star()
                    && (star.fields().isEmpty() && onlyReference
                    || star.fields().size() == 1 && star.fields().get(0).equals(reference))) {
                columns.forEach(col -> inner.add(target(col, column(reference, col))));
            } else {
                inner.add(t);
            }
        }
        List<String> innerNames = new ArrayList<>(columns);
        if (search != null) {
            inner.add(target(PARENT_SEQ, column(reference, search.searchSeqColumn())));
            innerNames.add(PARENT_SEQ);
        }
        Expr where = term.whereClause();
        if (cycle != null) {
            inner.add(target(PARENT_PATH, column(reference, cycle.cyclePathColumn())));
            innerNames.add(PARENT_PATH);
            Expr notCycle = notCycle(column(reference, cycle.cycleMarkColumn()), markValue(cycle));
            where = where == null ? notCycle : new BoolExpr(BoolExpr.BoolOp.AND, List.of(where, notCycle), -1);
        }
        SelectStmt passing = new SelectStmt(term.distinctClause(), term.intoClause(), inner, term.fromClause(), where,
                term.groupClause(), term.groupDistinct(), term.havingClause(), term.windowClause(), term.valuesLists(),
                term.sortClause(), term.limitOffset(), term.limitCount(), term.limitOption(), term.lockingClause(),
                term.withClause(), term.op(), term.all(), term.larg(), term.rarg());
        List<ResTarget> targets = new ArrayList<>();
        for (String col : columns) {
            targets.add(target(col, column(RIGHT, col)));
        }
        if (search != null) {
            Expr seq;
            if (search.searchBreadthFirst()) {
                // the parent's depth is the first field of its (depth, columns...) record
                Expr next = call("int8inc", new org.lakepg.server.sql.ast.AIndirection(column(RIGHT, PARENT_SEQ),
                        List.of(new org.lakepg.server.sql.ast.FieldName(DEPTH))));
                seq = new RowExpr(prepend(next, columnsOf(RIGHT, search.searchColList())), true, -1);
            } else {
                seq = pathCat(column(RIGHT, PARENT_SEQ), row(RIGHT, search.searchColList()));
            }
            targets.add(target(search.searchSeqColumn(), seq));
        }
        if (cycle != null) {
            Expr row = row(RIGHT, cycle.cycleColList());
            Expr seen = new AExpr(AExpr.Kind.OP_ANY, List.of("="), row, column(RIGHT, PARENT_PATH), -1);
            targets.add(target(cycle.cycleMarkColumn(), new CaseExpr(null, List.of(new CaseWhen(seen, markValue(cycle), -1)),
                    markDefault(cycle), -1)));
            targets.add(target(cycle.cyclePathColumn(), pathCat(column(RIGHT, PARENT_PATH),
                    row(RIGHT, cycle.cycleColList()))));
        }
        return select(targets, List.of(new RangeSubselect(false, passing, new Alias(RIGHT, innerNames))), null);
    }

    private static SelectStmt withTerms(SelectStmt union, SelectStmt left, SelectStmt right) {
        return new SelectStmt(union.distinctClause(), union.intoClause(), union.targetList(), union.fromClause(),
                union.whereClause(), union.groupClause(), union.groupDistinct(), union.havingClause(), union.windowClause(),
                union.valuesLists(), union.sortClause(), union.limitOffset(), union.limitCount(), union.limitOption(),
                union.lockingClause(), union.withClause(), union.op(), union.all(), left, right);
    }

    private static SelectStmt select(List<ResTarget> targets, List<FromItem> from, Expr where) {
        return new SelectStmt(null, null, targets, from, where, List.of(), false, null, List.of(), List.of(), List.of(),
                null, null, SelectStmt.LimitOption.DEFAULT, List.of(), null, SelectStmt.SetOperation.NONE, false, null, null);
    }

    /** {@code path || ARRAY[ROW(...)]} written as the array_cat call PostgreSQL's rewrite makes. */
    private static Expr pathCat(Expr path, Expr row) {
        return call("array_cat", path, new AArrayExpr(List.of(row), -1));
    }

    /**
     * {@code mark <> value}; a boolean mark value gives {@code NOT mark} (or the mark itself), as the planner
     * simplifies {@code x <> true} (simplify_boolean_equality).
     */
    private static Expr notCycle(Expr mark, Expr value) {
        if (value instanceof AConst c && c.kind() == AConst.Kind.BOOLEAN) {
            return c.value().startsWith("t") ? new BoolExpr(BoolExpr.BoolOp.NOT, List.of(mark), -1) : mark;
        }
        return new AExpr(AExpr.Kind.OP, List.of("<>"), mark, value, -1);
    }

    private static Expr markValue(CTECycleClause cycle) {
        return cycle.cycleMarkValue() != null ? cycle.cycleMarkValue() : new AConst(AConst.Kind.BOOLEAN, "t", -1);
    }

    private static Expr markDefault(CTECycleClause cycle) {
        return cycle.cycleMarkDefault() != null ? cycle.cycleMarkDefault() : new AConst(AConst.Kind.BOOLEAN, "f", -1);
    }

    private static ResTarget target(String name, Expr value) {
        return new ResTarget(name, List.of(), value, -1);
    }

    private static ColumnRef column(String table, String name) {
        return new ColumnRef(List.of(table, name), false, -1);
    }

    private static List<Expr> columnsOf(String table, List<String> names) {
        List<Expr> out = new ArrayList<>();
        names.forEach(n -> out.add(column(table, n)));
        return out;
    }

    private static Expr row(String table, List<String> names) {
        return new RowExpr(columnsOf(table, names), true, -1);
    }

    private static List<Expr> prepend(Expr first, List<Expr> rest) {
        List<Expr> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static AConst integer(int v) {
        return new AConst(AConst.Kind.INTEGER, Integer.toString(v), -1);
    }

    private static TypeName type(String name) {
        return new TypeName(List.of(name), List.of(), List.of(), false, false, -1);
    }

    private static FuncCall call(String name, Expr... args) {
        return new FuncCall(List.of(name), List.of(args), List.of(), null, null, false, false, false, false,
                FuncCall.CoercionForm.EXPLICIT_CALL, -1);
    }

    private static PgException syntax(String message, int location) {
        return PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s", message);
    }
}
