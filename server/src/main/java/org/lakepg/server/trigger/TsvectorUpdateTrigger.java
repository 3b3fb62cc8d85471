package org.lakepg.server.trigger;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.plpgsql.PlRecord;
import org.lakepg.server.plpgsql.PlTriggerEvent;
import org.lakepg.server.textsearch.Configuration;
import org.lakepg.server.textsearch.Documents;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The built-in trigger functions tsvector_update_trigger(tsvector_column, config, text_column ...)
 * and tsvector_update_trigger_column (the configuration taken from a regconfig column): the
 * tsvector column is set to the text columns' words, positions continuing from one to the next.
 */
public final class TsvectorUpdateTrigger {
    private TsvectorUpdateTrigger() {}

    private static final long TSVECTOR = 3614;
    private static final long REGCONFIG = 3734;

    public static boolean handles(String source) {
        return source.equals("tsvector_update_trigger_byid") || source.equals("tsvector_update_trigger_bycolumn");
    }

    public static Object[] fire(String source, PlTriggerEvent event) {
        boolean byColumn = source.equals("tsvector_update_trigger_bycolumn");
        if (!event.level().equalsIgnoreCase("ROW")) {
            throw PgException.of(SqlState.TRIGGERED_ACTION_EXCEPTION, "tsvector_update_trigger: must be fired for row");
        }
        if (!event.when().equalsIgnoreCase("BEFORE")) {
            throw PgException.of(SqlState.TRIGGERED_ACTION_EXCEPTION,
                    "tsvector_update_trigger: must be fired BEFORE event");
        }
        PlRecord row = event.newRow();
        if (row == null || !(event.op().equalsIgnoreCase("INSERT") || event.op().equalsIgnoreCase("UPDATE"))) {
            throw PgException.of(SqlState.TRIGGERED_ACTION_EXCEPTION,
                    "tsvector_update_trigger: must be fired for INSERT or UPDATE");
        }
        List<String> args = event.arguments();
        if (args.size() < 3) {
            throw PgException.of(SqlState.TRIGGERED_ACTION_EXCEPTION,
                    "tsvector_update_trigger: arguments must be tsvector_field, ts_config, text_field1, ...)");
        }
        int target = row.indexOf(args.get(0));
        if (target < 0) {
            throw PgException.of(SqlState.UNDEFINED_COLUMN, "tsvector column \"%s\" does not exist", args.get(0));
        }
        if (row.types()[target] != TSVECTOR) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "column \"%s\" is not of tsvector type", args.get(0));
        }
        Configuration config = byColumn ? configColumn(row, args.get(1)) : configNamed(args.get(1));
        List<Documents.Word> words = new ArrayList<>();
        int pos = 0;
        for (int i = 2; i < args.size(); i++) {
            int column = row.indexOf(args.get(i));
            if (column < 0) {
                throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", args.get(i));
            }
            Object value = row.values()[column];
            if (value == null) {
                continue;
            }
            if (!(value instanceof String text)) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "column \"%s\" is not of a character type",
                        args.get(i));
            }
            pos = Documents.parse(config, text, pos, words);
        }
        Object[] values = row.values().clone();
        values[target] = Documents.toVector(words);
        return values;
    }

    private static Configuration configNamed(String name) {
        if (!name.contains(".")) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "text search configuration name \"%s\" must be schema-qualified", name);
        }
        Configuration c = Configuration.byName(name);
        if (c == null) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search configuration \"%s\" does not exist", name);
        }
        return c;
    }

    private static Configuration configColumn(PlRecord row, String column) {
        int i = row.indexOf(column);
        if (i < 0) {
            throw PgException.of(SqlState.UNDEFINED_COLUMN, "configuration column \"%s\" does not exist", column);
        }
        if (row.types()[i] != REGCONFIG) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "column \"%s\" is not of regconfig type", column);
        }
        Object value = row.values()[i];
        if (value == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "configuration column \"%s\" must not be null",
                    column);
        }
        Configuration c = Configuration.byOid(((Number) value).longValue());
        if (c == null) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search configuration %d does not exist",
                    ((Number) value).longValue());
        }
        return c;
    }
}
