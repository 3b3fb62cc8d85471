package org.lakepg.server.function;

/**
 * The code of a built-in function, bound to pg_proc rows by their prosrc. Arguments and result
 * use PostgreSQL's internal value representation (see {@code org.lakepg.wire.types}); a strict
 * function never sees a NULL argument (the caller short-circuits), a non-strict one may.
 */
@FunctionalInterface
public interface ScalarFunction {

    Object apply(Object[] args, FunctionContext context);
}
