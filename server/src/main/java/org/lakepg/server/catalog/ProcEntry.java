package org.lakepg.server.catalog;

import java.util.List;

/**
 * A row of pg_proc. {@code argumentTypes} are the input arguments (proargtypes);
 * {@code allArgumentTypes}/{@code argumentModes} are set only when OUT/INOUT/VARIADIC/TABLE
 * arguments exist, as in PostgreSQL. {@code source} is prosrc: for built-in functions the name of
 * the implementation, which is how lakepg binds a catalog function to its Java code.
 */
public record ProcEntry(
        long oid,
        String name,
        long namespace,
        long language,
        float cost,
        float rows,
        long variadicType,
        char kind,
        boolean securityDefiner,
        boolean leakproof,
        boolean strict,
        boolean returnsSet,
        char volatility,
        char parallel,
        int defaultArgumentCount,
        long returnType,
        long[] argumentTypes,
        long[] allArgumentTypes,
        char[] argumentModes,
        List<String> argumentNames,
        String argumentDefaults,
        String source) {

    public static final char KIND_FUNCTION = 'f';
    public static final char KIND_AGGREGATE = 'a';
    public static final char KIND_WINDOW = 'w';
    public static final char KIND_PROCEDURE = 'p';

    public int argumentCount() {
        return argumentTypes.length;
    }

    public boolean isVariadic() {
        return variadicType != 0;
    }
}
