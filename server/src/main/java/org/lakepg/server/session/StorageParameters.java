package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A table's storage parameters (reloptions) after ALTER TABLE SET/RESET, as PostgreSQL's transformRelOptions: the
 * old "name=value" entries not named keep their order, the new ones follow. Options of the TOAST table
 * ({@code toast.x}) belong to a relation lakepg does not show, so they are accepted and not kept.
 */
final class StorageParameters {
    private StorageParameters() {}

    static List<String> apply(List<String> current, List<?> elements, boolean reset) {
        List<String> names = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Object o : elements) {
            DefElem d = (DefElem) o;
            if (d.defnamespace() != null || d.defname().equals("oids")) { // WITH (oids = false) is accepted, not kept
                continue;
            }
            String name = d.defname();
            names.add(name);
            if (!reset) {
                String value = d.arg() == null ? "true" : d.arg() instanceof AConst c ? c.value() : String.valueOf(d.arg());
                validate(name, value);
                added.add(name + "=" + value);
            }
        }
        List<String> out = new ArrayList<>();
        for (String option : current) {
            if (!names.contains(option.substring(0, option.indexOf('=')))) {
                out.add(option);
            }
        }
        out.addAll(added);
        return out;
    }

    /** The parameter lakepg acts on is checked as PostgreSQL's heap_reloptions does. */
    private static void validate(String name, String value) {
        if (!name.equals("toast_tuple_target")) {
            return;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid value for integer option \"%s\": %s",
                    name, value);
        }
        if (n < 128 || n > 8160) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "value %s out of bounds for option \"%s\"", value, name)
                    .withDetail("Valid values are between \"128\" and \"8160\".");
        }
    }
}
