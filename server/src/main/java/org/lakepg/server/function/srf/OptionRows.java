package org.lakepg.server.function.srf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lakepg.wire.types.PgArray;

/**
 * pg_options_to_table(text[]): a reloptions/fdw-options array as (option_name, option_value) rows, each
 * {@code name=value} split at its first '=', an option without one giving a NULL value.
 */
final class OptionRows {
    private OptionRows() {}

    static void register(SetReturningFunctions r) {
        r.register("pg_options_to_table", (x, c) -> {
            if (x[0] == null) {
                return Collections.emptyIterator();
            }
            List<Object[]> rows = new ArrayList<>();
            for (Object element : ((PgArray) x[0]).elements()) {
                if (element == null) {
                    continue;
                }
                String option = (String) element;
                int eq = option.indexOf('=');
                rows.add(eq < 0 ? new Object[] {option, null}
                        : new Object[] {option.substring(0, eq), option.substring(eq + 1)});
            }
            return rows.iterator();
        });
    }
}
