package org.lakepg.server.session;

import java.util.Locale;
import org.lakepg.server.sql.ast.*;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * PostgreSQL's rule for read-only transactions (transaction_read_only, and every time-travel session): which
 * statements may run, and the command name its 25006 error uses ("cannot execute INSERT in a read-only
 * transaction"). A time-travel session reads the past, so it also refuses what a read-only transaction allows but
 * writes pages (VACUUM, ANALYZE).
 */
final class ReadOnlyCheck {
    private ReadOnlyCheck() {
    }

    static void check(Statement statement, boolean timeTravel) {
        String refused = refusedName(statement, timeTravel);
        if (refused != null) {
            throw PgException.of(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot execute %s in a read-only transaction",
                    refused);
        }
    }

    /** The command name if the statement may not run read-only, else null. */
    static String refusedName(Statement statement, boolean timeTravel) {
        return switch (statement) {
            case SelectStmt s -> s.intoClause() != null ? "SELECT INTO" : selectName(s);
            case InsertStmt i -> "INSERT";
            case UpdateStmt u -> "UPDATE";
            case DeleteStmt d -> "DELETE";
            case MergeStmt m -> "MERGE";
            case ExplainStmt e -> isAnalyze(e) ? refusedName(e.query(), timeTravel) : null;
            case CopyStmt c -> c.isFrom() ? "COPY FROM" : null;
            case VacuumStmt v -> timeTravel ? (v.isVacuumcmd() ? "VACUUM" : "ANALYZE") : null;
            case CreateTableAsStmt c -> c.isSelectInto() ? "SELECT INTO"
                    : c.objtype() != null && c.objtype().kind() == ObjectType.Kind.MATVIEW
                    ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS";
            case CreateStmt c -> "CREATE TABLE";
            case IndexStmt i -> "CREATE INDEX";
            case ViewStmt v -> "CREATE VIEW";
            case CreateSeqStmt c -> "CREATE SEQUENCE";
            case AlterSeqStmt a -> "ALTER SEQUENCE";
            case AlterTableStmt a -> "ALTER " + kindName(a.objtype());
            case DropStmt d -> "DROP " + kindName(d.removeType());
            case TruncateStmt t -> "TRUNCATE TABLE";
            case CreatedbStmt c -> "CREATE DATABASE";
            case DropdbStmt d -> "DROP DATABASE";
            case GrantStmt g -> g.isGrant() ? "GRANT" : "REVOKE";
            case TransactionStmt t -> null;
            case VariableSetStmt v -> null;
            case VariableShowStmt v -> null;
            case PrepareStmt p -> null;
            case ExecuteStmt e -> null; // the prepared statement is checked when it runs
            case DeallocateStmt d -> null;
            case DeclareCursorStmt d -> null;
            case FetchStmt f -> null;
            case ClosePortalStmt c -> null;
            case DiscardStmt d -> null;
            case CheckPointStmt c -> null;
            case ListenStmt l -> null;
            case UnlistenStmt u -> null;
            case LockStmt l -> null;
            case CallStmt c -> null;
            case DoStmt d -> null;
            default -> nameFromClass(statement);
        };
    }

    private static String selectName(SelectStmt s) {
        if (s.withClause() != null) {
            for (CommonTableExpr cte : s.withClause().ctes()) {
                if (!(cte.ctequery() instanceof SelectStmt)) {
                    return "SELECT"; // a data-modifying WITH
                }
            }
        }
        if (!s.lockingClause().isEmpty()) {
            return "SELECT " + s.lockingClause().get(0).strength().name().replace('_', ' ');
        }
        return null;
    }

    private static boolean isAnalyze(ExplainStmt e) {
        for (DefElem option : e.options()) {
            if (option.defname().equals("analyze")) {
                return option.arg() == null || !String.valueOf(option.arg()).matches("(?i)false|off|0");
            }
        }
        return false;
    }

    private static String kindName(ObjectType type) {
        if (type == null) {
            return "TABLE";
        }
        return switch (type.kind()) {
            case MATVIEW -> "MATERIALIZED VIEW";
            case FOREIGN_TABLE -> "FOREIGN TABLE";
            default -> type.kind().name().replace('_', ' ');
        };
    }

    /** CreateSchemaStmt → CREATE SCHEMA: PostgreSQL's command names follow its statement names closely enough. */
    private static String nameFromClass(Statement statement) {
        String name = statement.getClass().getSimpleName().replaceAll("Stmt$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
