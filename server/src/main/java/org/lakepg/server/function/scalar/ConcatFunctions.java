package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;

/** concat / concat_ws over variadic "any": NULL arguments are skipped, others printed by their output function. */
public final class ConcatFunctions {
    private ConcatFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("text_concat", new TypedCode((x, t, c) -> join("", x, 0, t, c)));
        r.register("text_concat_ws", new TypedCode((x, t, c) -> x[0] == null ? null : join((String) x[0], x, 1, t, c)));
    }

    private static String join(String separator, Object[] args, int from, TypedCode.ArgumentTypes types,
                               FunctionContext context) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (int i = from; i < args.length; i++) {
            if (args[i] == null) {
                continue;
            }
            if (!first) {
                out.append(separator);
            }
            first = false;
            out.append(AnyValueText.output(args[i], types.of(i), context));
        }
        return out.toString();
    }
}
