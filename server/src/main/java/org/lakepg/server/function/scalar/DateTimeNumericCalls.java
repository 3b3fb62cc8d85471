package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/** Calls another family's built-in by prosrc, so numeric results follow numeric's own scale rules. */
final class DateTimeNumericCalls {
    private DateTimeNumericCalls() {}

    static Object call(String source, Object... args) {
        return FunctionRegistry.builtins().lookup(source).orElseThrow().apply(args, null);
    }
}
