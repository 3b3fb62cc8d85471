package org.lakepg.server.index.gin;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.table.IndexKeys;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgNumeric;
import org.lakepg.wire.types.PgTsVector;

/**
 * PostgreSQL's GIN operator classes lakepg has (jsonb_ops, jsonb_path_ops, array_ops, tsvector_ops): what entries (keys) an indexed value is filed under
 * (extractValue) and which entries a query operator's argument asks for (extractQuery). The entries only have to
 * find a superset of the matching rows: the heap scan checks the operator on each row again (GIN's recheck).
 */
public enum GinOpclass {
    /** jsonb's default: object keys and string array elements as keys, every other scalar as a value. */
    JSONB_OPS("jsonb_ops", 10090, List.of("@>", "?", "?|", "?&", "@?", "@@")),
    /** One hash per scalar of the path of object keys leading to it (arrays are transparent) and its value. */
    JSONB_PATH_OPS("jsonb_path_ops", 10091, List.of("@>", "@?", "@@")),
    /** Each distinct non-null element of an array. */
    ARRAY_OPS("array_ops", 10064, List.of("&&", "@>", "<@", "=")),
    /** Each lexeme of a tsvector. */
    TSVECTOR_OPS("tsvector_ops", 10073, List.of("@@", "@@@"));

    static final long TSVECTOR = 3614;
    static final long TSQUERY = 3615;

    /** Entries longer than this are filed under a hash of their bytes (PostgreSQL's JGIN_MAXLENGTH idea). */
    private static final int MAX_ENTRY = 200;

    private final String opcname;
    private final long oid;
    private final List<String> operators;

    GinOpclass(String opcname, long oid, List<String> operators) {
        this.opcname = opcname;
        this.oid = oid;
        this.operators = operators;
    }

    public String opcname() {
        return opcname;
    }

    /** The pg_opclass oid. */
    public long oid() {
        return oid;
    }

    public boolean isDefault() {
        return this != JSONB_PATH_OPS;
    }

    /** Whether the opclass answers {@code column op value} with the column on the left. */
    public boolean supports(String operator) {
        return operators.contains(operator);
    }

    /** The opclass named (or the type's default, for a null name) for a key of {@code type}, or null if none fits. */
    public static GinOpclass of(String name, long type, boolean array) {
        if (name == null) {
            return type == TypeOids.JSONB ? JSONB_OPS : type == TSVECTOR ? TSVECTOR_OPS : array ? ARRAY_OPS : null;
        }
        for (GinOpclass c : values()) {
            if (c.opcname.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Whether an opclass name exists for GIN at all (else PostgreSQL says it does not exist for the method). */
    public static boolean known(String name) {
        for (GinOpclass c : values()) {
            if (c.opcname.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The type an opclass indexes (its opcintype), by which a key's type is checked. */
    public boolean accepts(long type, boolean array) {
        return switch (this) {
            case ARRAY_OPS -> array;
            case TSVECTOR_OPS -> type == TSVECTOR;
            default -> type == TypeOids.JSONB;
        };
    }

    /** The entries a non-null value is filed under (empty for an empty array or object). */
    public List<byte[]> entries(Object value) {
        List<byte[]> out = new ArrayList<>();
        switch (this) {
            case JSONB_OPS -> jsonbOps((Jsonb) value, false, out);
            case JSONB_PATH_OPS -> pathOps((Jsonb) value, new ArrayList<>(), out);
            case TSVECTOR_OPS -> {
                for (PgTsVector.Lexeme lexeme : ((PgTsVector) value).lexemes()) {
                    out.add(entry('L', lexeme.word()));
                }
            }
            case ARRAY_OPS -> {
                for (Object e : ((PgArray) value).elements()) {
                    if (e != null) {
                        out.add(element(((PgArray) value).elementOid(), e));
                    }
                }
            }
        }
        return out;
    }

    /** What {@code column op value} asks of the index (value not null; the operator one of {@link #supports}). */
    public GinQuery query(String operator, Object value) {
        return switch (operator) {
            // containment: every entry of the query must be there; with none, every row qualifies
            case "@>" -> GinQuery.all(entries(value));
            case "?" -> GinQuery.all(List.of(entry('K', (String) value)));
            case "?|" -> GinQuery.any(keys(value), false);
            case "?&" -> GinQuery.all(keys(value));
            // jsonpath and tsquery: rechecked on every row of the index
            case "@?", "@@", "@@@" -> GinQuery.all(List.of());
            case "&&" -> GinQuery.any(entries(value), false);
            // contained in: a row with any of the elements, or without elements at all
            case "<@" -> GinQuery.any(entries(value), true);
            case "=" -> {
                List<byte[]> elements = entries(value);
                yield elements.isEmpty() ? GinQuery.any(List.of(), true) : GinQuery.all(elements);
            }
            default -> throw new IllegalArgumentException("operator " + operator + " is not in " + opcname);
        };
    }

    private static List<byte[]> keys(Object array) {
        List<byte[]> out = new ArrayList<>();
        Object[] elements = array instanceof PgArray a ? a.elements() : (Object[]) array;
        for (Object e : elements) {
            if (e != null) {
                out.add(entry('K', (String) e));
            }
        }
        return out;
    }

    /** jsonb_ops: keys and string elements flagged 'K' (what ? finds), other scalars by their type. */
    private static void jsonbOps(Jsonb value, boolean member, List<byte[]> out) {
        switch (value) {
            case Jsonb.Obj o -> {
                for (Map.Entry<String, Jsonb> m : o.members()) {
                    out.add(entry('K', m.getKey()));
                    jsonbOps(m.getValue(), true, out);
                }
            }
            case Jsonb.Array a -> {
                for (Jsonb e : a.elements()) {
                    jsonbOps(e, false, out);
                }
            }
            case Jsonb.Str s -> out.add(entry(member ? 'V' : 'K', s.value()));
            default -> out.add(entry('S', scalar(value)));
        }
    }

    /** jsonb_path_ops: each scalar under the object keys leading to it. */
    private static void pathOps(Jsonb value, List<String> path, List<byte[]> out) {
        switch (value) {
            case Jsonb.Obj o -> {
                for (Map.Entry<String, Jsonb> m : o.members()) {
                    path.add(m.getKey());
                    pathOps(m.getValue(), path, out);
                    path.remove(path.size() - 1);
                }
            }
            case Jsonb.Array a -> {
                for (Jsonb e : a.elements()) {
                    pathOps(e, path, out);
                }
            }
            default -> {
                StringBuilder text = new StringBuilder();
                for (String key : path) {
                    text.append(key.length()).append(':').append(key);
                }
                text.append(scalar(value));
                out.add(hashed('P', text.toString().getBytes(StandardCharsets.UTF_8), true));
            }
        }
    }

    /** A scalar's text, equal for equal jsonb values (numbers compare by value: 1.0 = 1). */
    private static String scalar(Jsonb value) {
        return switch (value) {
            case Jsonb.Null n -> "z";
            case Jsonb.Bool b -> b.value() ? "t" : "f";
            case Jsonb.Number n -> "n" + number(n.value());
            case Jsonb.Str s -> "s" + s.value();
            default -> throw new IllegalArgumentException("not a scalar: " + value);
        };
    }

    private static String number(PgNumeric n) {
        if (!n.isFinite()) {
            return n.toString();
        }
        BigDecimal v = n.value().stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }

    /** An array element's entry: its B-tree key where it has one, else its normalized text. */
    private static byte[] element(int elementType, Object value) {
        if (value instanceof PgNumeric n) {
            return entry('N', number(n));
        }
        if (value instanceof Jsonb j) {
            return entry('J', j.toString());
        }
        try {
            return hashed('E', IndexKeys.ofValue(elementType, value), false);
        } catch (PgException e) {
            return entry('T', String.valueOf(value));
        }
    }

    private static byte[] entry(char flag, String text) {
        return hashed(flag, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** flag + bytes, or (always when {@code hash}) flag | 0x80 + a 64-bit hash of them when they are long. */
    private static byte[] hashed(char flag, byte[] bytes, boolean hash) {
        if (!hash && bytes.length <= MAX_ENTRY) {
            byte[] out = new byte[bytes.length + 1];
            out[0] = (byte) flag;
            System.arraycopy(bytes, 0, out, 1, bytes.length);
            return out;
        }
        long h = 0xcbf29ce484222325L; // FNV-1a
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        byte[] out = new byte[9];
        out[0] = (byte) (flag | 0x80);
        for (int i = 0; i < 8; i++) {
            out[1 + i] = (byte) (h >>> (56 - 8 * i));
        }
        return out;
    }
}
