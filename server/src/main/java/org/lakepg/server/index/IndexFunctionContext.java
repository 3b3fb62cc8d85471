package org.lakepg.server.index;

import java.time.ZoneId;
import org.lakepg.server.function.FunctionContext;

/**
 * What index expressions run with. They may only call IMMUTABLE functions, which consult no session, so one
 * context serves every session and the catalog's own index maintenance.
 */
public final class IndexFunctionContext implements FunctionContext {
    public static final IndexFunctionContext INSTANCE = new IndexFunctionContext();

    private IndexFunctionContext() {}

    @Override
    public ZoneId timeZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public String setting(String name) {
        return null;
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
        return 0;
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
