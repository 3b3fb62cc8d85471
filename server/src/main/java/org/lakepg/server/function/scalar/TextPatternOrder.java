package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/**
 * The text_pattern_ops / bpchar_pattern_ops operators (~<~ ~<=~ ~>=~ ~>~): byte-wise order regardless
 * of collation. UTF-8 byte order equals code-point order, which {@link TextFunctions#compare} implements.
 */
public final class TextPatternOrder {
    private TextPatternOrder() {}

    public static void register(FunctionRegistry r) {
        for (String type : new String[] {"text", "bpchar"}) {
            boolean pad = type.equals("bpchar");
            r.register(type + "_pattern_lt", (x, c) -> cmp(x, pad) < 0);
            r.register(type + "_pattern_le", (x, c) -> cmp(x, pad) <= 0);
            r.register(type + "_pattern_ge", (x, c) -> cmp(x, pad) >= 0);
            r.register(type + "_pattern_gt", (x, c) -> cmp(x, pad) > 0);
            r.register("bt" + type + "_pattern_cmp", (x, c) -> cmp(x, pad));
        }
    }

    private static int cmp(Object[] x, boolean bpchar) {
        return TextFunctions.compare((String) x[0], (String) x[1], bpchar);
    }
}
