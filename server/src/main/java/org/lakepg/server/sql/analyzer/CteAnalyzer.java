package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.WithClause;
import org.lakepg.server.sql.plan.CteScanNode;
import org.lakepg.server.sql.plan.ModifyingCtesNode;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.server.sql.plan.RecursiveUnionNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A WITH clause (PostgreSQL's transformWithClause and the recursive-union planning): defines each
 * item in the current {@link CteScope} level, in order, analyzing WITH RECURSIVE items as
 * non-recursive term UNION [ALL] recursive term over a working table.
 */
final class CteAnalyzer {
    private final QueryAnalyzer queries;
    private final ExpressionAnalyzer expressions;
    private final AnalyzerCatalog catalog;
    private final List<CteScanNode> modifying = new ArrayList<>();

    CteAnalyzer(QueryAnalyzer queries, ExpressionAnalyzer expressions, AnalyzerCatalog catalog) {
        this.queries = queries;
        this.expressions = expressions;
        this.catalog = catalog;
    }

    /** The query whose WITH clause this is, where items may be inlined (null: none is). */
    private Object statement;

    CteAnalyzer inliningIn(Object statement) {
        this.statement = statement;
        return this;
    }

    void define(WithClause with, boolean topLevel) {
        Set<String> names = new HashSet<>();
        for (CommonTableExpr c : with.ctes()) {
            if (!names.add(c.ctename())) {
                throw Coercer.at(PgException.of(SqlState.DUPLICATE_ALIAS,
                        "WITH query name \"%s\" specified more than once", c.ctename()), c.location());
            }
        }
        expressions.ctes().declare(names);
        // WITH RECURSIVE: every item sees every other, so they are analyzed after the items they name
        RecursiveWith.Ordered ordered = with.recursive() ? RecursiveWith.order(with) : null;
        List<CommonTableExpr> items = ordered != null ? ordered.items() : with.ctes();
        for (CommonTableExpr item : items) {
            boolean selfReferencing = ordered != null && ordered.selfReferencing().contains(item.ctename());
            if (selfReferencing) {
                RecursiveWith.checkWellFormed(item);
            }
            boolean recursive = selfReferencing
                    || ordered != null && (item.searchClause() != null || item.cycleClause() != null);
            CommonTableExpr c = item;
            CteScope.Cte cte = new CteScope.Cte(c.ctename(), expressions.nextParamId());
            cte.location = c.location();
            if ((c.searchClause() != null || c.cycleClause() != null) && recursive
                    && c.ctequery() instanceof SelectStmt union) {
                c = withSearchAndCycle(c, union);
            }
            switch (c.ctequery()) {
                case SelectStmt select when recursive -> {
                    expressions.ctes().define(cte);
                    cte.body = recursive(c, cte, select);
                }
                case SelectStmt select -> {
                    List<CteScope.Cte> unread = expressions.ctes().unreadWorkTables();
                    cte.body = named(c, queries.query(select));
                    List<CteScope.Cte> read = unread.stream().filter(r -> r.selfReferenced).toList();
                    if (statement != null
                            && CteInlining.inlined(c, select, statement, cte.body.plan(), !read.isEmpty())) {
                        cte.inlined = select;
                        cte.readWorkTables = read;
                        cte.definer = queries;
                        cte.columnNames = c.aliascolnames();
                        cte.visible = expressions.ctes().snapshot();
                    }
                    expressions.ctes().define(cte);
                }
                case InsertStmt insert -> modifying(c, cte, topLevel, m -> m.insert(insert));
                case UpdateStmt update -> modifying(c, cte, topLevel, m -> m.update(update));
                case DeleteStmt delete -> modifying(c, cte, topLevel, m -> m.delete(delete));
                default -> throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "this statement in WITH is not supported yet"), c.location());
            }
        }
    }

    /** The item with its body rewritten to compute its SEARCH and CYCLE columns ({@link SearchCycle}). */
    private CommonTableExpr withSearchAndCycle(CommonTableExpr c, SelectStmt union) {
        List<String> columns = c.aliascolnames();
        if ((columns == null || columns.isEmpty()) && union.op() == SelectStmt.SetOperation.UNION
                && union.larg() != null) {
            columns = queries.query(union.larg()).columns().stream().map(OutputColumn::name).toList();
        }
        if (c.cycleClause() != null && c.cycleClause().cycleMarkValue() != null) {
            var value = expressions.analyzeWithoutAggregates(c.cycleClause().cycleMarkValue(), Scope.EMPTY, "CYCLE");
            var fallback = expressions.analyzeWithoutAggregates(c.cycleClause().cycleMarkDefault(), Scope.EMPTY, "CYCLE");
            long markType;
            try {
                markType = new CommonType(expressions.coercer().rules()).select(List.of(value.type(), fallback.type()),
                        "CYCLE");
            } catch (PgException mismatch) {
                throw Coercer.at(mismatch, ExpressionAnalyzer.location(c.cycleClause().cycleMarkDefault()));
            }
            // the mark is compared with <>, the negator of the type's default equality (get_sort_group_operators)
            if (catalog.btreeComparison(markType).isEmpty() && !RecursiveUnionHashing.hashableEquality(catalog, markType)) {
                throw PgException.of(SqlState.UNDEFINED_FUNCTION, "could not identify an equality operator for type %s",
                        TypeNames.format(catalog, markType));
            }
        }
        SelectStmt body = SearchCycle.rewrite(c, union, columns == null ? List.of() : columns);
        return new CommonTableExpr(c.ctename(), c.aliascolnames(), c.ctematerialized(), body, null, null, c.location());
    }

    /** The query with its data-modifying WITH items made to run. */
    Relation runModifying(Relation body) {
        if (modifying.isEmpty()) {
            return body;
        }
        return new Relation(new ModifyingCtesNode(body.plan(), modifying), body.columns());
    }

    private void modifying(CommonTableExpr c, CteScope.Cte cte, boolean topLevel,
                           java.util.function.Function<ModifyAnalyzer, QueryPlan> analyze) {
        if (!topLevel) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "WITH clause containing a data-modifying statement must be at the top level"), c.location());
        }
        QueryPlan plan = analyze.apply(new ModifyAnalyzer(expressions, queries, queries.parameters(), catalog));
        List<OutputColumn> columns = plan.columns() == null ? List.of() : plan.columns();
        cte.body = named(c, new Relation(plan.root(), columns));
        cte.withoutReturning = plan.columns() == null;
        modifying.add(new CteScanNode(c.ctename(), c.ctename(), plan.root(), columns.size()));
        expressions.ctes().define(cte);
    }

    private Relation named(CommonTableExpr c, Relation body) {
        List<String> aliases = c.aliascolnames();
        if (aliases != null && aliases.size() > body.columns().size()) {
            throw Coercer.at(PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                    "WITH query \"%s\" has %d columns available but %d columns specified", c.ctename(),
                    body.columns().size(), aliases.size()), c.location());
        }
        return new Relation(body.plan(), QueryAnalyzer.renamed(body.columns(), aliases, c.ctename()));
    }

    private static SelectStmt withoutWith(SelectStmt s) {
        return new SelectStmt(s.distinctClause(), s.intoClause(), s.targetList(), s.fromClause(), s.whereClause(),
                s.groupClause(), s.groupDistinct(), s.havingClause(), s.windowClause(), s.valuesLists(), s.sortClause(),
                s.limitOffset(), s.limitCount(), s.limitOption(), s.lockingClause(), null, s.op(), s.all(), s.larg(),
                s.rarg());
    }

    /** Where the first aggregate call of a query's own level is written (for errors about it), or -1. */
    private int aggregateLocation(Object node) {
        return switch (node) {
            case null -> -1;
            case org.lakepg.server.sql.ast.SubLink l -> -1;
            case org.lakepg.server.sql.ast.RangeSubselect r -> -1;
            case org.lakepg.server.sql.ast.FuncCall f when f.over() == null && catalog.functions(f.funcname()).stream()
                    .anyMatch(p -> p.kind() == 'a') -> f.location();
            case List<?> list -> list.stream().mapToInt(this::aggregateLocation).filter(l -> l >= 0).findFirst().orElse(-1);
            case Record r -> {
                for (var component : r.getClass().getRecordComponents()) {
                    try {
                        int found = aggregateLocation(component.getAccessor().invoke(r));
                        if (found >= 0) {
                            yield found;
                        }
                    } catch (ReflectiveOperationException unreadable) {
                        yield -1;
                    }
                }
                yield -1;
            }
            default -> -1;
        };
    }

    /** Where output column {@code i} of a plain SELECT is written (a cast from where its operand starts), or -1. */
    private static int outputLocation(SelectStmt select, int i) {
        if (select == null || select.op() != SelectStmt.SetOperation.NONE || select.targetList() == null
                || i >= select.targetList().size()) {
            return -1;
        }
        org.lakepg.server.sql.ast.Expr e = select.targetList().get(i).val();
        int at = ExpressionAnalyzer.location(e);
        if (e instanceof org.lakepg.server.sql.ast.TypeCast cast) {
            int operand = ExpressionAnalyzer.location(cast.arg());
            if (operand >= 0 && (at < 0 || operand < at)) {
                at = operand;
            }
        }
        return at;
    }

    /** Whether the recursive term's own query level aggregates (its subqueries may). */
    private static boolean aggregates(PlanNode p) {
        return switch (p) {
            case org.lakepg.server.sql.plan.AggregateNode a -> true;
            case ProjectNode x -> aggregates(x.input());
            case org.lakepg.server.sql.plan.FilterNode f -> aggregates(f.input());
            case org.lakepg.server.sql.plan.SortNode s -> aggregates(s.input());
            case org.lakepg.server.sql.plan.LimitNode l -> aggregates(l.input());
            case org.lakepg.server.sql.plan.DistinctNode d -> aggregates(d.input());
            default -> false;
        };
    }

    private Relation recursive(CommonTableExpr c, CteScope.Cte cte, SelectStmt select) {
        if (select.op() == SelectStmt.SetOperation.UNION && select.withClause() != null) {
            // WITH x AS (...) SELECT ... UNION SELECT ... FROM x: the inner items are seen by both terms
            expressions.ctes().push();
            try {
                new CteAnalyzer(queries, expressions, catalog).define(select.withClause(), false);
                return recursive(c, cte, withoutWith(select));
            } finally {
                expressions.ctes().pop();
            }
        }
        if (select.op() != SelectStmt.SetOperation.UNION) {
            // not recursive unless it names itself, which the reference reports as the wrong form
            return named(c, queries.query(select));
        }
        if (select.sortClause() != null && !select.sortClause().isEmpty()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ORDER BY in a recursive query is not implemented");
        }
        if (select.lockingClause() != null && !select.lockingClause().isEmpty()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "FOR UPDATE/SHARE in a recursive query is not implemented");
        }
        if (select.limitOffset() != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "OFFSET in a recursive query is not implemented");
        }
        if (select.limitCount() != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "LIMIT in a recursive query is not implemented");
        }
        cte.inNonRecursiveTerm = true;
        Relation left;
        try {
            left = named(c, queries.query(select.larg()));
        } finally {
            cte.inNonRecursiveTerm = false;
        }
        cte.workColumns = left.columns();
        cte.nonRecursivePlan = left.plan();
        cte.workTableId = expressions.nextParamId();
        cte.subqueryDepth = expressions.subqueryDepth();
        Relation right = queries.query(select.rarg());
        if (!cte.selfReferenced) {
            return named(c, queries.setOperation(SelectStmt.SetOperation.UNION, select.all(), left, right));
        }
        if (left.columns().size() != right.columns().size()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "each UNION query must have the same number of columns");
        }
        if (aggregates(right.plan())) {
            throw Coercer.at(PgException.of(SqlState.INVALID_RECURSION,
                    "aggregate functions are not allowed in a recursive query's recursive term"),
                    aggregateLocation(select.rarg()));
        }
        List<BoundExpr> rightCast = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < left.columns().size(); i++) {
            OutputColumn l = left.columns().get(i);
            OutputColumn r = right.columns().get(i);
            long type = new CommonType(expressions.coercer().rules()).select(List.of(l.type(), r.type()), "UNION");
            // as select_common_typmod: the inputs' typmod only when both have the common type and agree on it
            int typmod = l.type() == type && r.type() == type && l.typmod() == r.typmod() ? l.typmod() : -1;
            if (type != l.type() || typmod != l.typmod()) {
                throw Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                        "recursive query \"%s\" column %d has type %s in non-recursive term but type %s overall",
                        c.ctename(), i + 1, TypeNames.format(catalog, l.type(), l.typmod()),
                        TypeNames.format(catalog, type, typmod))
                        .withHint("Cast the output of the non-recursive term to the correct type."),
                        outputLocation(select.larg(), i));
            }
            BoundExpr ref = new InputRef(i, r.type(), r.typmod(), r.name());
            BoundExpr cast = expressions.coercer().coerce(ref, type, l.typmod(), TypeCoercion.Context.IMPLICIT, -1);
            changed |= !cast.equals(ref);
            rightCast.add(cast);
        }
        if (!select.all()) {
            RecursiveUnionHashing.check(catalog, left.columns());
        }
        PlanNode rightPlan = changed ? new ProjectNode(right.plan(), rightCast) : right.plan();
        return new Relation(new RecursiveUnionNode(left.plan(), rightPlan, cte.workTableId, select.all(),
                queries.keysFor(left.columns())), left.columns());
    }
}
