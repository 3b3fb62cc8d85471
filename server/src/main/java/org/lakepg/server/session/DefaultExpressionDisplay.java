package org.lakepg.server.session;

import java.util.Set;
import java.util.regex.Pattern;
import org.lakepg.server.catalog.bootstrap.BuiltinCatalog;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.table.ColumnInfo;

/**
 * A column DEFAULT as pg_get_expr prints it. lakepg keeps the text as written; PostgreSQL prints the stored,
 * coerced expression, where a string constant carries the column's type: {@code 'x'::text}, {@code 'y'::character
 * varying}. Numbers and booleans print bare, so constants of those columns are left as written.
 */
final class DefaultExpressionDisplay {
    private DefaultExpressionDisplay() {}

    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    /** A parenthesised string constant under a cast, as lakepg's expression text writes {@code 'q'::text}. */
    private static final Pattern PARENTHESISED_CAST = Pattern.compile("\\(('(?:[^']|'')*')\\)::");
    private static final Set<Long> BARE = Set.of(16L, 20L, 21L, 23L, 26L, 700L, 701L, 1700L);
    private static final long BPCHAR = 1042;

    /** A negative number as lakepg's expression text writes it: {@code (-1)}. */
    private static final Pattern NEGATIVE = Pattern.compile("\\(-(\\d+(?:\\.\\d+)?)\\)");

    static String of(String stored, ColumnInfo column) {
        java.util.regex.Matcher negative = NEGATIVE.matcher(stored);
        if (negative.matches()) {
            // PostgreSQL folds the minus into the constant, which then prints labelled with its own type
            return "'-" + negative.group(1) + "'::" + numberType(negative.group(1));
        }
        if (STRING.matcher(stored).matches() && !BARE.contains(column.type())) {
            return stored + "::" + typeName(column.type());
        }
        return PARENTHESISED_CAST.matcher(stored).replaceAll("$1::");
    }

    /** The type PostgreSQL's parser gives an unsigned numeric literal. */
    private static String numberType(String digits) {
        if (digits.contains(".")) {
            return "numeric";
        }
        try {
            long value = Long.parseLong("-" + digits);
            return value >= Integer.MIN_VALUE ? "integer" : "bigint";
        } catch (NumberFormatException e) {
            return "numeric";
        }
    }

    /** The type as a constant's cast names it: without typmod, and character as bpchar. */
    private static String typeName(long type) {
        return type == BPCHAR ? "bpchar" : TypeNames.format(BuiltinCatalog.get(), type);
    }
}
