package org.lakepg.server.session;

import java.util.StringJoiner;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.sql.analyzer.TypeNames;

/** A function as PostgreSQL's messages name it: {@code name(integer, text)} with the input argument types. */
final class FunctionSignatures {
    private static final BuiltinAnalyzerCatalog TYPES = new BuiltinAnalyzerCatalog();

    private FunctionSignatures() {}

    static String describe(ProcEntry proc) {
        return describe(proc.name(), proc.argumentTypes());
    }

    static String describe(String name, long[] types) {
        StringJoiner args = new StringJoiner(", ", name + "(", ")");
        for (long t : types) {
            args.add(TypeNames.format(TYPES, t));
        }
        return args.toString();
    }
}
