package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/** The text[]-returning regular expression functions: regexp_match and regexp_split_to_array. */
public final class RegexArrayFunctions {
    private RegexArrayFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("regexp_match_no_flags", (x, c) -> match((String) x[0], (String) x[1], ""));
        r.register("regexp_match", (x, c) -> match((String) x[0], (String) x[1], (String) x[2]));
        r.register("regexp_split_to_array_no_flags", (x, c) -> split((String) x[0], (String) x[1], ""));
        r.register("regexp_split_to_array", (x, c) -> split((String) x[0], (String) x[1], (String) x[2]));
    }

    /** regexp_split_to_table's pieces: those of regexp_split_to_array, with errors naming the table function. */
    public static PgArray splitForTable(String text, String are, String flags) {
        return split(text, are, flags, "regexp_split_to_table");
    }

    private static PosixRegex.Options options(String flags, String function) {
        boolean[] global = new boolean[1];
        PosixRegex.Options options = PosixRegex.parseFlags(flags, function, true, global);
        if (global[0]) {
            PgException e = PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "%s() does not support the \"global\" option", function);
            throw function.equals("regexp_match") ? e.withHint("Use the regexp_matches function instead.") : e;
        }
        return options;
    }

    /** regexp_matches: the first match's array, or with the 'g' flag one array per match. */
    public static List<PgArray> matches(String text, String are, String flags) {
        boolean[] global = new boolean[1];
        PosixRegex.Options options = PosixRegex.parseFlags(flags, "regexp_matches", true, global);
        RegexSearch search = new RegexSearch(are, options, text, 0);
        List<PgArray> rows = new ArrayList<>();
        for (MatchResult m = search.next(); m != null; m = search.next()) {
            rows.add(groups(m));
            if (!global[0]) {
                break;
            }
        }
        return rows;
    }

    /** The subexpressions of the first match (or the whole match when there are none); NULL without a match. */
    private static PgArray match(String text, String are, String flags) {
        MatchResult m = new RegexSearch(are, options(flags, "regexp_match"), text, 0).next();
        if (m == null) {
            return null;
        }
        return groups(m);
    }

    private static PgArray groups(MatchResult m) {
        if (m.groupCount() == 0) {
            return PgArray.of((int) TypeOids.TEXT, m.group());
        }
        Object[] groups = new Object[m.groupCount()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = m.group(i + 1);
        }
        return PgArray.of((int) TypeOids.TEXT, groups);
    }

    /** Pieces between matches; empty matches at either end or right after a match do not split. */
    private static PgArray split(String text, String are, String flags) {
        return split(text, are, flags, "regexp_split_to_array");
    }

    private static PgArray split(String text, String are, String flags, String function) {
        RegexSearch search = new RegexSearch(are, options(flags, function), text, 0);
        List<Object> pieces = new ArrayList<>();
        int pieceStart = 0;
        int previousEnd = 0;
        for (MatchResult m = search.next(); m != null; m = search.next()) {
            if (m.start() < text.length() && m.end() > previousEnd) {
                pieces.add(text.substring(pieceStart, m.start()));
                pieceStart = m.end();
            }
            previousEnd = m.end();
        }
        pieces.add(text.substring(pieceStart));
        return PgArray.of((int) TypeOids.TEXT, pieces.toArray());
    }
}
