package org.lakepg.server.session;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.access.sequence.Sequence;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The options of CREATE / ALTER SEQUENCE and identity columns, checked and completed with PostgreSQL's defaults
 * (its init_params): the data type bounds MINVALUE/MAXVALUE, the sign of INCREMENT picks the defaults.
 */
record SequenceOptions(long type, Sequence.Options options, long cache, Long restart, List<String> ownedBy) {

    /** Options for a new sequence ({@code current} null) or changed options of an existing one. */
    static SequenceOptions of(List<DefElem> elems, SequenceInfo current, long defaultType, ExpressionAnalyzer types) {
        Long increment = null;
        Long min = null;
        Long max = null;
        Long start = null;
        Long cache = null;
        Boolean cycle = null;
        Long restart = null;
        boolean restartGiven = false;
        boolean minGiven = false;
        boolean maxGiven = false;
        Long type = null;
        List<String> ownedBy = null;
        Set<String> seen = new HashSet<>();
        for (DefElem e : elems == null ? List.<DefElem>of() : elems) {
            if (e.defname().equals("sequence_name") || e.defname().equals("logged") || e.defname().equals("unlogged")) {
                continue;
            }
            if (!seen.add(e.defname())) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "conflicting or redundant options");
            }
            switch (e.defname()) {
                case "as" -> {
                    type = types.resolveType((TypeName) e.arg())[0];
                    if (type != TypeOids.INT2 && type != TypeOids.INT4 && type != TypeOids.INT8) {
                        throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                                "sequence type must be smallint, integer, or bigint");
                    }
                }
                case "increment" -> increment = number(e);
                case "minvalue" -> {
                    minGiven = true;
                    min = e.arg() == null ? null : number(e);
                }
                case "maxvalue" -> {
                    maxGiven = true;
                    max = e.arg() == null ? null : number(e);
                }
                case "start" -> start = number(e);
                case "restart" -> {
                    restartGiven = true;
                    restart = e.arg() == null ? null : number(e);
                }
                case "cache" -> cache = number(e);
                case "cycle" -> cycle = (Boolean) e.arg();
                case "owned_by" -> {
                    @SuppressWarnings("unchecked")
                    List<String> name = (List<String>) e.arg();
                    ownedBy = name;
                }
                default -> throw PgException.of(SqlState.SYNTAX_ERROR, "option \"%s\" not recognized", e.defname());
            }
        }
        Sequence.Options old = current == null ? null : current.options();
        long dataType = type != null ? type : current != null ? current.type() : defaultType;
        long inc = increment != null ? increment : old != null ? old.increment() : 1;
        if (inc == 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
        }
        long typeMax = dataType == TypeOids.INT2 ? Short.MAX_VALUE : dataType == TypeOids.INT4 ? Integer.MAX_VALUE
                : Long.MAX_VALUE;
        long typeMin = dataType == TypeOids.INT2 ? Short.MIN_VALUE : dataType == TypeOids.INT4 ? Integer.MIN_VALUE
                : Long.MIN_VALUE;
        boolean resetBounds = old == null || type != null && type != current.type() || increment != null
                && Long.signum(increment) != Long.signum(old.increment());
        long maxValue = max != null ? max : (maxGiven || old == null || resetBounds && !maxGiven
                && (old.max() == boundMax(old, current.type()))) ? (inc > 0 ? typeMax : -1) : old.max();
        long minValue = min != null ? min : (minGiven || old == null || resetBounds && !minGiven
                && (old.min() == boundMin(old, current.type()))) ? (inc > 0 ? 1 : typeMin) : old.min();
        String typeName = dataType == TypeOids.INT2 ? "smallint" : dataType == TypeOids.INT4 ? "integer" : "bigint";
        if (maxValue > typeMax || maxValue < typeMin) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "MAXVALUE (%d) is out of range for sequence data type %s", maxValue, typeName);
        }
        if (minValue > typeMax || minValue < typeMin) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "MINVALUE (%d) is out of range for sequence data type %s", minValue, typeName);
        }
        if (minValue >= maxValue) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "MINVALUE (%d) must be less than MAXVALUE (%d)",
                    minValue, maxValue);
        }
        long startValue = start != null ? start : old != null ? old.start() : inc > 0 ? minValue : maxValue;
        if (startValue < minValue) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "START value (%d) cannot be less than MINVALUE (%d)", startValue, minValue);
        }
        if (startValue > maxValue) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "START value (%d) cannot be greater than MAXVALUE (%d)", startValue, maxValue);
        }
        Long restartValue = restartGiven ? (restart != null ? restart : startValue) : null;
        if (restartValue != null && restartValue < minValue) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "RESTART value (%d) cannot be less than MINVALUE (%d)", restartValue, minValue);
        }
        if (restartValue != null && restartValue > maxValue) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "RESTART value (%d) cannot be greater than MAXVALUE (%d)", restartValue, maxValue);
        }
        long cacheValue = cache != null ? cache : current != null ? current.cache() : 1;
        if (cacheValue <= 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "CACHE (%d) must be greater than zero", cacheValue);
        }
        boolean cycles = cycle != null ? cycle : old != null && old.cycle();
        return new SequenceOptions(dataType, new Sequence.Options(inc, minValue, maxValue, startValue, cycles),
                cacheValue, restartValue, ownedBy);
    }

    private static long boundMax(Sequence.Options o, long type) {
        long typeMax = type == TypeOids.INT2 ? Short.MAX_VALUE : type == TypeOids.INT4 ? Integer.MAX_VALUE
                : Long.MAX_VALUE;
        return o.increment() > 0 ? typeMax : -1;
    }

    private static long boundMin(Sequence.Options o, long type) {
        long typeMin = type == TypeOids.INT2 ? Short.MIN_VALUE : type == TypeOids.INT4 ? Integer.MIN_VALUE
                : Long.MIN_VALUE;
        return o.increment() > 0 ? 1 : typeMin;
    }

    private static long number(DefElem e) {
        if (!(e.arg() instanceof AConst c) || c.kind() != AConst.Kind.INTEGER) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "%s requires an integer value", e.defname());
        }
        try {
            return Long.parseLong(c.value());
        } catch (NumberFormatException overflow) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"%s\" is out of range for type bigint",
                    c.value());
        }
    }
}
