package org.lakepg.server.sql.optimizer;

import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/**
 * PostgreSQL's default selectivities of the containment and existence operators GIN indexes answer, which have no
 * statistics in lakepg: contsel for jsonb's @> and <@ (0.001), matchingsel's default for ? ?| ?& @? @@ (0.01),
 * arraycontsel's defaults for arrays (0.005 for @> <@, 0.01 for &&).
 */
final class ContainmentSelectivity {
    private ContainmentSelectivity() {}

    private static final long TSVECTOR = 3614;

    /** The operator's default selectivity, or -1 when it is not one of these. */
    static double of(FuncExpr f) {
        long left = f.arguments().get(0).type();
        if (left == TypeOids.JSONB) {
            return switch (f.name()) {
                case "@>", "<@" -> 0.001;
                case "?", "?|", "?&", "@?", "@@" -> 0.01;
                default -> -1;
            };
        }
        if (left == TSVECTOR && "@@".equals(f.name())) {
            return 0.005; // tsmatchsel's DEFAULT_TS_MATCH_SEL
        }
        boolean arrays = org.lakepg.server.index.gin.GinEntries.isArray(left) && left == f.arguments().get(1).type();
        return !arrays ? -1 : switch (f.name()) {
            case "@>", "<@" -> 0.005;
            case "&&" -> 0.01;
            default -> -1;
        };
    }
}
