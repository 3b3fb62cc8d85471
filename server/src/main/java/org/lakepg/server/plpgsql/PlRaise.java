package org.lakepg.server.plpgsql;

import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** RAISE: the message built from its format and arguments, then sent as a notice or thrown as an error. */
final class PlRaise {
    private final PlStatements sql;
    private final PlHost host;
    private final PgException handled;

    PlRaise(PlStatements sql, PlHost host, PgException handled) {
        this.sql = sql;
        this.host = host;
        this.handled = handled;
    }

    void raise(PlStmt.Raise r) {
        if (r.reraise()) {
            if (handled == null) {
                throw PgException.of(SqlState.STACKED_DIAGNOSTICS_ACCESSED_WITHOUT_ACTIVE_HANDLER,
                        "RAISE without parameters cannot be used outside an exception handler");
            }
            throw handled;
        }
        SqlState state = r.level().equals("exception") ? SqlState.RAISE_EXCEPTION : SqlState.SUCCESSFUL_COMPLETION;
        String message = null;
        if (r.condition() != null) {
            state = condition(r.condition());
            message = r.condition().startsWith("sqlstate:") ? r.condition().substring(9) : r.condition();
        }
        if (r.format() != null) {
            message = format(r.format(), r.arguments());
        }
        String detail = null;
        String hint = null;
        for (PlStmt.RaiseOption o : r.options()) {
            String value = optionText(o);
            switch (o.name().toLowerCase(java.util.Locale.ROOT)) {
                case "message" -> {
                    if (r.format() != null) {
                        throw PgException.of(SqlState.SYNTAX_ERROR, "RAISE option already specified: MESSAGE");
                    }
                    message = value;
                }
                case "detail" -> detail = value;
                case "hint" -> hint = value;
                case "errcode" -> {
                    if (r.condition() != null) {
                        throw PgException.of(SqlState.SYNTAX_ERROR, "RAISE option already specified: ERRCODE");
                    }
                    state = value.length() == 5 && PlConditions.byCode(value) != null ? PlConditions.byCode(value)
                            : condition(value);
                    if (message == null) {
                        message = value;
                    }
                }
                case "column", "constraint", "datatype", "table", "schema" -> { }
                default -> throw PgException.of(SqlState.SYNTAX_ERROR, "unrecognized RAISE statement option \"%s\"", o.name());
            }
        }
        if (message == null) {
            message = state == SqlState.RAISE_EXCEPTION ? "raise_exception" : state.name().toLowerCase(java.util.Locale.ROOT);
        }
        PgException e = PgException.of(state, "%s", message);
        if (detail != null) {
            e = e.withDetail(detail);
        }
        if (hint != null) {
            e = e.withHint(hint);
        }
        switch (r.level()) {
            case "exception" -> throw e;
            case "debug", "log" -> { } // below client_min_messages' default: the client never sees them
            case "info" -> host.notice(e.withSeverity(PgException.Severity.INFO));
            case "notice" -> host.notice(e.withSeverity(PgException.Severity.NOTICE));
            case "warning" -> host.notice(e.withSeverity(PgException.Severity.WARNING));
            default -> throw new IllegalStateException(r.level());
        }
    }

    private static SqlState condition(String condition) {
        SqlState s = PlConditions.of(condition);
        if (s == null) {
            if (condition.startsWith("sqlstate:")) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "SQLSTATE %s is not known to lakepg yet",
                        condition.substring(9));
            }
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "unrecognized exception condition \"%s\"", condition);
        }
        return s;
    }

    private String optionText(PlStmt.RaiseOption o) {
        PlStatements.Value v = sql.expression(o.value());
        if (v.value() == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "RAISE statement option cannot be null");
        }
        return host.text(v.value(), v.type());
    }

    /** Each % is the next argument's text (NULL as <NULL>); %% is a percent sign. */
    private String format(String format, List<PlSql> arguments) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            if (next >= arguments.size()) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "too few parameters specified for RAISE");
            }
            PlStatements.Value v = sql.expression(arguments.get(next++));
            out.append(v.value() == null ? "<NULL>" : host.text(v.value(), v.type()));
        }
        if (next < arguments.size()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "too many parameters specified for RAISE");
        }
        return out.toString();
    }
}
