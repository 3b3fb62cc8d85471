package org.lakepg.conformance.causes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.conformance.causes.FailureCause.Kind;

/**
 * Decides why one statement's output differs from PostgreSQL's. The first error lakepg printed
 * that PostgreSQL did not print is the cause (it usually explains the rest of the output); then
 * a lost connection; then an error PostgreSQL raised that lakepg did not; else what differs.
 */
public final class FailureClassifier {

    private static final List<String> CONNECTION_LOST = List.of(
            "server closed the connection unexpectedly",
            "connection to server was lost",
            "no connection to the server",
            "lost synchronization with server");

    private FailureClassifier() {}

    /**
     * @param notRunReason why a statement that never ran did not (e.g. "test timed out"),
     *                     used when {@code failure.got()} is null
     */
    public static Classification classify(StatementFailure failure, String notRunReason) {
        if (!failure.reached()) {
            return new Classification(FailureCause.of(Kind.NOT_RUN, notRunReason), "");
        }
        List<String> extra = without(failure.got(), failure.want());
        List<String> missing = without(failure.want(), failure.got());
        for (String line : extra) {
            Optional<ErrorMessages.Message> m = ErrorMessages.parse(line);
            if (m.isPresent() && !m.get().severity().equals("WARNING") && !m.get().severity().equals("NOTICE")) {
                return new Classification(
                        new FailureCause(Kind.ERROR, ErrorMessages.normalize(m.get().text()), m.get().sqlState()),
                        m.get().text());
            }
        }
        for (String line : extra) {
            for (String lost : CONNECTION_LOST) {
                if (line.contains(lost)) {
                    return new Classification(FailureCause.of(Kind.CONNECTION_LOST, lost), "");
                }
            }
        }
        for (String line : missing) {
            Optional<ErrorMessages.Message> m = ErrorMessages.parse(line);
            if (m.isPresent() && m.get().severity().equals("ERROR")) {
                return new Classification(
                        new FailureCause(Kind.MISSING_ERROR, ErrorMessages.normalize(m.get().text()), m.get().sqlState()),
                        m.get().text());
            }
        }
        List<String> differing = new ArrayList<>(extra);
        differing.addAll(missing);
        if (!differing.isEmpty() && differing.stream().allMatch(FailureClassifier::isMessagePart)) {
            return new Classification(FailureCause.of(Kind.NOTICE_DIFFERS), "");
        }
        return new Classification(FailureCause.of(Kind.RESULT_DIFFERS), "");
    }

    private static boolean isMessagePart(String line) {
        String s = line.strip();
        return s.startsWith("NOTICE:") || s.startsWith("WARNING:") || s.startsWith("DETAIL:")
                || s.startsWith("HINT:") || s.startsWith("CONTEXT:") || s.startsWith("LINE ")
                || s.startsWith("^") || s.startsWith("INFO:");
    }

    /** Lines of {@code a} not in {@code b}, as a multiset difference, white space ignored as diff -w does. */
    static List<String> without(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>();
        for (String s : b) {
            rest.add(squeeze(s));
        }
        List<String> out = new ArrayList<>();
        for (String s : a) {
            if (!rest.remove(squeeze(s))) {
                out.add(s);
            }
        }
        return out;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
