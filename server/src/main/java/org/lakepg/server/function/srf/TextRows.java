package org.lakepg.server.function.srf;

import java.util.Arrays;
import java.util.Collections;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.wire.types.PgArray;

/**
 * Text splitting into rows: string_to_table, regexp_split_to_table and regexp_matches (each the
 * row form of the array function whose code it reuses, so both split identically).
 */
final class TextRows {
    private TextRows() {}

    static void register(SetReturningFunctions r, FunctionRegistry scalars) {
        rowsOf(r, scalars, "text_to_table", "text_to_array");
        rowsOf(r, scalars, "text_to_table_null", "text_to_array_null");
        rowsOf(r, scalars, "regexp_split_to_table_no_flags", "regexp_split_to_array_no_flags");
        r.register("regexp_split_to_table", (x, c) -> RowIterators.single(Arrays.asList(
                org.lakepg.server.function.scalar.RegexArrayFunctions.splitForTable((String) x[0], (String) x[1],
                        (String) x[2]).elements())));
        ScalarFunction match = scalars.lookup("regexp_match").orElseThrow();
        r.register("regexp_matches_no_flags", (x, c) -> firstMatch(match.apply(new Object[] {x[0], x[1], ""}, c)));
        r.register("regexp_matches", (x, c) -> org.lakepg.server.function.scalar.RegexArrayFunctions.matches(
                (String) x[0], (String) x[1], (String) x[2]).stream().map(a -> new Object[] {a}).iterator());
    }

    private static java.util.Iterator<Object[]> firstMatch(Object array) {
        return array == null ? Collections.emptyIterator() : Collections.singletonList(new Object[] {array}).iterator();
    }

    /** A set-returning function whose rows are the elements of the array an existing scalar function returns. */
    private static void rowsOf(SetReturningFunctions r, FunctionRegistry scalars, String source, String arraySource) {
        ScalarFunction array = scalars.lookup(arraySource).orElseThrow();
        r.register(source, (x, c) -> {
            Object result = array.apply(x, c);
            return result == null ? Collections.emptyIterator()
                    : RowIterators.single(Arrays.asList(((PgArray) result).elements()));
        });
    }
}
