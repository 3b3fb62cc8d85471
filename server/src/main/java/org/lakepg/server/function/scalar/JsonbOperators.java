package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgNumeric;

/**
 * jsonb operators (-> ->> #> #>> ? ?| ?& @> <@ || - #- and comparison), jsonb_typeof,
 * jsonb_array_length, jsonb_strip_nulls and the casts from jsonb to scalar types.
 */
public final class JsonbOperators {
    private JsonbOperators() {}

    public static void register(FunctionRegistry r) {
        r.register("jsonb_eq", (x, c) -> cmp(x) == 0);
        r.register("jsonb_ne", (x, c) -> cmp(x) != 0);
        r.register("jsonb_lt", (x, c) -> cmp(x) < 0);
        r.register("jsonb_le", (x, c) -> cmp(x) <= 0);
        r.register("jsonb_gt", (x, c) -> cmp(x) > 0);
        r.register("jsonb_ge", (x, c) -> cmp(x) >= 0);
        r.register("jsonb_cmp", (x, c) -> cmp(x));
        r.register("jsonb_contains", (x, c) -> JsonbValues.containsDocument(j(x[0]), j(x[1])));
        r.register("jsonb_contained", (x, c) -> JsonbValues.containsDocument(j(x[1]), j(x[0])));
        r.register("jsonb_exists", (x, c) -> JsonbValues.exists(j(x[0]), (String) x[1]));
        r.register("jsonb_exists_any", (x, c) -> keys(x[1]).stream().anyMatch(k -> JsonbValues.exists(j(x[0]), k)));
        r.register("jsonb_exists_all", (x, c) -> keys(x[1]).stream().allMatch(k -> JsonbValues.exists(j(x[0]), k)));

        r.register("jsonb_object_field", (x, c) -> field(j(x[0]), (String) x[1]));
        r.register("jsonb_object_field_text", (x, c) -> text(field(j(x[0]), (String) x[1])));
        r.register("jsonb_array_element", (x, c) -> element(j(x[0]), ((Number) x[1]).intValue()));
        r.register("jsonb_array_element_text", (x, c) -> text(element(j(x[0]), ((Number) x[1]).intValue())));
        r.register("jsonb_extract_path", (x, c) -> path(j(x[0]), (PgArray) x[1]));
        r.register("jsonb_extract_path_text", (x, c) -> text(path(j(x[0]), (PgArray) x[1])));

        r.register("jsonb_typeof", (x, c) -> JsonbValues.typeName(j(x[0])));
        r.register("jsonb_array_length", (x, c) -> switch (j(x[0])) {
            case Jsonb.Array a -> a.elements().size();
            case Jsonb.Obj o -> throw invalid("cannot get array length of a non-array");
            default -> throw invalid("cannot get array length of a scalar");
        });
        r.register("jsonb_strip_nulls", (x, c) -> stripNulls(j(x[0])));
        r.register("jsonb_concat", (x, c) -> concat(j(x[0]), j(x[1])));
        r.register("jsonb_delete", (x, c) -> deleteKeys(j(x[0]), List.of((String) x[1])));
        r.register("jsonb_delete_array", (x, c) -> deleteKeys(j(x[0]), keys(x[1])));
        r.register("jsonb_delete_idx", (x, c) -> deleteIndex(j(x[0]), ((Number) x[1]).intValue()));

        r.register("jsonb_bool", (x, c) -> j(x[0]) instanceof Jsonb.Bool b ? b.value() : cannotCast(j(x[0]), "boolean"));
        r.register("jsonb_numeric", (x, c) -> number(j(x[0]), "numeric"));
        r.register("jsonb_int2", (x, c) -> (short) integer(number(j(x[0]), "smallint"), 2));
        r.register("jsonb_int4", (x, c) -> (int) integer(number(j(x[0]), "integer"), 4));
        r.register("jsonb_int8", (x, c) -> integer(number(j(x[0]), "bigint"), 8));
        r.register("jsonb_float4", (x, c) -> (float) toDouble(number(j(x[0]), "real")));
        r.register("jsonb_float8", (x, c) -> toDouble(number(j(x[0]), "double precision")));
    }

    static Jsonb j(Object v) {
        return (Jsonb) v;
    }

    private static int cmp(Object[] x) {
        return JsonbValues.compareDocuments(j(x[0]), j(x[1]));
    }

    static PgException invalid(String message) {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, message);
    }

    /** The non-null text elements of a text[] argument. */
    static List<String> keys(Object array) {
        List<String> out = new ArrayList<>();
        for (Object e : ((PgArray) array).elements()) {
            if (e != null) {
                out.add((String) e);
            }
        }
        return out;
    }

    static Jsonb field(Jsonb v, String key) {
        return v instanceof Jsonb.Obj o ? o.get(key) : null;
    }

    static Jsonb element(Jsonb v, int index) {
        if (!(v instanceof Jsonb.Array a)) {
            return null;
        }
        int n = a.elements().size();
        int at = index < 0 ? n + index : index;
        return at >= 0 && at < n ? a.elements().get(at) : null;
    }

    /** ->> and #>>: strings without quotes, JSON null as SQL NULL, everything else as jsonb text. */
    static String text(Jsonb v) {
        return switch (v) {
            case null -> null;
            case Jsonb.Null n -> null;
            case Jsonb.Str s -> s.value();
            default -> v.toString();
        };
    }

    /** #>: keys for objects, integers (negative from the end) for arrays; anything unmatched gives NULL. */
    static Jsonb path(Jsonb v, PgArray path) {
        Jsonb current = v;
        for (Object step : path.elements()) {
            if (step == null || current == null) {
                return null;
            }
            String key = (String) step;
            current = switch (current) {
                case Jsonb.Obj o -> o.get(key);
                case Jsonb.Array a -> {
                    Integer index = parseIndex(key);
                    yield index == null ? null : element(a, index);
                }
                default -> null;
            };
        }
        return current;
    }

    static Integer parseIndex(String s) {
        try {
            return Integer.parseInt(s.stripLeading());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Jsonb stripNulls(Jsonb v) {
        return switch (v) {
            case Jsonb.Obj o -> {
                List<Map.Entry<String, Jsonb>> kept = new ArrayList<>();
                for (Map.Entry<String, Jsonb> m : o.members()) {
                    if (!(m.getValue() instanceof Jsonb.Null)) {
                        kept.add(Map.entry(m.getKey(), stripNulls(m.getValue())));
                    }
                }
                yield new Jsonb.Obj(kept);
            }
            case Jsonb.Array a -> new Jsonb.Array(a.elements().stream().map(JsonbOperators::stripNulls).toList());
            default -> v;
        };
    }

    /** ||: two objects merge (right wins); otherwise both sides become arrays and are appended. */
    private static Jsonb concat(Jsonb a, Jsonb b) {
        if (a instanceof Jsonb.Obj oa && b instanceof Jsonb.Obj ob) {
            List<Map.Entry<String, Jsonb>> members = new ArrayList<>(oa.members());
            members.addAll(ob.members());
            return Jsonb.Obj.of(members);
        }
        List<Jsonb> elements = new ArrayList<>(a instanceof Jsonb.Array aa ? aa.elements() : List.of(a));
        elements.addAll(b instanceof Jsonb.Array ab ? ab.elements() : List.of(b));
        return new Jsonb.Array(elements);
    }

    private static Jsonb deleteKeys(Jsonb v, List<String> keys) {
        return switch (v) {
            case Jsonb.Obj o -> new Jsonb.Obj(o.members().stream().filter(m -> !keys.contains(m.getKey())).toList());
            case Jsonb.Array a -> new Jsonb.Array(a.elements().stream()
                    .filter(e -> !(e instanceof Jsonb.Str s && keys.contains(s.value()))).toList());
            default -> throw invalid("cannot delete from scalar");
        };
    }

    private static Jsonb deleteIndex(Jsonb v, int index) {
        if (v instanceof Jsonb.Obj) {
            throw invalid("cannot delete from object using integer index");
        }
        if (!(v instanceof Jsonb.Array a)) {
            throw invalid("cannot delete from scalar");
        }
        int n = a.elements().size();
        int at = index < 0 ? n + index : index;
        if (at < 0 || at >= n) {
            return v;
        }
        List<Jsonb> elements = new ArrayList<>(a.elements());
        elements.remove(at);
        return new Jsonb.Array(elements);
    }

    private static Object cannotCast(Jsonb v, String type) {
        throw invalid(String.format("cannot cast jsonb %s to type %s", JsonbValues.typeName(v), type));
    }

    private static PgNumeric number(Jsonb v, String type) {
        if (v instanceof Jsonb.Number n) {
            return n.value();
        }
        return (PgNumeric) cannotCast(v, type);
    }

    private static long integer(PgNumeric v, int width) {
        if (!v.isFinite()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert %s to %s",
                    v.isNaN() ? "NaN" : "infinity", width == 2 ? "smallint" : width == 4 ? "integer" : "bigint");
        }
        BigDecimal rounded = v.value().setScale(0, RoundingMode.HALF_UP);
        if (rounded.toBigInteger().bitLength() > 63) {
            throw IntegerFunctions.outOfRange(width);
        }
        long value = rounded.longValue();
        IntegerFunctions.narrow(value, width);
        return value;
    }

    private static double toDouble(PgNumeric v) {
        return switch (v.kind()) {
            case FINITE -> Double.parseDouble(v.value().toString());
            case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
            case NAN -> Double.NaN;
        };
    }
}
