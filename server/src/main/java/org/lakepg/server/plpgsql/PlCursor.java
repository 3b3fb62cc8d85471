package org.lakepg.server.plpgsql;

import java.util.List;
import org.lakepg.server.sql.plan.OutputColumn;

/** An open cursor of a PL/pgSQL function: its query's rows (read when opened) and the current position. */
final class PlCursor {
    final String name;
    final List<Object[]> rows;
    final List<OutputColumn> columns;
    /** 0: before the first row; rows.size() + 1: after the last. */
    int position;

    PlCursor(String name, List<Object[]> rows, List<OutputColumn> columns) {
        this.name = name;
        this.rows = rows;
        this.columns = columns;
    }

    /** Moves as FETCH/MOVE direction [count] does; the row now under the cursor, or null when off the ends. */
    Object[] move(String direction, long count) {
        int n = rows.size();
        long target = switch (direction) {
            case "next" -> position + 1L;
            case "prior" -> position - 1L;
            case "first" -> 1;
            case "last" -> n;
            case "absolute" -> count >= 0 ? count : n + 1L + count;
            case "relative", "forward" -> (long) position + count;
            case "backward" -> (long) position - count;
            default -> throw new IllegalStateException(direction);
        };
        position = (int) Math.max(0, Math.min(n + 1L, target));
        return position >= 1 && position <= n ? rows.get(position - 1) : null;
    }
}
