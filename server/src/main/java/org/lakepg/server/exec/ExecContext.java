package org.lakepg.server.exec;

import java.time.ZoneId;
import java.util.function.Function;
import org.lakepg.server.function.FunctionContext;

/**
 * Everything a running statement's expressions may consult: parameter values, session settings
 * and the transaction and statement clocks, plus cancellation.
 */
public final class ExecContext implements FunctionContext {
    private final Object[] parameters;
    private final Function<String, String> settings;
    private final ZoneId timeZone;
    private final long transactionStart;
    private final long statementStart;
    private volatile boolean cancelled;

    public ExecContext(Object[] parameters, Function<String, String> settings, ZoneId timeZone,
                       long transactionStartMicros, long statementStartMicros) {
        this.parameters = parameters;
        this.settings = settings;
        this.timeZone = timeZone;
        this.transactionStart = transactionStartMicros;
        this.statementStart = statementStartMicros;
    }

    /** Value of {@code $number} (1-based). */
    public Object parameter(int number) {
        return parameters[number - 1];
    }

    @Override
    public ZoneId timeZone() {
        return timeZone;
    }

    @Override
    public String setting(String name) {
        return settings.apply(name);
    }

    @Override
    public long transactionStartMicros() {
        return transactionStart;
    }

    @Override
    public long statementStartMicros() {
        return statementStart;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
