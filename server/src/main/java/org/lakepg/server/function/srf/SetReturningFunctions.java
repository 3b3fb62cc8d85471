package org.lakepg.server.function.srf;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.function.FunctionRegistry;

/** Built-in set-returning functions by prosrc; families register themselves as scalar ones do. */
public final class SetReturningFunctions {
    private static final SetReturningFunctions BUILTINS = new SetReturningFunctions();

    static {
        FunctionRegistry scalars = FunctionRegistry.builtins();
        GenerateSeries.register(BUILTINS, scalars);
        ArrayRows.register(BUILTINS);
        TextRows.register(BUILTINS, scalars);
        JsonbRows.register(BUILTINS);
        JsonRows.register(BUILTINS);
        BranchRows.register(BUILTINS);
        PartitionRows.register(BUILTINS);
        UserSetFunctions.register(BUILTINS);
        AnalyticsRows.register(BUILTINS);
        JsonRecordRows.register(BUILTINS);
        TextSearchRows.register(BUILTINS);
        OptionRows.register(BUILTINS);
    }

    private final Map<String, SetReturningFunction> functions = new HashMap<>();

    public static SetReturningFunctions builtins() {
        return BUILTINS;
    }

    void register(String source, SetReturningFunction function) {
        functions.put(source, function);
    }

    public Optional<SetReturningFunction> lookup(String source) {
        return Optional.ofNullable(functions.get(source));
    }
}
