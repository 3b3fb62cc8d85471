package org.lakepg.server.exec.expr;

import org.lakepg.server.exec.ExecContext;

/** The types' input and output functions, for conversions through text (CoerceViaIO). */
public interface TypeIO {

    String output(long type, Object value, ExecContext context);

    Object input(long type, int typmod, String text, ExecContext context);
}
