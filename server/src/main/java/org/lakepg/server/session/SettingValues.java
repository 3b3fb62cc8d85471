package org.lakepg.server.session;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Parsing of setting values by kind, with PostgreSQL's rules and error wording (guc.c). */
final class SettingValues {
    private SettingValues() {}

    /** PostgreSQL's parse_bool: case-insensitive, unique prefixes of true/false/yes/no, on/off, 1/0. */
    static Optional<Boolean> parseBool(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if ("true".startsWith(v) || "yes".startsWith(v)) {
            return Optional.of(true);
        }
        if ("false".startsWith(v) || "no".startsWith(v)) {
            return Optional.of(false);
        }
        return switch (v) {
            case "on", "1" -> Optional.of(true);
            case "of", "off", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** An integer in the setting's base unit; a unit suffix converts, fractions round, as guc.c's parse_int. */
    static long parseInteger(SettingDefinition def, String nameAsWritten, String value) {
        String v = value.trim();
        int end = 0;
        while (end < v.length() && "+-0123456789.eE".indexOf(v.charAt(end)) >= 0) {
            // an 'e' only belongs to the number when followed by a digit or sign (1e3, not "1 eB")
            if ((v.charAt(end) == 'e' || v.charAt(end) == 'E')
                    && (end + 1 >= v.length() || "+-0123456789".indexOf(v.charAt(end + 1)) < 0)) {
                break;
            }
            end++;
        }
        double number;
        try {
            number = end == 0 ? Double.NaN : new BigDecimal(v.substring(0, end)).doubleValue();
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (Double.isNaN(number)) {
            throw invalid(nameAsWritten, value);
        }
        String suffix = v.substring(end).trim();
        if (!suffix.isEmpty()) {
            double per = def.unit().baseUnitsPer(suffix);
            if (per < 0) {
                PgException e = invalid(nameAsWritten, value);
                throw def.unit() == Unit.NONE ? e : e.withHint(def.unit().validUnitsHint());
            }
            number *= per;
        }
        double rounded = Math.rint(number);
        if (rounded < def.min() || rounded > def.max()) {
            String unitName = def.unit().sqlName();
            String shown = BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString()
                    + (unitName == null ? "" : " " + unitName);
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "%s is outside the valid range for parameter \"%s\" (%d .. %d)",
                    shown, nameAsWritten, def.min(), def.max());
        }
        return (long) rounded;
    }

    static double parseReal(SettingDefinition def, String nameAsWritten, String value) {
        double number;
        try {
            number = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(nameAsWritten, value);
        }
        if (number < def.min() || number > def.max()) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "%s is outside the valid range for parameter \"%s\" (%s .. %s)",
                    formatReal(number), nameAsWritten, def.min(), def.max());
        }
        return number;
    }

    static String formatReal(double value) {
        // PostgreSQL prints reals with %g: 0.1, 1e+10, 4
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : BigDecimal.valueOf(value).stripTrailingZeros().toString().replace("E", "e");
    }

    /** Enum values match case-insensitively; on/off enums also accept the boolean spellings, as guc tables do. */
    static String parseEnum(SettingDefinition def, String nameAsWritten, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (String allowed : def.enumValues()) {
            if (allowed.equalsIgnoreCase(v)) {
                return allowed;
            }
        }
        if (def.enumValues().contains("on") && def.enumValues().contains("off")) {
            Optional<Boolean> b = parseBool(v).filter(x -> v.length() > 1 || Character.isDigit(v.charAt(0)));
            if (b.isPresent()) {
                return b.get() ? "on" : "off";
            }
        }
        throw invalid(nameAsWritten, value)
                .withHint("Available values: " + String.join(", ", def.enumValues()) + ".");
    }

    static PgException invalid(String name, String value) {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": \"%s\"", name, value);
    }
}
