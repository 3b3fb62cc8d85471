package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lakepg.server.sql.ast.VariableSetStmt;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A function's SET clauses, pg_proc.proconfig's "name=value" items, as CREATE and ALTER FUNCTION change them
 * (PostgreSQL's update_proconfig_value: a name set again replaces its item, RESET removes it).
 */
final class FunctionSettings {
    private FunctionSettings() {}

    /** {@code config} after one SET / RESET clause: a VariableSetStmt, or the name RESET gives ("all" for RESET ALL). */
    static List<String> alter(List<String> config, Object clause, SessionSettings settings) {
        return switch (clause) {
            case VariableSetStmt set -> switch (set.kind()) {
                case SET_VALUE -> with(config, set.name(), SettingCommands.flatten(set.name(), set.args()), settings);
                case SET_CURRENT -> with(config, set.name(), settings.get(set.name()), settings);
                case SET_DEFAULT, RESET -> without(config, set.name());
                case RESET_ALL -> List.of();
                case SET_MULTI -> throw PgException.of(SqlState.SYNTAX_ERROR, "syntax error at or near \"%s\"",
                        set.name());
            };
            case String name when name.equals("all") -> List.of();
            case String name -> without(config, name);
            default -> config;
        };
    }

    private static List<String> with(List<String> config, String name, String value, SessionSettings settings) {
        String canonical = settings.checkValue(name, value);
        List<String> out = new ArrayList<>(config);
        String item = canonical + "=" + value;
        for (int i = 0; i < out.size(); i++) {
            if (nameOf(out.get(i)).equalsIgnoreCase(canonical)) {
                out.set(i, item);
                return out;
            }
        }
        out.add(item);
        return out;
    }

    private static List<String> without(List<String> config, String name) {
        return config.stream().filter(item -> !nameOf(item).equalsIgnoreCase(name.toLowerCase(Locale.ROOT))).toList();
    }

    private static String nameOf(String item) {
        int eq = item.indexOf('=');
        return eq < 0 ? item : item.substring(0, eq);
    }
}
