package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.types.MultirangeValue;
import org.lakepg.server.catalog.types.RangeTypes;
import org.lakepg.server.catalog.types.RangeValue;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/** Multirange constructors, accessors, operators and set operations (multirangetypes.c), built on the range ones. */
public final class Multiranges {
    private Multiranges() {}

    /** multirange_canonicalize: empties dropped, ranges sorted, overlapping or adjacent ones merged. */
    public static MultirangeValue of(long type, List<RangeValue> ranges) {
        List<RangeValue> sorted = new ArrayList<>(ranges.stream().filter(r -> !r.empty()).toList());
        sorted.sort(RangeFunctions::compare);
        List<RangeValue> out = new ArrayList<>();
        for (RangeValue r : sorted) {
            if (!out.isEmpty()) {
                RangeValue last = out.get(out.size() - 1);
                if (RangeFunctions.overlaps(last, r) || RangeFunctions.adjacent(last, r)) {
                    out.set(out.size() - 1, RangeFunctions.union(last, r, false));
                    continue;
                }
            }
            out.add(r);
        }
        return new MultirangeValue(type, out);
    }

    private static MultirangeValue m(Object o) {
        return (MultirangeValue) o;
    }

    private static RangeValue r(Object o) {
        return (RangeValue) o;
    }

    /** The range from the first range's lower bound to the last one's upper bound; empty for an empty multirange. */
    static RangeValue span(MultirangeValue m, long rangeType) {
        if (m.isEmpty()) {
            return RangeValue.empty(rangeType);
        }
        RangeValue first = m.ranges().get(0);
        RangeValue last = m.ranges().get(m.ranges().size() - 1);
        return new RangeValue(first.type(), first.lower(), last.upper(), first.lowerInclusive(), last.upperInclusive(),
                first.lowerInfinite(), last.upperInfinite(), false);
    }

    private static RangeValue span(MultirangeValue m) {
        return span(m, 0);
    }

    static int compare(MultirangeValue a, MultirangeValue b) {
        int n = Math.min(a.ranges().size(), b.ranges().size());
        for (int i = 0; i < n; i++) {
            int c = RangeFunctions.compare(a.ranges().get(i), b.ranges().get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.ranges().size(), b.ranges().size());
    }

    static boolean containsRange(MultirangeValue m, RangeValue r) {
        return r.empty() || m.ranges().stream().anyMatch(x -> RangeFunctions.contains(x, r));
    }

    static boolean containsMultirange(MultirangeValue a, MultirangeValue b) {
        return b.ranges().stream().allMatch(r -> containsRange(a, r));
    }

    static boolean overlaps(MultirangeValue m, RangeValue r) {
        return m.ranges().stream().anyMatch(x -> RangeFunctions.overlaps(x, r));
    }

    static MultirangeValue intersect(MultirangeValue a, MultirangeValue b) {
        List<RangeValue> out = new ArrayList<>();
        for (RangeValue x : a.ranges()) {
            for (RangeValue y : b.ranges()) {
                out.add(RangeFunctions.intersect(x, y));
            }
        }
        return of(a.type() != 0 ? a.type() : b.type(), out);
    }

    static MultirangeValue minus(MultirangeValue a, MultirangeValue b) {
        List<RangeValue> pieces = new ArrayList<>(a.ranges());
        for (RangeValue s : b.ranges()) {
            List<RangeValue> next = new ArrayList<>();
            for (RangeValue p : pieces) {
                next.addAll(RangeFunctions.subtract(p, s));
            }
            pieces = next;
        }
        return of(a.type(), pieces);
    }

    private static MultirangeValue union(MultirangeValue a, MultirangeValue b) {
        List<RangeValue> all = new ArrayList<>(a.ranges());
        all.addAll(b.ranges());
        return of(a.type() != 0 ? a.type() : b.type(), all);
    }

    private static List<RangeValue> collect(Object state, List<RangeValue> more) {
        @SuppressWarnings("unchecked")
        List<RangeValue> ranges = state == null ? new ArrayList<>() : (List<RangeValue>) state;
        ranges.addAll(more);
        return ranges;
    }

    private static boolean position(String op, RangeValue a, RangeValue b) {
        return RangeFunctions.position(op, a, b);
    }

    public static void register(FunctionRegistry f) {
        f.register("multirange_constructor0", (x, c) -> new MultirangeValue(0, List.of()));
        f.register("multirange_constructor1", new TypedCode((x, t, c) -> of(RangeTypes.multirangeOf(t.of(0)),
                List.of(r(x[0])))));
        f.register("multirange_constructor2", (x, c) -> {
            PgArray a = (PgArray) x[0];
            List<RangeValue> ranges = new ArrayList<>();
            for (Object e : a.elements()) {
                if (e == null) {
                    throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "multirange values cannot contain null members");
                }
                ranges.add(r(e));
            }
            return of(RangeTypes.multirangeOf(a.elementOid()), ranges);
        });
        f.register("multirange_lower", (x, c) -> m(x[0]).isEmpty() ? null
                : f.lookup("range_lower").orElseThrow().apply(new Object[] {m(x[0]).ranges().get(0)}, c));
        f.register("multirange_upper", (x, c) -> m(x[0]).isEmpty() ? null
                : f.lookup("range_upper").orElseThrow().apply(new Object[] {span(m(x[0]))}, c));
        f.register("multirange_lower_inc", (x, c) -> !m(x[0]).isEmpty() && span(m(x[0])).lowerInclusive());
        f.register("multirange_upper_inc", (x, c) -> !m(x[0]).isEmpty() && span(m(x[0])).upperInclusive());
        f.register("multirange_lower_inf", (x, c) -> !m(x[0]).isEmpty() && span(m(x[0])).lowerInfinite());
        f.register("multirange_upper_inf", (x, c) -> !m(x[0]).isEmpty() && span(m(x[0])).upperInfinite());
        f.register("multirange_empty", (x, c) -> m(x[0]).isEmpty());
        f.register("multirange_contains_elem", (x, c) -> m(x[0]).ranges().stream()
                .anyMatch(r -> RangeFunctions.containsElement(r, x[1])));
        f.register("elem_contained_by_multirange", (x, c) -> m(x[1]).ranges().stream()
                .anyMatch(r -> RangeFunctions.containsElement(r, x[0])));
        f.register("multirange_contains_range", (x, c) -> containsRange(m(x[0]), r(x[1])));
        f.register("range_contained_by_multirange", (x, c) -> containsRange(m(x[1]), r(x[0])));
        f.register("multirange_contained_by_range", (x, c) -> m(x[0]).isEmpty()
                || RangeFunctions.contains(r(x[1]), span(m(x[0]))));
        f.register("range_contains_multirange", (x, c) -> m(x[1]).isEmpty()
                || RangeFunctions.contains(r(x[0]), span(m(x[1]))));
        f.register("multirange_contains_multirange", (x, c) -> containsMultirange(m(x[0]), m(x[1])));
        f.register("multirange_contained_by_multirange", (x, c) -> containsMultirange(m(x[1]), m(x[0])));
        f.register("multirange_overlaps_range", (x, c) -> overlaps(m(x[0]), r(x[1])));
        f.register("range_overlaps_multirange", (x, c) -> overlaps(m(x[1]), r(x[0])));
        f.register("multirange_overlaps_multirange", (x, c) -> m(x[1]).ranges().stream()
                .anyMatch(r -> overlaps(m(x[0]), r)));
        String[][] positional = {{"before", "<<"}, {"after", ">>"}, {"overleft", "&<"}, {"overright", "&>"},
                {"adjacent", "-|-"}};
        for (String[] p : positional) {
            String op = p[1];
            f.register("multirange_" + p[0] + "_range", (x, c) -> !m(x[0]).isEmpty()
                    && position(op, span(m(x[0])), r(x[1])));
            f.register("range_" + p[0] + "_multirange", (x, c) -> !m(x[1]).isEmpty()
                    && position(op, r(x[0]), span(m(x[1]))));
            f.register("multirange_" + p[0] + "_multirange", (x, c) -> !m(x[0]).isEmpty() && !m(x[1]).isEmpty()
                    && position(op, span(m(x[0])), span(m(x[1]))));
        }
        f.register("multirange_eq", (x, c) -> compare(m(x[0]), m(x[1])) == 0);
        f.register("multirange_ne", (x, c) -> compare(m(x[0]), m(x[1])) != 0);
        f.register("multirange_lt", (x, c) -> compare(m(x[0]), m(x[1])) < 0);
        f.register("multirange_le", (x, c) -> compare(m(x[0]), m(x[1])) <= 0);
        f.register("multirange_gt", (x, c) -> compare(m(x[0]), m(x[1])) > 0);
        f.register("multirange_ge", (x, c) -> compare(m(x[0]), m(x[1])) >= 0);
        f.register("multirange_cmp", (x, c) -> compare(m(x[0]), m(x[1])));
        f.register("hash_multirange", (x, c) -> m(x[0]).hashCode());
        f.register("multirange_union", (x, c) -> union(m(x[0]), m(x[1])));
        f.register("multirange_intersect", (x, c) -> intersect(m(x[0]), m(x[1])));
        f.register("multirange_minus", (x, c) -> minus(m(x[0]), m(x[1])));
        // range_agg / range_intersect_agg: the state collects ranges; NULL inputs are skipped
        f.register("range_agg_transfn", (x, c) -> collect(x[0], x[1] == null ? List.of() : List.of(r(x[1]))));
        f.register("multirange_agg_transfn", (x, c) -> collect(x[0], x[1] == null ? List.of() : m(x[1]).ranges()));
        f.register("range_agg_finalfn", (x, c) -> {
            if (x[0] == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<RangeValue> ranges = (List<RangeValue>) x[0];
            long type = ranges.isEmpty() ? 0 : RangeTypes.multirangeOf(ranges.get(0).type());
            return of(type, ranges);
        });
        f.register("range_intersect_agg_transfn", (x, c) -> x[0] == null ? x[1] : x[1] == null ? x[0]
                : RangeFunctions.intersect(r(x[0]), r(x[1])));
        f.register("multirange_intersect_agg_transfn", (x, c) -> x[0] == null ? x[1] : x[1] == null ? x[0]
                : intersect(m(x[0]), m(x[1])));
        f.register("range_merge_from_multirange", new TypedCode((x, t, c) -> span(m(x[0]),
                org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get().multirangeRange(t.of(0)))));
    }
}
