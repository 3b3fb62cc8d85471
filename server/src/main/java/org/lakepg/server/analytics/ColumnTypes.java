package org.lakepg.server.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.types.PgNumeric;

/**
 * Which server column types the columnar engine holds, and the two value conversions between the row engine's Java
 * values and the batches' (numeric is {@link PgNumeric} in the server, a plain BigDecimal in batches).
 */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    /**
     * The analytics type of a server type OID, if batches hold it. bpchar is held (so tables like pgbench_accounts
     * are materialized) but never compared: PostgreSQL ignores its trailing blanks, batches compare by code point, so
     * expressions, sort and join keys on it stay on the row engine ({@link #comparable}).
     */
    public static Optional<PgType> of(long typeOid) {
        for (PgType t : PgType.values()) {
            if (t.oid() == typeOid) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether the columnar engine compares values of the type as PostgreSQL does. */
    public static boolean comparable(PgType type) {
        return type != PgType.BPCHAR;
    }

    /** The table's columns as a batch schema; empty if any column has a type the columnar engine does not hold. */
    public static Optional<Schema> schema(TableInfo table) {
        List<Column> columns = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            Optional<PgType> type = of(c.type());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            if (type.get() == PgType.NUMERIC && c.typmod() >= 4) {
                int mod = c.typmod() - 4;
                columns.add(new Column(c.name(), PgType.NUMERIC, !c.notNull(), (mod >> 16) & 0xffff, mod & 0xffff));
            } else {
                columns.add(new Column(c.name(), type.get(), !c.notNull(), -1, -1));
            }
        }
        return Optional.of(new Schema(columns));
    }

    /** A row engine value as a batch value; a non-finite numeric cannot be held (the query goes to the row engine). */
    public static Object toBatch(Object value) {
        if (value instanceof PgNumeric n) {
            if (!n.isFinite()) {
                throw new UnsupportedValueException("numeric " + n.kind() + " is not supported by the columnar engine");
            }
            return n.value();
        }
        return value;
    }

    /** A batch value as the row engine's value. */
    public static Object toRow(Object value) {
        if (value instanceof BigDecimal d) {
            return PgNumeric.of(d);
        }
        return value;
    }
}
