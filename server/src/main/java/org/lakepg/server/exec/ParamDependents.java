package org.lakepg.server.exec;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lakepg.server.sql.plan.CteScanNode;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * What a statement keeps once computed (WITH items' rows, uncorrelated subqueries' rows) that reads given executor
 * parameters, directly or through the WITH items it reads: when a correlated subquery or LATERAL item runs again with
 * new values, these must be computed again (PostgreSQL rescans the plans whose parameters changed).
 */
public final class ParamDependents {
    private final Set<Integer> ids;
    private final Map<PlanNode, Boolean> cteReads = new IdentityHashMap<>();
    private final Set<PlanNode> out = Collections.newSetFromMap(new IdentityHashMap<>());

    private ParamDependents(Set<Integer> ids) {
        this.ids = ids;
    }

    /** The kept results under {@code plan} that depend on parameters {@code ids}. */
    public static Set<PlanNode> of(PlanNode plan, int[] ids) {
        Set<Integer> set = new java.util.HashSet<>();
        for (int id : ids) {
            set.add(id);
        }
        ParamDependents walk = new ParamDependents(set);
        walk.reads(plan);
        return walk.out;
    }

    /** Whether the node reads one of the parameters; records the kept results found reading them. */
    private boolean reads(Object node) {
        return switch (node) {
            case null -> false;
            case OuterParam p -> ids.contains(p.id());
            case CteScanNode c -> {
                boolean cte = cteReads(c.cte());
                if (cte && !(c.cte() instanceof ModifyNode)) {
                    out.add(c.cte());
                }
                yield cte;
            }
            case SubqueryExpr q -> {
                boolean any = false;
                for (Object child : List.of(q.correlations(), q.test() == null ? List.of() : q.test(),
                        q.comparison() == null ? List.of() : q.comparison())) {
                    any |= reads(child);
                }
                boolean plan = reads(q.plan());
                if (plan && !q.correlated()) {
                    out.add(q.plan());
                }
                yield any || plan;
            }
            case List<?> list -> {
                boolean any = false;
                for (Object element : list) {
                    any |= reads(element);
                }
                yield any;
            }
            case Record r when r.getClass().getPackageName().startsWith("org.lakepg.server.sql.plan") -> {
                boolean any = false;
                for (var component : r.getClass().getRecordComponents()) {
                    try {
                        any |= reads(component.getAccessor().invoke(r));
                    } catch (ReflectiveOperationException unreadable) {
                        throw new IllegalStateException(unreadable);
                    }
                }
                yield any;
            }
            default -> false;
        };
    }

    private boolean cteReads(PlanNode cte) {
        Boolean known = cteReads.get(cte);
        if (known != null) {
            return known;
        }
        cteReads.put(cte, false);
        boolean reads = reads(cte);
        cteReads.put(cte, reads);
        return reads;
    }
}
