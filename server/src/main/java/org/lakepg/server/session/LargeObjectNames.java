package org.lakepg.server.session;

import java.math.BigDecimal;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The OID a statement names a large object by (COMMENT ON / ALTER / GRANT ... LARGE OBJECT n), as oidparse. */
final class LargeObjectNames {
    private LargeObjectNames() {}

    static long oid(Object object) {
        if (!(object instanceof AConst c)) {
            throw new IllegalArgumentException("a large object is named by a number, not " + object);
        }
        BigDecimal value = new BigDecimal(c.value());
        // oidparse: an integer value, read as unsigned 32 bits (negative values wrap, as oidin accepts them)
        if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(0xFFFFFFFFL)) > 0
                || value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"%s\" is out of range for type oid",
                    c.value());
        }
        return value.longValue() & 0xFFFFFFFFL;
    }
}
