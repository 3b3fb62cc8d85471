package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgNumeric;

/**
 * to_json / to_jsonb and json(b)_build_object / json(b)_build_array over "any" arguments. Values map
 * by kind: numbers stay numbers (NaN and infinities become strings), booleans stay booleans, jsonb is
 * embedded, everything else becomes a string of its text output. As with concat, a json-typed argument
 * is indistinguishable from text here and is embedded as a string (known gap).
 */
public final class JsonBuild {
    private JsonBuild() {}

    public static void register(FunctionRegistry r) {
        r.register("to_json", (x, c) -> json(x[0], c));
        r.register("to_jsonb", (x, c) -> jsonb(x[0], c));
        r.register("json_build_object", (x, c) -> jsonObject(x, c));
        r.register("json_build_object_noargs", (x, c) -> "{}");
        r.register("jsonb_build_object", (x, c) -> jsonbObject(x, c));
        r.register("jsonb_build_object_noargs", (x, c) -> new Jsonb.Obj(List.of()));
        r.register("json_build_array", (x, c) -> {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < x.length; i++) {
                out.append(i == 0 ? "" : ", ").append(json(x[i], c));
            }
            return out.append(']').toString();
        });
        r.register("json_build_array_noargs", (x, c) -> "[]");
        r.register("jsonb_build_array", (x, c) -> {
            List<Jsonb> elements = new ArrayList<>();
            for (Object v : x) {
                elements.add(jsonb(v, c));
            }
            return new Jsonb.Array(elements);
        });
        r.register("jsonb_build_array_noargs", (x, c) -> new Jsonb.Array(List.of()));
    }

    /** The json text of one value. */
    static String json(Object v, FunctionContext context) {
        return switch (v) {
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case Short s -> s.toString();
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Float f -> finiteOrQuoted(Float.isFinite(f), AnyValueText.output(f, context));
            case Double d -> finiteOrQuoted(Double.isFinite(d), AnyValueText.output(d, context));
            case PgNumeric n -> finiteOrQuoted(n.isFinite(), n.toString());
            case Jsonb j -> j.toString();
            default -> new Jsonb.Str(AnyValueText.output(v, context)).toString();
        };
    }

    private static String finiteOrQuoted(boolean finite, String text) {
        return finite ? text : new Jsonb.Str(text).toString();
    }

    static Jsonb jsonb(Object v, FunctionContext context) {
        return switch (v) {
            case null -> new Jsonb.Null();
            case Boolean b -> new Jsonb.Bool(b);
            case Short s -> number(BigDecimal.valueOf(s));
            case Integer i -> number(BigDecimal.valueOf(i));
            case Long l -> number(BigDecimal.valueOf(l));
            case Float f -> Float.isFinite(f) ? fromText(AnyValueText.output(f, context))
                    : new Jsonb.Str(AnyValueText.output(f, context));
            case Double d -> Double.isFinite(d) ? fromText(AnyValueText.output(d, context))
                    : new Jsonb.Str(AnyValueText.output(d, context));
            case PgNumeric n -> n.isFinite() ? new Jsonb.Number(n) : new Jsonb.Str(n.toString());
            case Jsonb j -> j;
            default -> new Jsonb.Str(AnyValueText.output(v, context));
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

    /** An object key: the value's json text without quotes for scalars. */
    private static String key(Object[] args, int i, FunctionContext context, boolean jsonb) {
        Object k = args[i];
        if (k == null) {
            if (jsonb) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "argument %d: key must not be null", i + 1);
            }
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "argument %d cannot be null", i + 1)
                    .withHint("Object keys should be text.");
        }
        return switch (k) {
            case String s -> s;
            case Boolean b -> b ? "true" : "false";
            case Jsonb j -> j.toString();
            default -> AnyValueText.output(k, context);
        };
    }

    private static void checkPairs(Object[] args, String function) {
        if (args.length % 2 != 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "argument list must have even number of elements")
                    .withHint("The arguments of " + function + "() must consist of alternating keys and values.");
        }
    }

    private static String jsonObject(Object[] args, FunctionContext context) {
        checkPairs(args, "json_build_object");
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < args.length; i += 2) {
            out.append(i == 0 ? "" : ", ").append(new Jsonb.Str(key(args, i, context, false))).append(" : ")
                    .append(json(args[i + 1], context));
        }
        return out.append('}').toString();
    }

    private static Jsonb jsonbObject(Object[] args, FunctionContext context) {
        checkPairs(args, "jsonb_build_object");
        List<Map.Entry<String, Jsonb>> members = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            members.add(Map.entry(key(args, i, context, true), jsonb(args[i + 1], context)));
        }
        return Jsonb.Obj.of(members);
    }
}
