package org.lakepg.wire.protocol.testengine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.ColumnDescription;

/**
 * The literal commands the test engine understands (NOT SQL):
 * {@code select 1}, {@code select $1, $2}, {@code series N} or {@code select generate_series(1,N)} (rows 1..N), {@code echo $1 $2 ...} (returns its parameters),
 * {@code sleep SECONDS}, {@code error XXXXX message}, {@code notice message}, {@code set NAME VALUE},
 * {@code begin}, {@code commit}, {@code rollback}, {@code insert VALUE|$1}, {@code count},
 * {@code copy ... from stdin}, {@code copy ... to stdout}, and the empty statement.
 */
sealed interface TestCommand {
    int INT4 = 23;
    int TEXT = 25;

    record Empty() implements TestCommand {
    }

    record SelectOne() implements TestCommand {
    }

    record Series(int rows) implements TestCommand {
    }

    record Echo(int parameters) implements TestCommand {
    }

    record Sleep(double seconds) implements TestCommand {
    }

    record Fail(SqlState state, String message) implements TestCommand {
    }

    record Notice(String message) implements TestCommand {
    }

    record Set(String name, String value) implements TestCommand {
    }

    record Begin() implements TestCommand {
    }

    record Commit() implements TestCommand {
    }

    record Rollback() implements TestCommand {
    }

    /** value null: the first parameter. */
    record Insert(String value) implements TestCommand {
    }

    record Count() implements TestCommand {
    }

    /** Accepted and ignored, so transcripts can create PostgreSQL's table for COPY. */
    record CreateTable() implements TestCommand {
    }

    record CopyIn() implements TestCommand {
    }

    record CopyOut() implements TestCommand {
    }

    static TestCommand parse(String statement) {
        try {
            return parseWords(statement);
        } catch (RuntimeException e) {
            if (e instanceof PgException pg) {
                throw pg;
            }
            throw PgException.of(SqlState.SYNTAX_ERROR, "syntax error at end of input"); // e.g. "series x"
        }
    }

    private static TestCommand parseWords(String statement) {
        String text = statement.strip();
        List<String> words = text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
        String first = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        String lower = text.toLowerCase(Locale.ROOT);
        String rest = words.size() > 1 ? text.substring(words.get(0).length()).strip() : "";
        return switch (first) {
            case "" -> new Empty();
            case "select" -> {
                // the few SELECTs the protocol transcripts share with real PostgreSQL
                if (rest.equals("1")) {
                    yield new SelectOne();
                }
                if (rest.matches("(\\$\\d+\\s*,?\\s*)+")) {
                    yield new Echo(words.size() - 1);
                }
                java.util.regex.Matcher series = java.util.regex.Pattern.compile("generate_series\\(1,\\s*(\\d+)\\)")
                        .matcher(rest);
                if (series.matches()) {
                    yield new Series(Integer.parseInt(series.group(1)));
                }
                throw syntaxError(statement, words.get(0));
            }
            case "series" -> new Series(Integer.parseInt(rest));
            case "echo" -> new Echo(words.size() - 1);
            case "sleep" -> new Sleep(Double.parseDouble(rest));
            case "error" -> new Fail(Arrays.stream(SqlState.values()).filter(s -> s.code().equals(words.get(1)))
                    .findFirst().orElse(SqlState.INTERNAL_ERROR), rest.substring(words.get(1).length()).strip());
            case "notice" -> new Notice(rest);
            case "set" -> new Set(words.get(1), words.get(2));
            case "begin" -> new Begin();
            case "commit", "end" -> new Commit();
            case "rollback" -> new Rollback();
            case "insert" -> new Insert(rest.equals("$1") ? null : rest);
            case "count" -> new Count();
            case "create" -> new CreateTable();
            case "copy" -> {
                if (words.size() > 1 && words.get(1).equals("missing")) {
                    throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"missing\" does not exist");
                }
                if (lower.endsWith("from stdin")) {
                    yield new CopyIn();
                }
                if (lower.endsWith("to stdout")) {
                    yield new CopyOut();
                }
                throw syntaxError(statement, words.get(0));
            }
            default -> throw syntaxError(statement, words.get(0));
        };
    }

    /** PostgreSQL's wording and 1-based position, pointing at the word we did not understand. */
    private static PgException syntaxError(String statement, String word) {
        return PgException.of(SqlState.SYNTAX_ERROR, "syntax error at or near \"%s\"", word)
                .withPosition(statement.indexOf(word) + 1);
    }

    /** The result columns (text format), or null for commands without rows. */
    default List<ColumnDescription> columns(int[] parameterTypes) {
        return switch (this) {
            case SelectOne s -> List.of(column("?column?", INT4));
            case Series s -> List.of(column("generate_series", INT4));
            case Count c -> List.of(column("count", INT4));
            case Echo e -> {
                List<ColumnDescription> columns = new ArrayList<>();
                for (int i = 0; i < e.parameters(); i++) {
                    columns.add(column("?column?", parameterTypes[i]));
                }
                yield columns;
            }
            default -> null;
        };
    }

    /** How many $n parameters the command takes. */
    default int parameterCount() {
        return switch (this) {
            case Echo e -> e.parameters();
            case Insert i -> i.value() == null ? 1 : 0;
            default -> 0;
        };
    }

    private static ColumnDescription column(String name, int type) {
        return new ColumnDescription(name, 0, (short) 0, type, (short) (type == INT4 ? 4 : -1), -1, (short) 0);
    }
}
