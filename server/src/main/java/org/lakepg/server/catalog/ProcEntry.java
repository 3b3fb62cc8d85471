package org.lakepg.server.catalog;

import java.util.List;

/**
 * A row of pg_proc. {@code argumentTypes} are the input arguments (proargtypes);
 * {@code allArgumentTypes}/{@code argumentModes} are set only when OUT/INOUT/VARIADIC/TABLE
 * arguments exist, as in PostgreSQL. {@code source} is prosrc: for built-in functions the name of
 * the implementation, which is how lakepg binds a catalog function to its Java code; for SQL
 * functions it is the body, and {@code sqlBody} holds a BEGIN ATOMIC / RETURN body as SQL text;
 * {@code defaultExpressions} are the defaults of the trailing arguments as SQL text; {@code config} is proconfig, the
 * function's SET clauses as "name=value" items, in force while it runs.
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
        String source,
        String sqlBody,
        List<String> defaultExpressions,
        List<String> config) {

    /** A function without SET clauses. */
    public ProcEntry(long oid, String name, long namespace, long language, float cost, float rows, long variadicType,
                     char kind, boolean securityDefiner, boolean leakproof, boolean strict, boolean returnsSet,
                     char volatility, char parallel, int defaultArgumentCount, long returnType, long[] argumentTypes,
                     long[] allArgumentTypes, char[] argumentModes, List<String> argumentNames, String argumentDefaults,
                     String source, String sqlBody, List<String> defaultExpressions) {
        this(oid, name, namespace, language, cost, rows, variadicType, kind, securityDefiner, leakproof, strict,
                returnsSet, volatility, parallel, defaultArgumentCount, returnType, argumentTypes, allArgumentTypes,
                argumentModes, argumentNames, argumentDefaults, source, sqlBody, defaultExpressions, List.of());
    }

    public ProcEntry {
        config = config == null ? List.of() : List.copyOf(config);
    }

    /** The same function with other SET clauses (ALTER FUNCTION ... SET / RESET). */
    public ProcEntry withConfig(List<String> settings) {
        return new ProcEntry(oid, name, namespace, language, cost, rows, variadicType, kind, securityDefiner, leakproof,
                strict, returnsSet, volatility, parallel, defaultArgumentCount, returnType, argumentTypes,
                allArgumentTypes, argumentModes, argumentNames, argumentDefaults, source, sqlBody, defaultExpressions,
                settings);
    }

    /** pg_language OIDs: internal (built-in code), C, SQL. */
    public static final long LANGUAGE_INTERNAL = 12;
    public static final long LANGUAGE_SQL = 14;
    public static final long LANGUAGE_PLPGSQL = 13563;

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
