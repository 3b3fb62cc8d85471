package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.parser.LiteralTemplate;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PlanNodes;
import org.lakepg.server.sql.plan.SeqScanNode;

/**
 * A session's plans of simple-protocol statements, kept under their {@link LiteralTemplate}: the integer literals
 * are parameters of the cached plan and are bound anew on every use ("auto-parameterization"), so pgbench's
 * statements are parsed and analyzed once per session instead of once per execution.
 *
 * <p>A plan is used only while everything its analysis read is unchanged: the compute (time travel and replicas
 * read other ones), the catalog version (DDL, GRANT, ... of any session, see TransactionManager#catalogVersion),
 * the session's settings (search_path, role, DateStyle ...) and the roles. A transaction that changed the catalog
 * itself reads its own uncommitted catalog and neither uses nor makes plans. Plans are only made in READ COMMITTED
 * statements, whose snapshot is taken after the catalog version was read.
 *
 * <p>A template becomes a plan the second time it is seen (statements run once are not analyzed twice); literals
 * that are positions or type modifiers ({@code order by 1}) stay part of the plan's identity, and a statement whose
 * parameterized form does not analyze to the same kind of plan is remembered as not cacheable.
 */
final class SimpleQueryCache {
    private static final int CAPACITY = 256;
    /** Plans kept per template (a template with positional literals, e.g. "order by 1" and "order by 2"). */
    private static final int VARIANTS = 4;

    /** What a plan's analysis depended on; a plan is valid while all of it is the same. */
    record Validity(Object compute, long catalogVersion, long settingsVersion, long rolesVersion) {}

    /**
     * One analyzed template: {@code parameter[i]} tells whether literal i is a parameter; the others must read
     * {@code fixed[i]}. A null command marks a template that cannot be cached.
     */
    private record Plan(Validity validity, Command.Query command, Statement statement, boolean[] parameter,
                         String[] fixed, long[] types) {
        boolean matches(LiteralTemplate template) {
            for (int i = 0; i < fixed.length; i++) {
                if (!parameter[i] && !fixed[i].equals(template.literal(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A cached plan with the literals of this execution as its parameter values. */
    record Hit(Command.Query command, Statement statement, Object[] parameters, Validity validity) {}

    private final Map<String, List<Plan>> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Plan>> eldest) {
            return size() > CAPACITY;
        }
    };
    /** Templates seen once (value unused): the second sighting makes a plan. */
    private final Map<String, Boolean> seen = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY * 4;
        }
    };
    private long hits;
    private long misses;

    /** The plan for this template if one is valid now, with the template's literals bound. */
    Hit lookup(LiteralTemplate template, Validity now) {
        List<Plan> variants = entries.get(template.key());
        if (variants != null) {
            for (Plan e : variants) {
                if (e.validity().equals(now) && e.matches(template)) {
                    if (e.command() == null) {
                        return null;
                    }
                    hits++;
                    return new Hit(e.command(), e.statement(), bind(e, template), now);
                }
            }
        }
        misses++;
        return null;
    }

    /** Whether a statement with this template, just analyzed without the cache, should now get a plan. */
    boolean wanted(LiteralTemplate template, Validity now) {
        if (seen.remove(template.key()) != null) {
            return true;
        }
        List<Plan> variants = entries.get(template.key());
        if (variants == null) {
            seen.put(template.key(), Boolean.TRUE);
            return false;
        }
        // known, but stale or another variant: rejected templates stay rejected until something changes
        return variants.stream().noneMatch(e -> e.command() == null && e.validity().equals(now));
    }

    /**
     * Keeps {@code command} (analyzed from the template with the literals chosen by {@code parameter} as $n of
     * {@code types}) for this template, or remembers it as not cacheable when command is null.
     */
    void put(LiteralTemplate template, Validity validity, Command.Query command, Statement statement,
             boolean[] parameter, long[] types) {
        String[] fixed = new String[template.size()];
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = parameter[i] ? null : template.literal(i);
        }
        Plan entry = new Plan(validity, command, statement, parameter, fixed, types);
        List<Plan> variants = entries.computeIfAbsent(template.key(), k -> new ArrayList<>(1));
        variants.removeIf(e -> !e.validity().equals(validity) || e.matches(template));
        if (variants.size() >= VARIANTS) {
            variants.remove(0);
        }
        variants.add(entry);
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    private static Object[] bind(Plan e, LiteralTemplate template) {
        Object[] values = new Object[e.types().length];
        int n = 0;
        for (int i = 0; i < e.parameter().length; i++) {
            if (e.parameter()[i]) {
                String text = template.literal(i);
                values[n] = e.types()[n] == org.lakepg.server.catalog.TypeOids.INT8 ? (Object) Long.parseLong(text)
                        : (Object) Integer.parseInt(text);
                n++;
            }
        }
        return values;
    }

    /** The parameter types of a template whose chosen literals become parameters: int4 or int8 by their size. */
    static long[] types(LiteralTemplate template, boolean[] parameter) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < parameter.length; i++) {
            if (parameter[i]) {
                out.add(template.int8()[i] ? org.lakepg.server.catalog.TypeOids.INT8 : org.lakepg.server.catalog.TypeOids.INT4);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Whether a plan may be reused: not one the columnar engine could take (lakepg.analytics "on": any sequential
     * scan; "auto": an aggregate or sort over one), because its routing reads constants that would be parameters
     * here, and such a query gains nothing from skipping its analysis.
     */
    static boolean reusable(PlanNode root, String analytics) {
        if ("off".equals(analytics)) {
            return true;
        }
        java.util.Set<PlanNode> all = new java.util.HashSet<>();
        PlanNodes.ctePlans(root, all);
        all.add(root);
        boolean[] found = new boolean[2]; // a sequential scan, an aggregate or sort
        for (PlanNode p : all) {
            find(p, found);
        }
        return !found[0] || !"on".equals(analytics) && !found[1];
    }

    private static void find(PlanNode p, boolean[] found) {
        if (p instanceof SeqScanNode) {
            found[0] = true;
        }
        if (p instanceof org.lakepg.server.sql.plan.AggregateNode || p instanceof org.lakepg.server.sql.plan.SortNode) {
            found[1] = true;
        }
        for (PlanNode child : PlanNodes.children(p)) {
            find(child, found);
        }
    }
}
