package org.lakepg.server.function;

import java.time.ZoneId;

/** What a running function may consult: session settings and the statement's clock. */
public interface FunctionContext {

    /** TimeZone setting of the session. */
    ZoneId timeZone();

    /** The current value of a session setting (current_setting). */
    String setting(String name);

    /** Transaction start, microseconds since 2000-01-01 UTC (now(), CURRENT_TIMESTAMP). */
    long transactionStartMicros();

    /** Statement start, microseconds since 2000-01-01 UTC (statement_timestamp()). */
    long statementStartMicros();
}
