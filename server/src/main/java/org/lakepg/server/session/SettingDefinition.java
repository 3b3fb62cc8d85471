package org.lakepg.server.session;

import java.util.List;
import java.util.Locale;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * One configuration parameter (PostgreSQL's GUC): its canonical name, kind, boot value, who may
 * change it, whether clients are told of changes (GUC_REPORT), and how a user's text becomes the
 * canonical value PostgreSQL would SHOW.
 */
public record SettingDefinition(
        String name,
        Kind kind,
        String bootValue,
        Context context,
        boolean reported,
        List<String> enumValues,
        long min,
        long max,
        Unit unit,
        Check check,
        String category,
        String description) {

    public enum Kind { BOOL, INTEGER, REAL, ENUM, STRING }

    /** When a parameter may be changed, as pg_settings.context says. */
    public enum Context {
        INTERNAL, POSTMASTER, SIGHUP, SUPERUSER, USER;

        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates and canonicalizes a string parameter's value (a check hook); throws PgException. */
    @FunctionalInterface
    public interface Check {
        String canonical(String current, String value);
    }

    public SettingDefinition {
        if (name == null || name.isEmpty() || kind == null || context == null || bootValue == null) {
            throw new IllegalArgumentException("name, kind, context and boot value are required");
        }
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        unit = unit == null ? Unit.NONE : unit;
        category = category == null ? "Customized Options" : category;
        description = description == null ? "" : description;
    }

    /**
     * The canonical form of {@code value} as PostgreSQL's SHOW would print it.
     *
     * @param nameAsWritten the name the user typed: PostgreSQL quotes it that way in most errors
     * @param current the value now in effect (DateStyle keeps the part a new value leaves out)
     */
    public String canonicalize(String nameAsWritten, String current, String value) {
        return switch (kind) {
            case BOOL -> SettingValues.parseBool(value)
                    .map(b -> b ? "on" : "off")
                    .orElseThrow(() -> PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "parameter \"%s\" requires a Boolean value", nameAsWritten));
            case INTEGER -> unit.format(SettingValues.parseInteger(this, nameAsWritten, value));
            case REAL -> SettingValues.formatReal(SettingValues.parseReal(this, nameAsWritten, value));
            case ENUM -> SettingValues.parseEnum(this, nameAsWritten, value);
            case STRING -> check == null ? value : check.canonical(current, value);
        };
    }
}
