package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgNumeric;

/**
 * pg_column_size: the bytes PostgreSQL's datum of a value takes (VARSIZE_ANY of a varlena built in memory, with its
 * 4-byte header; typlen of a fixed-length type). Varlena layouts are PostgreSQL's own: numeric's short or long
 * header with base-10000 digits, jsonb's containers of JEntries with int-aligned numerics and containers.
 */
final class DatumSize {
    private static final int VARHDRSZ = 4;
    private static final long BYTEA = 17;
    private static final long NUMERIC = 1700;
    private static final long JSONB = 3802;

    private DatumSize() {}

    static Integer of(Object value, TypeEntry type) {
        if (value == null) {
            return null;
        }
        if (type.length() > 0) {
            return (int) type.length();
        }
        if (type.length() == -2) { // cstring
            return ((String) value).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        if (type.oid() == NUMERIC) {
            return VARHDRSZ + numericPayload((PgNumeric) value);
        }
        if (type.oid() == JSONB) {
            return jsonb((Jsonb) value);
        }
        if (type.oid() == BYTEA && value instanceof byte[] b) {
            return VARHDRSZ + b.length;
        }
        if (value instanceof String s) { // text, varchar, bpchar, name-like varlenas
            return VARHDRSZ + s.getBytes(StandardCharsets.UTF_8).length;
        }
        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "pg_column_size of type %s is not supported yet",
                type.name());
    }

    /** numeric's bytes after the varlena header: a 2-byte short header when weight and scale fit, else 4. */
    static int numericPayload(PgNumeric n) {
        if (!n.isFinite()) {
            return 2;
        }
        BigDecimal abs = n.value().abs().stripTrailingZeros();
        int digits = 0;
        int weight = 0;
        if (abs.signum() != 0) {
            String plain = abs.toPlainString();
            int dot = plain.indexOf('.');
            String whole = dot < 0 ? plain : plain.substring(0, dot);
            String fraction = dot < 0 ? "" : plain.substring(dot + 1);
            if (whole.equals("0")) {
                whole = "";
            }
            whole = "0".repeat((4 - whole.length() % 4) % 4) + whole;
            fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
            List<Integer> groups = new ArrayList<>();
            for (int i = 0; i < whole.length(); i += 4) {
                groups.add(Integer.parseInt(whole.substring(i, i + 4)));
            }
            for (int i = 0; i < fraction.length(); i += 4) {
                groups.add(Integer.parseInt(fraction.substring(i, i + 4)));
            }
            int first = 0;
            while (groups.get(first) == 0) {
                first++;
            }
            int last = groups.size() - 1;
            while (groups.get(last) == 0) {
                last--;
            }
            digits = last - first + 1;
            weight = whole.length() / 4 - 1 - first;
        }
        boolean shortHeader = n.displayScale() <= 63 && weight >= -64 && weight <= 63;
        return (shortHeader ? 2 : 4) + 2 * digits;
    }

    /** A jsonb datum: varlena header, then the root container (a scalar is a one-element raw-scalar array). */
    static int jsonb(Jsonb value) {
        int[] length = {VARHDRSZ};
        if (value instanceof Jsonb.Array || value instanceof Jsonb.Obj) {
            container(value, length);
        } else {
            length[0] += 4 + 4; // array header, one JEntry
            scalar(value, length);
        }
        return length[0];
    }

    private static void container(Jsonb value, int[] length) {
        length[0] = align(length[0]) + 4;
        if (value instanceof Jsonb.Array a) {
            length[0] += 4 * a.elements().size();
            for (Jsonb e : a.elements()) {
                element(e, length);
            }
            return;
        }
        List<Map.Entry<String, Jsonb>> members = new ArrayList<>(((Jsonb.Obj) value).members());
        // jsonb keeps keys shorter first, then bytewise: values are laid out in that order, after all keys
        members.sort((x, y) -> compareKeys(x.getKey(), y.getKey()));
        length[0] += 8 * members.size();
        for (Map.Entry<String, Jsonb> m : members) {
            length[0] += m.getKey().getBytes(StandardCharsets.UTF_8).length;
        }
        for (Map.Entry<String, Jsonb> m : members) {
            element(m.getValue(), length);
        }
    }

    private static void element(Jsonb e, int[] length) {
        if (e instanceof Jsonb.Array || e instanceof Jsonb.Obj) {
            container(e, length);
        } else {
            scalar(e, length);
        }
    }

    private static void scalar(Jsonb e, int[] length) {
        switch (e) {
            case Jsonb.Str s -> length[0] += s.value().getBytes(StandardCharsets.UTF_8).length;
            case Jsonb.Number n -> length[0] = align(length[0]) + VARHDRSZ + numericPayload(n.value());
            default -> { } // null, true and false live in the JEntry alone
        }
    }

    private static int compareKeys(String x, String y) {
        byte[] a = x.getBytes(StandardCharsets.UTF_8);
        byte[] b = y.getBytes(StandardCharsets.UTF_8);
        return a.length != b.length ? Integer.compare(a.length, b.length) : java.util.Arrays.compareUnsigned(a, b);
    }

    private static int align(int n) {
        return (n + 3) & ~3;
    }
}
