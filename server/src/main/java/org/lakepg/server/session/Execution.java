package org.lakepg.server.session;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;
import org.lakepg.server.sql.plan.OutputColumn;

/**
 * A started statement: the rows still to send and the command tag once they are sent (tags like
 * "SELECT 3" need the count). {@code resultFormats} are the formats a simple Query sends the rows in (null: text;
 * FETCH from a BINARY cursor: binary).
 */
record Execution(List<OutputColumn> columns, Iterator<Object[]> rows, LongFunction<String> tag, short[] resultFormats) {

    Execution(List<OutputColumn> columns, Iterator<Object[]> rows, LongFunction<String> tag) {
        this(columns, rows, tag, null);
    }

    static Execution done(String tag) {
        return new Execution(null, Collections.emptyIterator(), n -> tag);
    }

    static Execution rows(List<OutputColumn> columns, List<Object[]> rows, String tag) {
        return new Execution(columns, rows.iterator(), n -> tag);
    }
}
