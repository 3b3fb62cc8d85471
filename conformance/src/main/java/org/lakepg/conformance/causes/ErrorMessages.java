package org.lakepg.conformance.causes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises server messages in psql output and turns them into groupable keys: names, values
 * and numbers become placeholders, so that {@code relation "tenk1" does not exist} and
 * {@code relation "onek" does not exist} are one cause.
 */
public final class ErrorMessages {

    /** A message line psql printed: severity, SQLSTATE when VERBOSITY is verbose, text. */
    public record Message(String severity, String sqlState, String text) {}

    // "ERROR:  42P01: relation ..." (VERBOSITY verbose) or "ERROR:  relation ..."; psql prefixes
    // "psql:file:line: " when reading a file.
    private static final Pattern MESSAGE = Pattern.compile(
            "^(?:psql:[^:]*:\\d+: )?(ERROR|FATAL|PANIC|WARNING|NOTICE):  (?:([0-9A-Z]{5}): )?(.*)$");
    private static final Pattern SQLSTATE_ONLY = Pattern.compile("[0-9A-Z]{5}");
    private static final Pattern HEX_BYTES = Pattern.compile("0x[0-9a-fA-F]+(?: 0x[0-9a-fA-F]+)*");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:[^\"]|\"\")*\"");
    private static final Pattern CALL = Pattern.compile("(?<![\\w\"])[\\p{L}_][\\w.$]*\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])[-+]?\\d+(?:\\.\\d+)?(?![\\w])");
    private static final Pattern OPERATOR_MISSING = Pattern.compile("^operator does not exist: .*");
    private static final Pattern SYNTAX_NEAR = Pattern.compile("^syntax error at or near .*");
    private static final int MAX_LENGTH = 160;

    private ErrorMessages() {}

    public static Optional<Message> parse(String line) {
        Matcher m = MESSAGE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String text = m.group(3).strip();
        if (m.group(2) == null && SQLSTATE_ONLY.matcher(text).matches()) { // \set VERBOSITY sqlstate
            return Optional.of(new Message(m.group(1), text, "(message not shown: VERBOSITY sqlstate)"));
        }
        return Optional.of(new Message(m.group(1), m.group(2), text));
    }

    /** The message with its particulars replaced: quoted names by "X", calls by X(...), numbers by N. */
    public static String normalize(String text) {
        String s = text.strip();
        if (OPERATOR_MISSING.matcher(s).matches()) {
            return "operator does not exist: X";
        }
        if (SYNTAX_NEAR.matcher(s).matches()) {
            return "syntax error at or near \"X\"";
        }
        s = DOUBLE_QUOTED.matcher(s).replaceAll("\"X\"");
        s = CALL.matcher(s).replaceAll("X(...)");
        s = HEX_BYTES.matcher(s).replaceAll("0xN");
        s = NUMBER.matcher(s).replaceAll("N");
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "..." : s;
    }
}
