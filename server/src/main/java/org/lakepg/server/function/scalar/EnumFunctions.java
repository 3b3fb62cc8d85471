package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.types.EnumValue;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.catalog.types.UserTypeRegistry;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/** Enum comparison by pg_enum sort order, and enum_first / enum_last / enum_range. */
public final class EnumFunctions {
    private EnumFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("enum_eq", (x, c) -> cmp(x) == 0);
        r.register("enum_ne", (x, c) -> cmp(x) != 0);
        r.register("enum_lt", (x, c) -> cmp(x) < 0);
        r.register("enum_le", (x, c) -> cmp(x) <= 0);
        r.register("enum_gt", (x, c) -> cmp(x) > 0);
        r.register("enum_ge", (x, c) -> cmp(x) >= 0);
        r.register("enum_cmp", (x, c) -> cmp(x));
        r.register("enum_smaller", (x, c) -> cmp(x) <= 0 ? x[0] : x[1]);
        r.register("enum_larger", (x, c) -> cmp(x) >= 0 ? x[0] : x[1]);
        r.register("hashenum", (x, c) -> ((EnumValue) x[0]).label().hashCode());
        r.register("enum_first", new TypedCode((x, types, c) -> {
            List<UserType.EnumLabelInfo> labels = labels(types.of(0));
            return labels.isEmpty() ? null : new EnumValue(types.of(0), labels.get(0).label());
        }));
        r.register("enum_last", new TypedCode((x, types, c) -> {
            List<UserType.EnumLabelInfo> labels = labels(types.of(0));
            return labels.isEmpty() ? null : new EnumValue(types.of(0), labels.get(labels.size() - 1).label());
        }));
        r.register("enum_range_all", new TypedCode((x, types, c) -> range(types.of(0), null, null)));
        r.register("enum_range_bounds", new TypedCode((x, types, c) -> {
            long type = types.of(0) != 0 && types.of(0) != org.lakepg.server.catalog.TypeOids.UNKNOWN ? types.of(0)
                    : types.of(1);
            return range(type, (EnumValue) x[0], (EnumValue) x[1]);
        }));
    }

    private static int cmp(Object[] x) {
        return compare((EnumValue) x[0], (EnumValue) x[1]);
    }

    public static int compare(EnumValue a, EnumValue b) {
        UserType.Enum type = UserTypeRegistry.enumType(a.type());
        return Integer.compare(type.position(a.label()), type.position(b.label()));
    }

    private static List<UserType.EnumLabelInfo> labels(long type) {
        if (type == 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "could not determine actual enum type");
        }
        return UserTypeRegistry.enumType(type).labels();
    }

    private static PgArray range(long type, EnumValue from, EnumValue to) {
        UserType.Enum e = UserTypeRegistry.enumType(type);
        int start = from == null ? 0 : e.position(from.label());
        int end = to == null ? e.labels().size() - 1 : e.position(to.label());
        List<Object> out = new ArrayList<>();
        for (int i = start; i <= end; i++) {
            out.add(new EnumValue(type, e.labels().get(i).label()));
        }
        return PgArray.of((int) type, out.toArray());
    }
}
