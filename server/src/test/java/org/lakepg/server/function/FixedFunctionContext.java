package org.lakepg.server.function;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** A session context with fixed values, for running functions outside a session in tests. */
public record FixedFunctionContext(ZoneId timeZone, Map<String, String> settings) implements FunctionContext {

    public static FixedFunctionContext utc() {
        return new FixedFunctionContext(ZoneOffset.UTC, Map.of());
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    @Override
    public String currentUser() {
        return "postgres";
    }

    @Override
    public String sessionUser() {
        return "postgres";
    }

    @Override
    public String currentDatabase() {
        return "postgres";
    }

    @Override
    public int backendPid() {
        return 1;
    }

    @Override
    public long transactionStartMicros() {
        return 0;
    }

    @Override
    public long statementStartMicros() {
        return 0;
    }
}
