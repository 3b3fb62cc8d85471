package org.lakepg.wire.error;

/**
 * The one exception type for everything a client may see: a SQLSTATE, PostgreSQL's wording,
 * and the optional detail, hint and 1-based character position of an ErrorResponse.
 * Any other Throwable reaching the protocol layer is reported as XX000 and logged.
 */
public final class PgException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SqlState sqlState;
    private final Severity severity;
    private final String detail;
    private final String hint;
    private final int position;
    private final String context;

    /**
     * Severity as PostgreSQL sends it in the S and V fields. ERROR and above end the statement;
     * the others travel in a NoticeResponse.
     */
    public enum Severity { DEBUG, LOG, INFO, NOTICE, WARNING, ERROR, FATAL, PANIC;

        public boolean isError() {
            return compareTo(ERROR) >= 0;
        }
    }

    public PgException(SqlState sqlState, String message) {
        this(sqlState, Severity.ERROR, message, null, null, 0, null, null);
    }

    private PgException(SqlState sqlState, Severity severity, String message, String detail, String hint,
                        int position, Throwable cause, String context) {
        super(message, cause);
        if (sqlState == null || severity == null || message == null) {
            throw new IllegalArgumentException("sqlState, severity and message are required");
        }
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0 (0 = none): " + position);
        }
        this.sqlState = sqlState;
        this.severity = severity;
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.context = context;
    }

    public static PgException of(SqlState sqlState, String format, Object... args) {
        return new PgException(sqlState, args.length == 0 ? format : String.format(format, args));
    }

    /** PostgreSQL's check_stack_depth() report; also what a Java StackOverflowError in a statement becomes. */
    public static PgException stackDepthExceeded() {
        return of(SqlState.STATEMENT_TOO_COMPLEX, "stack depth limit exceeded")
                .withHint("Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after"
                        + " ensuring the platform's stack depth limit is adequate.");
    }

    public PgException withDetail(String detail) {
        return new PgException(sqlState, severity, getMessage(), detail, hint, position, getCause(), context);
    }

    public PgException withHint(String hint) {
        return new PgException(sqlState, severity, getMessage(), detail, hint, position, getCause(), context);
    }

    /** The 1-based character position in the query text the error points at (0 = none). */
    public PgException withPosition(int position) {
        return new PgException(sqlState, severity, getMessage(), detail, hint, position, getCause(), context);
    }

    public PgException withSeverity(Severity severity) {
        return new PgException(sqlState, severity, getMessage(), detail, hint, position, getCause(), context);
    }

    public PgException withCause(Throwable cause) {
        return new PgException(sqlState, severity, getMessage(), detail, hint, position, cause, context);
    }

    /** The CONTEXT line(s) of the report (the W field: where the error happened, e.g. "JSON data, line 1: ..."). */
    public PgException withContext(String context) {
        return new PgException(sqlState, severity, getMessage(), detail, hint, position, getCause(), context);
    }

    public SqlState sqlState() {
        return sqlState;
    }

    public Severity severity() {
        return severity;
    }

    /** May be null. */
    public String detail() {
        return detail;
    }

    /** May be null. */
    public String hint() {
        return hint;
    }

    /** May be null. */
    public String context() {
        return context;
    }

    public int position() {
        return position;
    }
}
