package org.lakepg.server.exec.expr;

import org.lakepg.server.function.FunctionContext;

/**
 * The types' input and output functions, for literals of a known type and for conversions
 * through text (CoerceViaIO); the context supplies DateStyle, TimeZone and the like.
 */
public interface TypeIO {

    String output(long type, Object value, FunctionContext context);

    /** Throws PgException with PostgreSQL's message for malformed input (22P02 ...). */
    Object input(long type, int typmod, String text, FunctionContext context);
}
