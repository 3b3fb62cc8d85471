package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The types of {@code $n}: given by the client's Parse message, or inferred from the first context
 * that coerces the parameter (0 = not yet known), as PostgreSQL does for the extended protocol.
 */
public final class ParameterTypes {
    private final List<Long> types = new ArrayList<>();

    public ParameterTypes(int[] declared) {
        for (int t : declared) {
            types.add(Integer.toUnsignedLong(t));
        }
    }

    public long typeOf(int number) {
        if (number < 1) {
            throw PgException.of(SqlState.UNDEFINED_PARAMETER, "there is no parameter $%d", number);
        }
        while (types.size() < number) {
            types.add(0L);
        }
        long t = types.get(number - 1);
        return t == 0 ? TypeOids.UNKNOWN : t;
    }

    void infer(int number, long type) {
        typeOf(number);
        types.set(number - 1, type);
    }

    /** The final types; every parameter must be known by now. */
    public long[] resolved() {
        long[] out = new long[types.size()];
        for (int i = 0; i < out.length; i++) {
            long t = types.get(i);
            if (t == 0 || t == TypeOids.UNKNOWN) {
                throw PgException.of(SqlState.INDETERMINATE_DATATYPE,
                        "could not determine data type of parameter $%d", i + 1);
            }
            out[i] = t;
        }
        return out;
    }
}
