package org.lakepg.server.sql.optimizer;

import java.util.function.Function;

/** PostgreSQL's planner cost constants and enable_* switches, read from the session's settings. */
public record CostSettings(double seqPageCost, double randomPageCost, double cpuTupleCost, double cpuIndexTupleCost,
                           double cpuOperatorCost, boolean seqScan, boolean indexScan, boolean hashJoin,
                           boolean nestLoop, boolean mergeJoin, boolean hashAgg, boolean sort, boolean material,
                           boolean indexOnlyScan, boolean bitmapScan) {

    /** What a disabled plan kind costs extra, so it is chosen only when nothing else can be (PostgreSQL's disable_cost). */
    public static final double DISABLE_COST = 1.0e10;

    public static final CostSettings DEFAULT = of(name -> null);

    public static CostSettings of(Function<String, String> setting) {
        return new CostSettings(number(setting, "seq_page_cost", 1.0), number(setting, "random_page_cost", 4.0),
                number(setting, "cpu_tuple_cost", 0.01), number(setting, "cpu_index_tuple_cost", 0.005),
                number(setting, "cpu_operator_cost", 0.0025), flag(setting, "enable_seqscan"),
                flag(setting, "enable_indexscan"), flag(setting, "enable_hashjoin"), flag(setting, "enable_nestloop"),
                flag(setting, "enable_mergejoin"), flag(setting, "enable_hashagg"), flag(setting, "enable_sort"),
                flag(setting, "enable_material"), flag(setting, "enable_indexonlyscan"),
                flag(setting, "enable_bitmapscan"));
    }

    private static double number(Function<String, String> setting, String name, double fallback) {
        String v = setting.apply(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static boolean flag(Function<String, String> setting, String name) {
        String v = setting.apply(name);
        return v == null || !(v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false") || v.equals("0"));
    }
}
