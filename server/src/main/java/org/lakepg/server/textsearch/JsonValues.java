package org.lakepg.server.textsearch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;

/**
 * The json and jsonb values text search reads (iterate_json_values / iterate_jsonb_values with
 * jsonb_to_tsvector's flags) and the string transformation ts_headline applies to them.
 */
public final class JsonValues {
    private JsonValues() {}

    public static final int STRING = 1;
    public static final int NUMERIC = 2;
    public static final int BOOLEAN = 4;
    public static final int KEY = 8;
    public static final int ALL = STRING | NUMERIC | BOOLEAN | KEY;

    private static PgException flagError(String message, Object... args) {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, message, args)
                .withHint("Possible values are: \"string\", \"numeric\", \"boolean\", \"key\", and \"all\".");
    }

    /** parse_jsonb_index_flags: a string or an array of strings naming the kinds of values to index. */
    public static int flags(Jsonb filter) {
        List<Jsonb> items = switch (filter) {
            case Jsonb.Array a -> a.elements();
            case Jsonb.Obj o -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "wrong flag type, only arrays and scalars are allowed");
            default -> List.of(filter);
        };
        int flags = 0;
        for (Jsonb item : items) {
            if (!(item instanceof Jsonb.Str s)) {
                throw flagError("flag array element is not a string");
            }
            flags |= switch (s.value().toLowerCase(Locale.ROOT)) {
                case "all" -> ALL;
                case "key" -> KEY;
                case "string" -> STRING;
                case "numeric" -> NUMERIC;
                case "boolean" -> BOOLEAN;
                default -> throw flagError("wrong flag in flag array: \"%s\"", s.value());
            };
        }
        return flags;
    }

    public static void forEach(Jsonb v, int flags, Consumer<String> out) {
        switch (v) {
            case Jsonb.Obj o -> {
                for (Map.Entry<String, Jsonb> m : o.members()) {
                    if ((flags & KEY) != 0) {
                        out.accept(m.getKey());
                    }
                    forEach(m.getValue(), flags, out);
                }
            }
            case Jsonb.Array a -> a.elements().forEach(e -> forEach(e, flags, out));
            case Jsonb.Str s -> {
                if ((flags & STRING) != 0) {
                    out.accept(s.value());
                }
            }
            case Jsonb.Number n -> {
                if ((flags & NUMERIC) != 0) {
                    out.accept(n.toString());
                }
            }
            case Jsonb.Bool b -> {
                if ((flags & BOOLEAN) != 0) {
                    out.accept(b.value() ? "true" : "false");
                }
            }
            case Jsonb.Null x -> {
            }
        }
    }

    public static Jsonb transform(Jsonb v, UnaryOperator<String> f) {
        return switch (v) {
            case Jsonb.Obj o -> {
                List<Map.Entry<String, Jsonb>> members = new ArrayList<>();
                for (Map.Entry<String, Jsonb> m : o.members()) {
                    members.add(Map.entry(m.getKey(), transform(m.getValue(), f)));
                }
                yield new Jsonb.Obj(members);
            }
            case Jsonb.Array a -> new Jsonb.Array(a.elements().stream().map(e -> transform(e, f)).toList());
            case Jsonb.Str s -> new Jsonb.Str(f.apply(s.value()));
            default -> v;
        };
    }

    /** The values of json text in document order (keys, strings, and numbers/booleans as written). */
    public static void forEach(String json, int flags, Consumer<String> out) {
        new JsonText(json, flags, out, null).value();
    }

    /** json text with every string value replaced, printed compactly as PostgreSQL's transform does. */
    public static String transform(String json, UnaryOperator<String> f) {
        StringBuilder out = new StringBuilder();
        new JsonText(json, 0, null, new Object[] {out, f}).value();
        return out.toString();
    }

    /** A walker over already validated json text. */
    private static final class JsonText {
        private final String s;
        private final int flags;
        private final Consumer<String> out;
        private final StringBuilder print;
        private final UnaryOperator<String> f;
        private int i;

        @SuppressWarnings("unchecked")
        JsonText(String s, int flags, Consumer<String> out, Object[] transform) {
            this.s = s;
            this.flags = flags;
            this.out = out;
            this.print = transform == null ? null : (StringBuilder) transform[0];
            this.f = transform == null ? null : (UnaryOperator<String>) transform[1];
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void value() {
            space();
            if (i >= s.length()) {
                return;
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                emit("{");
                space();
                boolean first = true;
                while (i < s.length() && s.charAt(i) != '}') {
                    if (!first) {
                        i++; // ','
                        emit(",");
                        space();
                    }
                    first = false;
                    String key = string();
                    if (out != null && (flags & KEY) != 0) {
                        out.accept(key);
                    }
                    emit(new Jsonb.Str(key).toString());
                    space();
                    i++; // ':'
                    emit(":");
                    value();
                    space();
                }
                i++;
                emit("}");
            } else if (c == '[') {
                i++;
                emit("[");
                space();
                boolean first = true;
                while (i < s.length() && s.charAt(i) != ']') {
                    if (!first) {
                        i++;
                        emit(",");
                    }
                    first = false;
                    value();
                    space();
                }
                i++;
                emit("]");
            } else if (c == '"') {
                String str = string();
                if (out != null && (flags & STRING) != 0) {
                    out.accept(str);
                }
                if (print != null) {
                    print.append(new Jsonb.Str(f.apply(str)));
                }
            } else {
                int start = i;
                while (i < s.length() && "{}[],: \t\r\n".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String token = s.substring(start, i);
                if (out != null) {
                    boolean bool = token.equals("true") || token.equals("false");
                    if (bool ? (flags & BOOLEAN) != 0 : !token.equals("null") && (flags & NUMERIC) != 0) {
                        out.accept(token);
                    }
                }
                emit(token);
            }
        }

        private void emit(String text) {
            if (print != null) {
                print.append(text);
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
            return b.toString();
        }
    }
}
