package org.lakepg.server.function.scalar;

import org.lakepg.server.catalog.types.RangeTypes;
import org.lakepg.server.catalog.types.RangeValue;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Range constructors, accessors, operators (@>, <@, &&, <<, >>, &<, &>, -|-, +, *, -) and ordering (rangetypes.c). */
public final class RangeFunctions {
    private RangeFunctions() {}

    /** One bound of a range, as range_deserialize gives it. */
    private record Bound(Object value, boolean infinite, boolean inclusive, boolean lower) {}

    private static Bound lower(RangeValue r) {
        return new Bound(r.lower(), r.lowerInfinite(), r.lowerInclusive(), true);
    }

    private static Bound upper(RangeValue r) {
        return new Bound(r.upper(), r.upperInfinite(), r.upperInclusive(), false);
    }

    private static long subtype(RangeValue r) {
        return RangeTypes.subtype(r.type());
    }

    /** range_cmp_bounds: where two bounds lie relative to each other, inclusivity and side considered. */
    private static int cmp(long sub, Bound a, Bound b) {
        if (a.infinite() && b.infinite()) {
            return a.lower() == b.lower() ? 0 : a.lower() ? -1 : 1;
        }
        if (a.infinite()) {
            return a.lower() ? -1 : 1;
        }
        if (b.infinite()) {
            return b.lower() ? 1 : -1;
        }
        int r = ValueOrder.compare(sub, a.value(), b.value());
        if (r == 0) {
            if (!a.inclusive() && !b.inclusive()) {
                return a.lower() == b.lower() ? 0 : a.lower() ? 1 : -1;
            }
            if (!a.inclusive()) {
                return a.lower() ? 1 : -1;
            }
            if (!b.inclusive()) {
                return b.lower() ? -1 : 1;
            }
        }
        return r;
    }

    private static RangeValue r(Object o) {
        return (RangeValue) o;
    }

    public static int compare(RangeValue a, RangeValue b) {
        if (a.empty() || b.empty()) {
            return a.empty() && b.empty() ? 0 : a.empty() ? -1 : 1;
        }
        long sub = subtype(a);
        int c = cmp(sub, lower(a), lower(b));
        return c != 0 ? c : cmp(sub, upper(a), upper(b));
    }

    static boolean contains(RangeValue a, RangeValue b) {
        if (b.empty()) {
            return true;
        }
        if (a.empty()) {
            return false;
        }
        long sub = subtype(a);
        return cmp(sub, lower(a), lower(b)) <= 0 && cmp(sub, upper(a), upper(b)) >= 0;
    }

    static boolean containsElement(RangeValue r, Object v) {
        if (r.empty()) {
            return false;
        }
        long sub = subtype(r);
        if (!r.lowerInfinite()) {
            int c = ValueOrder.compare(sub, r.lower(), v);
            if (c > 0 || c == 0 && !r.lowerInclusive()) {
                return false;
            }
        }
        if (!r.upperInfinite()) {
            int c = ValueOrder.compare(sub, r.upper(), v);
            return !(c < 0 || c == 0 && !r.upperInclusive());
        }
        return true;
    }

    static boolean overlaps(RangeValue a, RangeValue b) {
        if (a.empty() || b.empty()) {
            return false;
        }
        long sub = subtype(a);
        return cmp(sub, lower(a), lower(b)) >= 0 && cmp(sub, lower(a), upper(b)) <= 0
                || cmp(sub, lower(b), lower(a)) >= 0 && cmp(sub, lower(b), upper(a)) <= 0;
    }

    /** bounds_adjacent: nothing lies between an upper bound and a lower bound. */
    private static boolean adjacent(long sub, Bound upper, Bound lower) {
        if (upper.infinite() || lower.infinite()) {
            return false;
        }
        int c = ValueOrder.compare(sub, upper.value(), lower.value());
        return c == 0 && upper.inclusive() != lower.inclusive();
    }

    static boolean adjacent(RangeValue a, RangeValue b) {
        if (a.empty() || b.empty()) {
            return false;
        }
        long sub = subtype(a);
        return adjacent(sub, upper(a), lower(b)) || adjacent(sub, upper(b), lower(a));
    }

    private static RangeValue make(long type, Bound lower, Bound upper) {
        return RangeTypes.make(type, lower.infinite() ? null : lower.value(), upper.infinite() ? null : upper.value(),
                lower.inclusive(), upper.inclusive());
    }

    static RangeValue union(RangeValue a, RangeValue b, boolean strict) {
        if (a.empty()) {
            return b;
        }
        if (b.empty()) {
            return a;
        }
        if (strict && !overlaps(a, b) && !adjacent(a, b)) {
            throw PgException.of(SqlState.DATA_EXCEPTION, "result of range union would not be contiguous");
        }
        long sub = subtype(a);
        Bound lo = cmp(sub, lower(a), lower(b)) < 0 ? lower(a) : lower(b);
        Bound hi = cmp(sub, upper(a), upper(b)) > 0 ? upper(a) : upper(b);
        return make(a.type(), lo, hi);
    }

    static RangeValue intersect(RangeValue a, RangeValue b) {
        if (a.empty() || b.empty() || !overlaps(a, b)) {
            return RangeValue.empty(a.type());
        }
        long sub = subtype(a);
        Bound lo = cmp(sub, lower(a), lower(b)) >= 0 ? lower(a) : lower(b);
        Bound hi = cmp(sub, upper(a), upper(b)) <= 0 ? upper(a) : upper(b);
        return make(a.type(), lo, hi);
    }

    static RangeValue minus(RangeValue a, RangeValue b) {
        if (a.empty() || b.empty()) {
            return a;
        }
        long sub = subtype(a);
        int l1l2 = cmp(sub, lower(a), lower(b));
        int l1u2 = cmp(sub, lower(a), upper(b));
        int u1l2 = cmp(sub, upper(a), lower(b));
        int u1u2 = cmp(sub, upper(a), upper(b));
        if (l1l2 < 0 && u1u2 > 0) {
            throw PgException.of(SqlState.DATA_EXCEPTION, "result of range difference would not be contiguous");
        }
        if (l1u2 > 0 || u1l2 < 0) {
            return a;
        }
        if (l1l2 >= 0 && u1u2 <= 0) {
            return RangeValue.empty(a.type());
        }
        if (l1l2 <= 0 && u1l2 >= 0 && u1u2 <= 0) {
            Bound lo2 = lower(b);
            return make(a.type(), lower(a), new Bound(lo2.value(), lo2.infinite(), !lo2.inclusive(), false));
        }
        if (l1l2 >= 0 && u1u2 >= 0 && l1u2 <= 0) {
            Bound up2 = upper(b);
            return make(a.type(), new Bound(up2.value(), up2.infinite(), !up2.inclusive(), true), upper(a));
        }
        throw PgException.of(SqlState.INTERNAL_ERROR, "unexpected case in range_minus");
    }

    /** The positional operators (<<, >>, &<, &>, -|-) of two ranges; false when either is empty. */
    static boolean position(String op, RangeValue a, RangeValue b) {
        if (a.empty() || b.empty()) {
            return false;
        }
        long sub = subtype(a);
        return switch (op) {
            case "<<" -> cmp(sub, upper(a), lower(b)) < 0;
            case ">>" -> cmp(sub, lower(a), upper(b)) > 0;
            case "&<" -> cmp(sub, upper(a), upper(b)) <= 0;
            case "&>" -> cmp(sub, lower(a), lower(b)) >= 0;
            default -> adjacent(a, b);
        };
    }

    /** {@code p} without the part {@code s} covers: zero, one or two ranges. */
    static java.util.List<RangeValue> subtract(RangeValue p, RangeValue s) {
        if (!overlaps(p, s)) {
            return java.util.List.of(p);
        }
        long sub = subtype(p);
        java.util.List<RangeValue> out = new java.util.ArrayList<>();
        if (cmp(sub, lower(p), lower(s)) < 0) {
            Bound lo2 = lower(s);
            out.add(make(p.type(), lower(p), new Bound(lo2.value(), lo2.infinite(), !lo2.inclusive(), false)));
        }
        if (cmp(sub, upper(p), upper(s)) > 0) {
            Bound up2 = upper(s);
            out.add(make(p.type(), new Bound(up2.value(), up2.infinite(), !up2.inclusive(), true), upper(p)));
        }
        return out.stream().filter(r -> !r.empty()).toList();
    }

    private static RangeValue construct(Object lower, Object upper, String flags, long subtype) {
        long type = RangeTypes.rangeOf(subtype);
        if (type == 0) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "range constructors over type %d are not supported yet",
                    subtype);
        }
        if (flags == null) {
            throw PgException.of(SqlState.DATA_EXCEPTION, "range constructor flags argument must not be null");
        }
        if (flags.length() != 2 || "[(".indexOf(flags.charAt(0)) < 0 || "])".indexOf(flags.charAt(1)) < 0) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "invalid range bound flags")
                    .withHint("Valid values are \"[]\", \"[)\", \"(]\", and \"()\".");
        }
        return RangeTypes.make(type, lower, upper, flags.charAt(0) == '[', flags.charAt(1) == ']');
    }

    private static long argumentSubtype(TypedCode.ArgumentTypes types) {
        long t = types.of(0);
        return t == 0 || t == 705 ? types.of(1) : t;
    }

    public static void register(FunctionRegistry f) {
        f.register("range_constructor2", new TypedCode((x, t, c) -> construct(x[0], x[1], "[)", argumentSubtype(t))));
        f.register("range_constructor3", new TypedCode((x, t, c) -> construct(x[0], x[1], (String) x[2],
                argumentSubtype(t))));
        f.register("range_lower", (x, c) -> r(x[0]).empty() || r(x[0]).lowerInfinite() ? null : r(x[0]).lower());
        f.register("range_upper", (x, c) -> r(x[0]).empty() || r(x[0]).upperInfinite() ? null : r(x[0]).upper());
        f.register("range_empty", (x, c) -> r(x[0]).empty());
        f.register("range_lower_inc", (x, c) -> !r(x[0]).empty() && r(x[0]).lowerInclusive());
        f.register("range_upper_inc", (x, c) -> !r(x[0]).empty() && r(x[0]).upperInclusive());
        f.register("range_lower_inf", (x, c) -> !r(x[0]).empty() && r(x[0]).lowerInfinite());
        f.register("range_upper_inf", (x, c) -> !r(x[0]).empty() && r(x[0]).upperInfinite());
        f.register("range_eq", (x, c) -> compare(r(x[0]), r(x[1])) == 0);
        f.register("range_ne", (x, c) -> compare(r(x[0]), r(x[1])) != 0);
        f.register("range_lt", (x, c) -> compare(r(x[0]), r(x[1])) < 0);
        f.register("range_le", (x, c) -> compare(r(x[0]), r(x[1])) <= 0);
        f.register("range_gt", (x, c) -> compare(r(x[0]), r(x[1])) > 0);
        f.register("range_ge", (x, c) -> compare(r(x[0]), r(x[1])) >= 0);
        f.register("range_cmp", (x, c) -> compare(r(x[0]), r(x[1])));
        f.register("hash_range", (x, c) -> r(x[0]).hashCode());
        f.register("range_contains", (x, c) -> contains(r(x[0]), r(x[1])));
        f.register("range_contained_by", (x, c) -> contains(r(x[1]), r(x[0])));
        f.register("range_contains_elem", (x, c) -> containsElement(r(x[0]), x[1]));
        f.register("elem_contained_by_range", (x, c) -> containsElement(r(x[1]), x[0]));
        f.register("range_overlaps", (x, c) -> overlaps(r(x[0]), r(x[1])));
        f.register("range_adjacent", (x, c) -> adjacent(r(x[0]), r(x[1])));
        f.register("range_before", (x, c) -> position("<<", r(x[0]), r(x[1])));
        f.register("range_after", (x, c) -> position(">>", r(x[0]), r(x[1])));
        f.register("range_overleft", (x, c) -> position("&<", r(x[0]), r(x[1])));
        f.register("range_overright", (x, c) -> position("&>", r(x[0]), r(x[1])));
        f.register("range_union", (x, c) -> union(r(x[0]), r(x[1]), true));
        f.register("range_merge", (x, c) -> union(r(x[0]), r(x[1]), false));
        f.register("range_intersect", (x, c) -> intersect(r(x[0]), r(x[1])));
        f.register("range_minus", (x, c) -> minus(r(x[0]), r(x[1])));
    }
}
