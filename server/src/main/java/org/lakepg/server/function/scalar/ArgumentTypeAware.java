package org.lakepg.server.function.scalar;

import org.lakepg.server.function.ScalarFunction;

/**
 * Function code with "any" / anyelement parameters (concat, format, to_json ...) that prints its
 * arguments by their SQL types. The expression compiler may bind the call's argument types once; code
 * that is never bound falls back to inferring the type from the Java representation.
 */
public interface ArgumentTypeAware {

    /** This function for a call whose arguments have these type OIDs. */
    ScalarFunction withArgumentTypes(long[] argumentTypes);
}
