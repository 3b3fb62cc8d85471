package org.lakepg.server.function.scalar;

import java.util.List;
import java.util.Map;
import org.lakepg.wire.types.Jsonb;

/**
 * jsonb ordering, containment and existence as jsonb_util.c defines them. Order: null < string <
 * number < boolean < array < object; containers compare by size first (a top-level scalar is a
 * one-element "raw scalar" array that sorts before a real array of the same size), then element by
 * element; objects key, value, key, value in storage order.
 */
final class JsonbValues {
    private JsonbValues() {}

    static String typeName(Jsonb v) {
        return switch (v) {
            case Jsonb.Obj o -> "object";
            case Jsonb.Array a -> "array";
            case Jsonb.Str s -> "string";
            case Jsonb.Number n -> "number";
            case Jsonb.Bool b -> "boolean";
            case Jsonb.Null n -> "null";
        };
    }

    private static int rank(Jsonb v) {
        return switch (v) {
            case Jsonb.Null n -> 0;
            case Jsonb.Str s -> 1;
            case Jsonb.Number n -> 2;
            case Jsonb.Bool b -> 3;
            case Jsonb.Array a -> 4;
            case Jsonb.Obj o -> 5;
        };
    }

    static boolean isScalar(Jsonb v) {
        return !(v instanceof Jsonb.Array) && !(v instanceof Jsonb.Obj);
    }

    /** jsonb_cmp of two documents. */
    static int compareDocuments(Jsonb a, Jsonb b) {
        boolean rawA = isScalar(a);
        boolean rawB = isScalar(b);
        if (rawA || rawB) {
            if (a instanceof Jsonb.Obj || b instanceof Jsonb.Obj) {
                return a instanceof Jsonb.Obj ? (b instanceof Jsonb.Obj ? compare(a, b) : 1) : -1;
            }
            List<Jsonb> ea = rawA ? List.of(a) : ((Jsonb.Array) a).elements();
            List<Jsonb> eb = rawB ? List.of(b) : ((Jsonb.Array) b).elements();
            int res = rawA != rawB ? (rawA ? -1 : 1) : 0;
            if (ea.size() != eb.size()) {
                res = ea.size() > eb.size() ? 1 : -1;
            }
            return res != 0 ? res : compareElements(ea, eb);
        }
        return compare(a, b);
    }

    static int compare(Jsonb a, Jsonb b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return ra > rb ? 1 : -1;
        }
        return switch (a) {
            case Jsonb.Null n -> 0;
            case Jsonb.Str s -> Integer.signum(TextFunctions.compare(s.value(), ((Jsonb.Str) b).value(), false));
            case Jsonb.Number n -> Integer.signum(n.value().compareTo(((Jsonb.Number) b).value()));
            case Jsonb.Bool x -> Boolean.compare(x.value(), ((Jsonb.Bool) b).value());
            case Jsonb.Array x -> {
                List<Jsonb> ea = x.elements();
                List<Jsonb> eb = ((Jsonb.Array) b).elements();
                yield ea.size() != eb.size() ? (ea.size() > eb.size() ? 1 : -1) : compareElements(ea, eb);
            }
            case Jsonb.Obj x -> {
                List<Map.Entry<String, Jsonb>> ma = x.members();
                List<Map.Entry<String, Jsonb>> mb = ((Jsonb.Obj) b).members();
                if (ma.size() != mb.size()) {
                    yield ma.size() > mb.size() ? 1 : -1;
                }
                for (int i = 0; i < ma.size(); i++) {
                    int k = Integer.signum(TextFunctions.compare(ma.get(i).getKey(), mb.get(i).getKey(), false));
                    if (k != 0) {
                        yield k;
                    }
                    int v = compare(ma.get(i).getValue(), mb.get(i).getValue());
                    if (v != 0) {
                        yield v;
                    }
                }
                yield 0;
            }
        };
    }

    private static int compareElements(List<Jsonb> a, List<Jsonb> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** {@code a @> b}: top-level kinds must agree, except that an array may contain a bare scalar. */
    static boolean containsDocument(Jsonb a, Jsonb b) {
        if ((a instanceof Jsonb.Obj) != (b instanceof Jsonb.Obj)) {
            return false;
        }
        if (isScalar(a)) {
            return isScalar(b) && compare(a, b) == 0;
        }
        if (a instanceof Jsonb.Array arr && isScalar(b)) {
            return arrayContains(arr, new Jsonb.Array(List.of(b)));
        }
        return contains(a, b);
    }

    private static boolean contains(Jsonb a, Jsonb b) {
        if (a instanceof Jsonb.Obj oa && b instanceof Jsonb.Obj ob) {
            for (Map.Entry<String, Jsonb> member : ob.members()) {
                Jsonb mine = oa.get(member.getKey());
                if (mine == null) {
                    return false;
                }
                Jsonb wanted = member.getValue();
                if (isScalar(wanted) ? !(isScalar(mine) && compare(mine, wanted) == 0) : !contains(mine, wanted)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Jsonb.Array aa && b instanceof Jsonb.Array ab) {
            return arrayContains(aa, ab);
        }
        return false;
    }

    private static boolean arrayContains(Jsonb.Array a, Jsonb.Array b) {
        outer:
        for (Jsonb wanted : b.elements()) {
            for (Jsonb mine : a.elements()) {
                if (isScalar(wanted) ? isScalar(mine) && compare(mine, wanted) == 0
                        : !isScalar(mine) && mine.getClass() == wanted.getClass() && contains(mine, wanted)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    /** {@code ?}: a top-level key, a top-level string array element, or the string scalar itself. */
    static boolean exists(Jsonb v, String key) {
        return switch (v) {
            case Jsonb.Obj o -> o.get(key) != null;
            case Jsonb.Array a -> a.elements().stream().anyMatch(e -> e instanceof Jsonb.Str s && s.value().equals(key));
            case Jsonb.Str s -> s.value().equals(key);
            default -> false;
        };
    }
}
