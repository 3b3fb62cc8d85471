package org.lakepg.server.function.scalar;

import java.util.List;
import java.util.Map;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.Jsonb;

/** jsonb_pretty: one value per line, four spaces per level; empty containers still open and close on two lines. */
public final class JsonbPretty {
    private JsonbPretty() {}

    public static void register(FunctionRegistry r) {
        r.register("jsonb_pretty", (x, c) -> {
            StringBuilder out = new StringBuilder();
            write(out, (Jsonb) x[0], 0);
            return out.toString();
        });
    }

    private static void indent(StringBuilder out, int level) {
        out.repeat(' ', 4 * level);
    }

    private static void write(StringBuilder out, Jsonb v, int level) {
        switch (v) {
            case Jsonb.Obj o -> {
                out.append("{\n");
                List<Map.Entry<String, Jsonb>> members = o.members();
                for (int i = 0; i < members.size(); i++) {
                    indent(out, level + 1);
                    out.append(new Jsonb.Str(members.get(i).getKey())).append(": ");
                    write(out, members.get(i).getValue(), level + 1);
                    out.append(i + 1 < members.size() ? ",\n" : "\n");
                }
                indent(out, level);
                out.append('}');
            }
            case Jsonb.Array a -> {
                out.append("[\n");
                List<Jsonb> elements = a.elements();
                for (int i = 0; i < elements.size(); i++) {
                    indent(out, level + 1);
                    write(out, elements.get(i), level + 1);
                    out.append(i + 1 < elements.size() ? ",\n" : "\n");
                }
                indent(out, level);
                out.append(']');
            }
            default -> out.append(v);
        }
    }
}
