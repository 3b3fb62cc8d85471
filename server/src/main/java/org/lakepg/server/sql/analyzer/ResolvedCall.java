package org.lakepg.server.sql.analyzer;

import org.lakepg.server.catalog.ProcEntry;

/**
 * A chosen function for a call: the argument types each actual argument must be coerced to
 * (polymorphic declarations already replaced), the result type, and how the call maps onto the
 * declaration (VARIADIC arguments gathered into an array, trailing defaults used).
 */
public record ResolvedCall(
        ProcEntry proc,
        long[] argumentTypes,
        long resultType,
        boolean variadicExpanded,
        int defaultsUsed) {
}
