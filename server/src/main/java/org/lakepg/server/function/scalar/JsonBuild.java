package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.JsonbType;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgNumeric;
import org.lakepg.wire.types.PgType;

/**
 * to_json / to_jsonb and json(b)_build_object / json(b)_build_array over "any" arguments. Values map
 * by type: numbers stay numbers (NaN and infinities become strings), booleans stay booleans, json and
 * jsonb are embedded, dates and timestamps become ISO 8601 strings, everything else a string of its
 * text output. Without bound argument types (see {@link ArgumentTypeAware}) json looks like text.
 */
public final class JsonBuild {
    private JsonBuild() {}

    public static void register(FunctionRegistry r) {
        r.register("to_json", new TypedCode((x, t, c) -> json(x[0], t.of(0), c)));
        r.register("to_jsonb", new TypedCode((x, t, c) -> jsonb(x[0], t.of(0), c)));
        r.register("row_to_json", new TypedCode((x, t, c) -> json(x[0], t.of(0), c)));
        r.register("row_to_json_pretty", new TypedCode((x, t, c) -> x[0] instanceof org.lakepg.server.catalog.types.RowValue row
                ? rowToJson(row, t.of(0), (Boolean) x[1], c) : json(x[0], t.of(0), c)));
        r.register("array_to_json", (x, c) -> arrayToJson((PgArray) x[0], false, c));
        r.register("array_to_json_pretty", (x, c) -> arrayToJson((PgArray) x[0], (Boolean) x[1], c));
        r.register("json_build_object", new TypedCode(JsonBuild::jsonObject));
        r.register("json_build_object_noargs", (x, c) -> "{}");
        r.register("jsonb_build_object", new TypedCode(JsonBuild::jsonbObject));
        r.register("jsonb_build_object_noargs", (x, c) -> new Jsonb.Obj(List.of()));
        r.register("json_build_array", new TypedCode((x, t, c) -> {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < x.length; i++) {
                out.append(i == 0 ? "" : ", ").append(json(x[i], t.of(i), c));
            }
            return out.append(']').toString();
        }));
        r.register("json_build_array_noargs", (x, c) -> "[]");
        r.register("jsonb_build_array", new TypedCode((x, t, c) -> {
            List<Jsonb> elements = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                elements.add(jsonb(x[i], t.of(i), c));
            }
            return new Jsonb.Array(elements);
        }));
        r.register("jsonb_build_array_noargs", (x, c) -> new Jsonb.Array(List.of()));
        for (String name : VARIADIC_FORMS) {
            TypedCode.Body body = ((TypedCode) r.lookup(name).orElseThrow()).body();
            r.register(variadicForm(name), new TypedCode(spreadingArray(body)));
        }
    }

    /** The functions whose VARIADIC "any" may be given as one array: json(b)_build_object and _array. */
    private static final List<String> VARIADIC_FORMS = List.of("json_build_object", "jsonb_build_object",
            "json_build_array", "jsonb_build_array");

    public static boolean hasVariadicForm(String source) {
        return VARIADIC_FORMS.contains(source);
    }

    /** The code name of a call that passes {@code VARIADIC array}. */
    public static String variadicForm(String source) {
        return source + "_variadic_array";
    }

    /** The body called with the array's elements (flattened, of its element type); a NULL array gives NULL. */
    private static TypedCode.Body spreadingArray(TypedCode.Body body) {
        return (x, t, c) -> {
            if (x[0] == null) {
                return null;
            }
            PgArray array = (PgArray) x[0];
            long[] types = new long[array.elements().length];
            java.util.Arrays.fill(types, array.elementOid());
            return body.apply(array.elements().clone(), new TypedCode.ArgumentTypes(types), c);
        };
    }

    private static boolean isDateTime(long type) {
        return type == TypeOids.DATE || type == TypeOids.TIMESTAMP || type == TypeOids.TIMESTAMPTZ;
    }

    /** JsonEncodeDateTime: ISO 8601 with a 'T' and a full +hh:mm offset, whatever DateStyle says. */
    private static String isoDateTime(Object v, long type, FunctionContext context) {
        FormatSettings session = WireTypeIO.formatSettings(context);
        FormatSettings iso = new FormatSettings("ISO, MDY", session.intervalStyle(), session.timeZone(),
                session.extraFloatDigits(), session.byteaHex());
        PgType<?> codec = AnyValueText.codec(v, type);
        String text = codec == null ? String.valueOf(v) : codec.formatTextUnchecked(v, iso);
        if (type == TypeOids.DATE || !Character.isDigit(text.charAt(0))) {
            return text;
        }
        text = text.replaceFirst(" ", "T");
        if (type == TypeOids.TIMESTAMPTZ) {
            int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
            String offset = text.substring(sign);
            if (offset.length() == 3) {
                text = text + ":00";
            }
        }
        return text;
    }

    /** The json text of one value of the given type (0 = unknown). */
    static String json(Object v, long type, FunctionContext context) {
        if (v != null && type == TypeOids.JSON) {
            return (String) v;
        }
        if (v != null && isDateTime(type)) {
            return new Jsonb.Str(isoDateTime(v, type, context)).toString();
        }
        return switch (v) {
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case Short s -> s.toString();
            case Integer i when type == 0 || type == TypeOids.INT4 -> i.toString();
            case Long l when type == 0 || type == TypeOids.INT8 -> l.toString();
            case Float f -> finiteOrQuoted(Float.isFinite(f), AnyValueText.output(f, type, context));
            case Double d -> finiteOrQuoted(Double.isFinite(d), AnyValueText.output(d, type, context));
            case PgNumeric n -> finiteOrQuoted(n.isFinite(), n.toString());
            case Jsonb j -> j.toString();
            case org.lakepg.server.catalog.types.RowValue r -> {
                // row_to_json: {"name":value,...} by the row type's attribute names (f1, f2 ... for records)
                List<String> names = RowFunctions.fieldNames(type == 0 || type == TypeOids.RECORD ? r.type() : type, r);
                StringBuilder out = new StringBuilder("{");
                for (int i = 0; i < r.size(); i++) {
                    out.append(i > 0 ? "," : "").append(new Jsonb.Str(names.get(i))).append(':')
                            .append(json(r.values()[i], r.fieldTypes()[i], context));
                }
                yield out.append('}').toString();
            }
            case PgArray a -> arrayToJson(a, false, context);
            default -> new Jsonb.Str(AnyValueText.output(v, type, context)).toString();
        };
    }

    /** array_to_json; {@code pretty} puts the outermost elements on lines of their own. */
    static String arrayToJson(PgArray a, boolean pretty, FunctionContext context) {
        StringBuilder out = new StringBuilder();
        jsonArray(a, 0, new int[] {0}, out, context, pretty);
        return out.toString();
    }

    /** row_to_json(row, true): each field on a line of its own. */
    static String rowToJson(org.lakepg.server.catalog.types.RowValue r, long type, boolean pretty,
                            FunctionContext context) {
        List<String> names = RowFunctions.fieldNames(type == 0 || type == TypeOids.RECORD ? r.type() : type, r);
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < r.size(); i++) {
            out.append(i == 0 ? "" : pretty ? ",\n " : ",").append(new Jsonb.Str(names.get(i))).append(':')
                    .append(json(r.values()[i], r.fieldTypes()[i], context));
        }
        return out.append('}').toString();
    }

    /** array_to_json: nested brackets per dimension, elements by their element type, no spaces. */
    private static void jsonArray(PgArray a, int dim, int[] next, StringBuilder out, FunctionContext context,
                                  boolean lineFeeds) {
        out.append('[');
        int count = a.dims().length == 0 ? 0 : a.dims()[dim];
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(lineFeeds ? ",\n " : ",");
            }
            if (dim + 1 < a.dims().length) {
                jsonArray(a, dim + 1, next, out, context, false);
            } else {
                out.append(json(a.elements()[next[0]++], a.elementOid(), context));
            }
        }
        out.append(']');
    }

    private static Jsonb jsonbArray(PgArray a, int dim, int[] next, FunctionContext context) {
        List<Jsonb> elements = new ArrayList<>();
        int count = a.dims().length == 0 ? 0 : a.dims()[dim];
        for (int i = 0; i < count; i++) {
            elements.add(dim + 1 < a.dims().length ? jsonbArray(a, dim + 1, next, context)
                    : jsonb(a.elements()[next[0]++], a.elementOid(), context));
        }
        return new Jsonb.Array(elements);
    }

    private static String finiteOrQuoted(boolean finite, String text) {
        return finite ? text : new Jsonb.Str(text).toString();
    }

    static Jsonb jsonb(Object v, long type, FunctionContext context) {
        if (v != null && type == TypeOids.JSON) {
            return JsonbType.INSTANCE.parseText((String) v, WireTypeIO.formatSettings(context));
        }
        if (v != null && isDateTime(type)) {
            return new Jsonb.Str(isoDateTime(v, type, context));
        }
        return switch (v) {
            case null -> new Jsonb.Null();
            case Boolean b -> new Jsonb.Bool(b);
            case Short s -> number(BigDecimal.valueOf(s));
            case Integer i when type == 0 || type == TypeOids.INT4 -> number(BigDecimal.valueOf(i));
            case Long l when type == 0 || type == TypeOids.INT8 -> number(BigDecimal.valueOf(l));
            case Float f -> Float.isFinite(f) ? fromText(AnyValueText.output(f, type, context))
                    : new Jsonb.Str(AnyValueText.output(f, type, context));
            case Double d -> Double.isFinite(d) ? fromText(AnyValueText.output(d, type, context))
                    : new Jsonb.Str(AnyValueText.output(d, type, context));
            case PgNumeric n -> n.isFinite() ? new Jsonb.Number(n) : new Jsonb.Str(n.toString());
            case Jsonb j -> j;
            case org.lakepg.server.catalog.types.RowValue r -> {
                List<String> names = RowFunctions.fieldNames(type == 0 || type == TypeOids.RECORD ? r.type() : type, r);
                List<java.util.Map.Entry<String, Jsonb>> members = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    members.add(java.util.Map.entry(names.get(i), jsonb(r.values()[i], r.fieldTypes()[i], context)));
                }
                yield Jsonb.Obj.of(members);
            }
            case PgArray a -> jsonbArray(a, 0, new int[] {0}, context);
            default -> new Jsonb.Str(AnyValueText.output(v, type, context));
        };
    }

    private static Jsonb number(BigDecimal v) {
        return new Jsonb.Number(PgNumeric.of(v));
    }

    /** numeric_in of a float's output text: "1e+20" becomes 100000000000000000000. */
    private static Jsonb fromText(String text) {
        BigDecimal d = new BigDecimal(text);
        return number(d.scale() < 0 ? d.setScale(0) : d);
    }

    /** An object key: the value's text, or true/false for booleans. */
    private static String key(Object[] args, int i, TypedCode.ArgumentTypes types, FunctionContext context,
                              boolean jsonb) {
        Object k = args[i];
        if (k == null) {
            if (jsonb) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "argument %d: key must not be null", i + 1);
            }
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "argument %d cannot be null", i + 1)
                    .withHint("Object keys should be text.");
        }
        long keyType = types.of(i);
        if (k instanceof PgArray || k instanceof org.lakepg.server.catalog.types.RowValue
                || keyType == TypeOids.JSON || keyType == TypeOids.JSONB || k instanceof Jsonb) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "key value must be scalar, not array, composite, or json");
        }
        return switch (k) {
            case String s -> s;
            case Boolean b -> b ? "true" : "false";
            case Jsonb j -> j.toString();
            default -> AnyValueText.output(k, types.of(i), context);
        };
    }

    private static void checkPairs(Object[] args, String function) {
        if (args.length % 2 != 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "argument list must have even number of elements")
                    .withHint("The arguments of " + function + "() must consist of alternating keys and values.");
        }
    }

    private static String jsonObject(Object[] args, TypedCode.ArgumentTypes types, FunctionContext context) {
        checkPairs(args, "json_build_object");
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < args.length; i += 2) {
            out.append(i == 0 ? "" : ", ").append(new Jsonb.Str(key(args, i, types, context, false))).append(" : ")
                    .append(json(args[i + 1], types.of(i + 1), context));
        }
        return out.append('}').toString();
    }

    private static Jsonb jsonbObject(Object[] args, TypedCode.ArgumentTypes types, FunctionContext context) {
        checkPairs(args, "jsonb_build_object");
        List<Map.Entry<String, Jsonb>> members = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            members.add(Map.entry(key(args, i, types, context, true), jsonb(args[i + 1], types.of(i + 1), context)));
        }
        return Jsonb.Obj.of(members);
    }
}
