package org.lakepg.server.sql.analyzer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.SubLink;
import org.lakepg.server.sql.ast.WithClause;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The syntactic checks of a WITH RECURSIVE list before any item is analyzed (PostgreSQL's parse_cte.c): which items
 * name themselves, the order that analyzes every item after the items it names (all items see each other), and
 * whether each self-referencing item has the form non-recursive term UNION [ALL] recursive term with its one
 * self-reference in an allowed place.
 */
final class RecursiveWith {
    /** The items in analysis order and the names of those that refer to themselves. */
    record Ordered(List<CommonTableExpr> items, Set<String> selfReferencing) {}

    private RecursiveWith() {}

    /** The items ordered so that none names a later one, or 0A000 for items that name each other. */
    static Ordered order(WithClause with) {
        List<CommonTableExpr> items = with.ctes();
        Set<String> names = new HashSet<>();
        items.forEach(c -> names.add(c.ctename()));
        List<Set<String>> dependsOn = new ArrayList<>();
        Set<String> selfReferencing = new HashSet<>();
        for (CommonTableExpr item : items) {
            Set<String> referenced = new LinkedHashSet<>();
            references(item.ctequery(), names, new ArrayDeque<>(), referenced);
            if (referenced.remove(item.ctename())) {
                selfReferencing.add(item.ctename());
            }
            dependsOn.add(referenced);
        }
        List<CommonTableExpr> remaining = new ArrayList<>(items);
        List<Set<String>> remainingDeps = new ArrayList<>(dependsOn);
        List<CommonTableExpr> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            int ready = -1;
            for (int j = 0; j < remaining.size() && ready < 0; j++) {
                if (remainingDeps.get(j).isEmpty()) {
                    ready = j;
                }
            }
            if (ready < 0) {
                throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "mutual recursion between WITH items is not implemented"), remaining.get(0).location());
            }
            // as PostgreSQL's TopologicalSort: the found item swaps places with the first remaining one
            CommonTableExpr next = remaining.get(ready);
            remaining.set(ready, remaining.get(0));
            remainingDeps.set(ready, remainingDeps.get(0));
            remaining.remove(0);
            remainingDeps.remove(0);
            ordered.add(next);
            remainingDeps.forEach(d -> d.remove(next.ctename()));
        }
        return new Ordered(ordered, selfReferencing);
    }

    /**
     * Walks a SELECT's WITH items and then its body with the names that WITH hides pushed on {@code inner}: a
     * RECURSIVE WITH hides all its names from every item, a plain one each name from the items after it.
     */
    private static void inWithScope(WithClause with, Deque<Set<String>> inner, Consumer<Object> item, Runnable body) {
        Set<String> level = new HashSet<>();
        if (with.recursive()) {
            with.ctes().forEach(c -> level.add(c.ctename()));
        }
        inner.push(level);
        for (CommonTableExpr c : with.ctes()) {
            item.accept(c.ctequery());
            level.add(c.ctename());
        }
        body.run();
        inner.pop();
    }

    /** Adds to {@code out} the names of {@code names} that the tree refers to, except where an inner WITH hides them. */
    private static void references(Object node, Set<String> names, Deque<Set<String>> inner, Set<String> out) {
        switch (node) {
            case null -> { }
            case RangeVar r -> {
                if (r.schemaname() == null && names.contains(r.relname()) && !hidden(r.relname(), inner)) {
                    out.add(r.relname());
                }
            }
            case SelectStmt s when s.withClause() != null -> inWithScope(s.withClause(), inner,
                    query -> references(query, names, inner, out), () -> children(s, child -> {
                        if (!(child instanceof WithClause)) {
                            references(child, names, inner, out);
                        }
                    }));
            case WithClause w -> {
                // a data-modifying statement's own WITH (a SELECT's is handled above with its scope)
                Set<String> level = new HashSet<>();
                inner.push(level);
                for (CommonTableExpr c : w.ctes()) {
                    references(c.ctequery(), names, inner, out);
                    level.add(c.ctename());
                }
                inner.pop();
            }
            default -> children(node, child -> references(child, names, inner, out));
        }
    }

    private static boolean hidden(String name, Deque<Set<String>> inner) {
        return inner.stream().anyMatch(level -> level.contains(name));
    }

    /** Where a self-reference may not appear, each with its error. */
    private enum Context {
        OK(null),
        NON_RECURSIVE_TERM("recursive reference to query \"%s\" must not appear within its non-recursive term"),
        SUBLINK("recursive reference to query \"%s\" must not appear within a subquery"),
        OUTER_JOIN("recursive reference to query \"%s\" must not appear within an outer join"),
        INTERSECT("recursive reference to query \"%s\" must not appear within INTERSECT"),
        EXCEPT("recursive reference to query \"%s\" must not appear within EXCEPT");

        final String message;

        Context(String message) {
            this.message = message;
        }
    }

    /** Checks a self-referencing item's form and the places of its self-references (parse_cte's checkWellFormedRecursion). */
    static void checkWellFormed(CommonTableExpr item) {
        String name = item.ctename();
        if (!(item.ctequery() instanceof SelectStmt stmt)) {
            throw Coercer.at(PgException.of(SqlState.INVALID_RECURSION,
                    "recursive query \"%s\" must not contain data-modifying statements", name), item.location());
        }
        if (stmt.op() != SelectStmt.SetOperation.UNION) {
            throw Coercer.at(PgException.of(SqlState.INVALID_RECURSION,
                    "recursive query \"%s\" does not have the form non-recursive-term UNION [ALL] recursive-term",
                    name), item.location());
        }
        if (stmt.sortClause() != null && !stmt.sortClause().isEmpty()) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "ORDER BY in a recursive query is not implemented"), location(stmt.sortClause().get(0)));
        }
        if (stmt.limitOffset() != null) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "OFFSET in a recursive query is not implemented"), location(stmt.limitOffset()));
        }
        if (stmt.limitCount() != null) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "LIMIT in a recursive query is not implemented"), location(stmt.limitCount()));
        }
        if (stmt.lockingClause() != null && !stmt.lockingClause().isEmpty()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "FOR UPDATE/SHARE in a recursive query is not implemented");
        }
        if (stmt.withClause() != null) {
            new Walk(name).check(stmt.withClause().ctes().stream().map(CommonTableExpr::ctequery).toList(),
                    Context.SUBLINK);
        }
        new Walk(name).check(stmt.larg(), Context.NON_RECURSIVE_TERM);
        new Walk(name).check(stmt.rarg(), Context.OK);
    }

    private static int location(Object node) {
        return switch (node) {
            case SortBy s -> location(s.node());
            case SubLink l -> l.location();
            case org.lakepg.server.sql.ast.Expr e -> ExpressionAnalyzer.location(e);
            default -> -1;
        };
    }

    /** One walk over a term, counting the self-references and refusing those in a forbidden context. */
    private static final class Walk {
        private final String name;
        private final Deque<Set<String>> inner = new ArrayDeque<>();
        private Context context;
        private int selfReferences;

        Walk(String name) {
            this.name = name;
        }

        void check(Object node, Context start) {
            context = start;
            visit(node);
        }

        private void visit(Object node) {
            Context saved = context;
            switch (node) {
                case null -> { }
                case RangeVar r -> {
                    if (r.schemaname() != null || !r.relname().equals(name) || hidden(name, inner)) {
                        return;
                    }
                    if (context != Context.OK) {
                        throw Coercer.at(PgException.of(SqlState.INVALID_RECURSION, context.message, name), r.location());
                    }
                    if (++selfReferences > 1) {
                        throw Coercer.at(PgException.of(SqlState.INVALID_RECURSION,
                                "recursive reference to query \"%s\" must not appear more than once", name), r.location());
                    }
                }
                case SelectStmt s when s.withClause() != null -> inWithScope(s.withClause(), inner, this::visit,
                        () -> select(s));
                case SelectStmt s -> select(s);
                case WithClause w -> { }
                case JoinExpr j -> {
                    boolean nullableLeft = j.jointype() == JoinExpr.JoinType.FULL || j.jointype() == JoinExpr.JoinType.RIGHT;
                    boolean nullableRight = j.jointype() == JoinExpr.JoinType.FULL || j.jointype() == JoinExpr.JoinType.LEFT;
                    context = nullableLeft && saved == Context.OK ? Context.OUTER_JOIN : saved;
                    visit(j.larg());
                    context = nullableRight && saved == Context.OK ? Context.OUTER_JOIN : saved;
                    visit(j.rarg());
                    context = saved;
                    visit(j.quals());
                }
                case SubLink l -> {
                    // a subquery is independent of the context around it
                    context = Context.SUBLINK;
                    visit(l.subselect());
                    context = saved;
                    visit(l.testexpr());
                }
                default -> children(node, this::visit);
            }
            context = saved;
        }

        /** A SELECT without regard to its WITH: INTERSECT/EXCEPT make their sides forbidden places. */
        private void select(SelectStmt s) {
            Context saved = context;
            if (saved != Context.OK || s.op() == SelectStmt.SetOperation.NONE || s.op() == SelectStmt.SetOperation.UNION) {
                children(s, child -> {
                    if (!(child instanceof WithClause)) {
                        visit(child);
                    }
                });
                return;
            }
            boolean intersect = s.op() == SelectStmt.SetOperation.INTERSECT;
            if (s.all()) {
                context = intersect ? Context.INTERSECT : Context.EXCEPT;
            }
            visit(s.larg());
            if (!intersect) {
                context = Context.EXCEPT;
            }
            visit(s.rarg());
            context = saved;
            visit(s.sortClause());
            visit(s.limitOffset());
            visit(s.limitCount());
        }
    }

    /** Calls {@code action} with each component of a syntax record and each element of a list. */
    private static void children(Object node, java.util.function.Consumer<Object> action) {
        switch (node) {
            case List<?> list -> list.forEach(action);
            case Record r -> {
                for (var component : r.getClass().getRecordComponents()) {
                    try {
                        action.accept(component.getAccessor().invoke(r));
                    } catch (ReflectiveOperationException unreadable) {
                        throw new IllegalStateException(unreadable);
                    }
                }
            }
            default -> { }
        }
    }
}
