package org.lakepg.conformance.causes;

import java.util.Objects;

/**
 * Why statements failed, as a group key: a kind and, for errors, the normalized message and the
 * SQLSTATE when psql showed it (null otherwise).
 */
public record FailureCause(Kind kind, String message, String sqlState) {

    public enum Kind {
        /** lakepg raised an error PostgreSQL did not raise (or raised with other words). */
        ERROR("error"),
        /** PostgreSQL raised an error here and lakepg did not. */
        MISSING_ERROR("no error where PostgreSQL raised"),
        /** lakepg dropped the connection (crash, protocol error). */
        CONNECTION_LOST("connection lost"),
        /** Only NOTICE/WARNING/DETAIL/HINT/CONTEXT lines differ. */
        NOTICE_DIFFERS("notices or details differ"),
        /** Rows, command tags or other printed lines differ. */
        RESULT_DIFFERS("result differs"),
        /** The statement never ran: the test stopped, timed out, or the server was gone. */
        NOT_RUN("not run");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public FailureCause {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
    }

    public static FailureCause of(Kind kind) {
        return new FailureCause(kind, "", null);
    }

    public static FailureCause of(Kind kind, String message) {
        return new FailureCause(kind, message, null);
    }

    /** How the report names it, e.g. {@code ERROR: relation "X" does not exist}. */
    public String describe() {
        return switch (kind) {
            case ERROR -> "ERROR: " + message;
            case RESULT_DIFFERS, NOTICE_DIFFERS -> kind.label();
            default -> message.isEmpty() ? kind.label() : kind.label() + ": " + message;
        };
    }
}
