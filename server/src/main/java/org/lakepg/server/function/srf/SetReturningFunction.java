package org.lakepg.server.function.srf;

import java.util.Iterator;
import org.lakepg.server.function.FunctionContext;

/**
 * The code of a built-in set-returning function (proretset), bound by prosrc like scalar functions:
 * given the argument values it yields rows, each of one value (a scalar result) or of the function's
 * OUT columns.
 */
@FunctionalInterface
public interface SetReturningFunction {

    Iterator<Object[]> rows(Object[] args, FunctionContext context);
}
