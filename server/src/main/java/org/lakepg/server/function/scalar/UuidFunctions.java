package org.lakepg.server.function.scalar;

import java.util.UUID;
import org.lakepg.server.function.FunctionRegistry;

/** uuid comparison (as 16 unsigned bytes, like PostgreSQL's memcmp) and gen_random_uuid (version 4). */
public final class UuidFunctions {
    private UuidFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("uuid_eq", (x, c) -> cmp(x) == 0);
        r.register("uuid_ne", (x, c) -> cmp(x) != 0);
        r.register("uuid_lt", (x, c) -> cmp(x) < 0);
        r.register("uuid_le", (x, c) -> cmp(x) <= 0);
        r.register("uuid_gt", (x, c) -> cmp(x) > 0);
        r.register("uuid_ge", (x, c) -> cmp(x) >= 0);
        r.register("uuid_cmp", (x, c) -> cmp(x));
        r.register("gen_random_uuid", (x, c) -> UUID.randomUUID());
    }

    private static int cmp(Object[] x) {
        return compare((UUID) x[0], (UUID) x[1]);
    }

    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        int result = high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        return Integer.signum(result);
    }
}
