package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AExpr;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.VariableSetStmt;
import org.lakepg.server.sql.ast.VariableShowStmt;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** SET, RESET and SHOW on the session's settings, with PostgreSQL's tags, columns and warnings. */
final class SettingCommands {
    private final SessionSettings settings;
    private final TransactionBlock block;
    private final Consumer<PgException> notices;

    SettingCommands(SessionSettings settings, TransactionBlock block, Consumer<PgException> notices) {
        this.settings = settings;
        this.block = block;
        this.notices = notices;
    }

    static List<OutputColumn> showColumns(VariableShowStmt show, SessionSettings settings) {
        if (show.name().equals("all")) {
            return List.of(OutputColumn.computed("name", TypeOids.TEXT, -1),
                    OutputColumn.computed("setting", TypeOids.TEXT, -1),
                    OutputColumn.computed("description", TypeOids.TEXT, -1));
        }
        settings.get(show.name()); // 42704 for an unknown parameter, at analysis as in PostgreSQL
        return List.of(OutputColumn.computed(settings.displayName(show.name()), TypeOids.TEXT, -1));
    }

    Execution show(VariableShowStmt show) {
        List<OutputColumn> columns = showColumns(show, settings);
        if (show.name().equals("all")) {
            List<Object[]> rows = new ArrayList<>();
            settings.definitions().stream()
                    .sorted(Comparator.comparing(d -> d.name().toLowerCase(Locale.ROOT)))
                    .forEach(d -> rows.add(new Object[] {d.name(), settings.get(d.name()), d.description()}));
            return Execution.rows(columns, rows, "SHOW");
        }
        return Execution.rows(columns, List.<Object[]>of(new Object[] {settings.get(show.name())}), "SHOW");
    }

    Execution set(VariableSetStmt set) {
        if (set.isLocal() && !block.inExplicitBlock()) {
            notices.accept(PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "%s can only be used in transaction blocks",
                    "SET LOCAL").withSeverity(PgException.Severity.WARNING));
        }
        switch (set.kind()) {
            case SET_VALUE -> settings.set(set.name(), flatten(set.name(), set.args()), set.isLocal());
            case SET_DEFAULT -> settings.reset(set.name(), set.isLocal());
            case RESET -> settings.reset(set.name(), false);
            case RESET_ALL -> settings.resetAll();
            case SET_MULTI -> transactionCharacteristics(set);
            case SET_CURRENT -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "SET ... FROM CURRENT is not supported yet");
        }
        return Execution.done(set.kind() == VariableSetStmt.Kind.RESET || set.kind() == VariableSetStmt.Kind.RESET_ALL
                ? "RESET" : "SET");
    }

    private void transactionCharacteristics(VariableSetStmt set) {
        boolean session = set.name().equals("SESSION CHARACTERISTICS");
        if (!session && !block.inExplicitBlock()) {
            notices.accept(PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "%s can only be used in transaction blocks",
                    "SET TRANSACTION").withSeverity(PgException.Severity.WARNING));
        }
        for (Object arg : set.args()) {
            DefElem option = (DefElem) arg;
            String value = option.arg() instanceof AConst c ? c.value() : String.valueOf(option.arg());
            String name = session ? "default_" + option.defname() : option.defname();
            settings.set(name, value, !session);
        }
    }

    /** flatten_set_variable_args: values joined by ", ", numbers as written, strings unquoted. */
    static String flatten(String name, List<Object> args) {
        List<String> parts = new ArrayList<>();
        for (Object arg : args) {
            parts.add(argText(arg));
        }
        return String.join(", ", parts);
    }

    private static String argText(Object arg) {
        return switch (arg) {
            case AConst c -> c.value();
            case AExpr a when a.left() == null && a.right() instanceof AConst c && a.name().equals(List.of("-")) ->
                    "-" + c.value();
            case Expr e -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this SET value is not supported yet");
            default -> String.valueOf(arg);
        };
    }
}
