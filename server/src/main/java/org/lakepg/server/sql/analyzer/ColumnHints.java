package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.wire.error.PgException;

/**
 * The HINT PostgreSQL adds to "column ... does not exist" (errorMissingColumn): the closest column names of the
 * FROM items at every query level by Levenshtein distance — at most 3 edits, at most half the name, the distance of
 * the written table name to the item's added when the reference was qualified — one or two equally close ones;
 * an exact name in an item this part of the query cannot reference is said so.
 */
final class ColumnHints {
    private static final int MAX_DISTANCE = 3;

    private ColumnHints() {}

    /** The error with PostgreSQL's hint added when one applies; {@code table} is null for an unqualified name. */
    static PgException withHint(PgException error, Scope scope, String table, String column) {
        Search search = new Search(table, column);
        scope.forEachItem(search::item);
        String hint = search.hint();
        return hint == null ? error : error.withHint(hint);
    }

    private static final class Search {
        private final String table;
        private final String column;
        private int distance = MAX_DISTANCE + 1;
        private String firstItem;
        private String first;
        private String secondItem;
        private String second;
        private boolean exactFound;

        Search(String table, String column) {
            this.table = table;
            this.column = column;
        }

        void item(String alias, List<String> columns) {
            if (exactFound) {
                return;
            }
            int penalty = table == null ? 0 : levenshtein(table, alias);
            boolean exact = false;
            for (String name : columns) {
                exact |= name.equals(column);
                consider(penalty, alias, name);
            }
            if (exact && penalty == 0) {
                // the very column, in an item that cannot be referenced from here
                exactFound = true;
                firstItem = alias;
                first = null;
                secondItem = null;
                second = null;
            }
        }

        private void consider(int penalty, String alias, String name) {
            if (penalty > distance || name.isEmpty()) {
                return;
            }
            int d = levenshtein(name, column);
            if (d > column.length() / 2) {
                return;
            }
            d += penalty;
            if (d < distance) {
                distance = d;
                firstItem = alias;
                first = name;
                secondItem = null;
                second = null;
            } else if (d == distance) {
                if (second != null) {
                    // more than two equally close: no suggestion at this distance
                    firstItem = null;
                    first = null;
                    secondItem = null;
                    second = null;
                    distance = d - 1;
                } else if (first != null) {
                    secondItem = alias;
                    second = name;
                } else if (distance <= MAX_DISTANCE) {
                    firstItem = alias;
                    first = name;
                }
            }
        }

        String hint() {
            if (firstItem == null) {
                return null;
            }
            if (first == null) {
                return "There is a column named \"" + column + "\" in table \"" + firstItem
                        + "\", but it cannot be referenced from this part of the query.";
            }
            if (second == null) {
                return "Perhaps you meant to reference the column \"" + firstItem + "." + first + "\".";
            }
            return "Perhaps you meant to reference the column \"" + firstItem + "." + first + "\" or the column \""
                    + secondItem + "." + second + "\".";
        }
    }

    /** Edits (insert, delete, substitute: one each) turning {@code a} into {@code b}. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
