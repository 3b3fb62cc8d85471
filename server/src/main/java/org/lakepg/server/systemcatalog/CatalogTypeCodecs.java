package org.lakepg.server.systemcatalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.OidType;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgType;

/**
 * Codecs for the types only the catalog uses, which the wire module does not know: the reg*
 * types (an OID; their names are printed by {@link RegTypes}, which needs the catalog), and
 * text-like ones (pg_node_tree, aclitem, inet as the catalog shows it) with their arrays.
 */
public final class CatalogTypeCodecs {
    private CatalogTypeCodecs() {}

    private static final Map<Integer, PgType<?>> BY_OID = new HashMap<>();

    /** reg* type OID, its name, its array type's OID. */
    private static final Object[][] REG_TYPES = {
            {24, "regproc", 1008}, {2202, "regprocedure", 2207}, {2203, "regoper", 2208},
            {2204, "regoperator", 2209}, {2205, "regclass", 2210}, {2206, "regtype", 2211},
            {4096, "regrole", 4097}, {4089, "regnamespace", 4090}, {3734, "regconfig", 3735},
            {3769, "regdictionary", 3770}, {4191, "regcollation", 4192}};

    private static final Object[][] TEXT_TYPES = {
            {194, "pg_node_tree", 0}, {1033, "aclitem", 1034}, {869, "inet", 1041}, {650, "cidr", 651},
            {3361, "pg_ndistinct", 0}, {3402, "pg_dependencies", 0}, {5017, "pg_mcv_list", 0},
            {3614, "tsvector", 3643}, {3615, "tsquery", 3645}};

    static {
        for (Object[] r : REG_TYPES) {
            PgType<Long> t = new RegOid((Integer) r[0], (String) r[1], (Integer) r[2]);
            BY_OID.put(t.oid(), t);
            BY_OID.put(t.arrayOid(), new SimpleArray(t.arrayOid(), t));
        }
        BY_OID.put(AnyArray.OID, new AnyArray());
        for (Object[] r : TEXT_TYPES) {
            PgType<String> t = new TextLike((Integer) r[0], (String) r[1], (Integer) r[2]);
            BY_OID.put(t.oid(), t);
            if (t.arrayOid() != 0) {
                BY_OID.put(t.arrayOid(), new SimpleArray(t.arrayOid(), t));
            }
        }
    }

    /** null when the type is not one of these. */
    public static PgType<?> byOid(long oid) {
        return BY_OID.get((int) oid);
    }

    public static boolean isRegType(long oid) {
        for (Object[] r : REG_TYPES) {
            if (((Integer) r[0]).longValue() == oid) {
                return true;
            }
        }
        return false;
    }

    /** A reg* value without the catalog: its OID as a number (what binary I/O carries). */
    record RegOid(int oid, String name, int arrayOid) implements PgType<Long> {
        @Override
        public short typeLength() {
            return 4;
        }

        @Override
        public Class<Long> valueClass() {
            return Long.class;
        }

        @Override
        public Long parseText(String text, FormatSettings settings) {
            return OidType.INSTANCE.parseText(text, settings);
        }

        @Override
        public String formatText(Long value, FormatSettings settings) {
            return Long.toString(value & 0xFFFFFFFFL);
        }

        @Override
        public Long decodeBinary(byte[] bytes) {
            return OidType.INSTANCE.decodeBinary(bytes);
        }

        @Override
        public byte[] encodeBinary(Long value) {
            return ByteBuffer.allocate(4).putInt((int) (long) value).array();
        }
    }

    /**
     * anyarray, the type of pg_statistic's and pg_stats' value columns: each value is an array of its column's type
     * (a {@link PgArray}, printed and sent by that array type's codec); PostgreSQL accepts no anyarray input.
     */
    record AnyArray() implements PgType<Object> {
        static final int OID = 2277;

        @Override
        public int oid() {
            return OID;
        }

        @Override
        public int arrayOid() {
            return 0;
        }

        @Override
        public String name() {
            return "anyarray";
        }

        @Override
        public short typeLength() {
            return -1;
        }

        @Override
        public Class<Object> valueClass() {
            return Object.class;
        }

        @Override
        public Object parseText(String text, FormatSettings settings) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot accept a value of type anyarray");
        }

        @Override
        public String formatText(Object value, FormatSettings settings) {
            return value instanceof PgArray a ? arrayCodec(a).formatTextUnchecked(a, settings) : String.valueOf(value);
        }

        @Override
        public Object decodeBinary(byte[] bytes) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot accept a value of type anyarray");
        }

        @Override
        public byte[] encodeBinary(Object value) {
            return value instanceof PgArray a ? arrayCodec(a).encodeBinaryUnchecked(a)
                    : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        }

        private static PgType<?> arrayCodec(PgArray a) {
            PgType<?> element = org.lakepg.server.exec.expr.WireTypeIO.codec(a.elementOid());
            return org.lakepg.server.exec.expr.WireTypeIO.codec(element.arrayOid());
        }
    }

    /** A type whose value is its text. */
    record TextLike(int oid, String name, int arrayOid) implements PgType<String> {
        @Override
        public short typeLength() {
            return -1;
        }

        @Override
        public Class<String> valueClass() {
            return String.class;
        }

        @Override
        public String parseText(String text, FormatSettings settings) {
            return text;
        }

        @Override
        public String formatText(String value, FormatSettings settings) {
            return value;
        }

        @Override
        public String decodeBinary(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] encodeBinary(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One-dimensional arrays of these types in PostgreSQL's array text form. */
    record SimpleArray(int oid, PgType<?> element) implements PgType<PgArray> {
        @Override
        public int arrayOid() {
            return 0;
        }

        @Override
        public String name() {
            return "_" + element.name();
        }

        @Override
        public short typeLength() {
            return -1;
        }

        @Override
        public Class<PgArray> valueClass() {
            return PgArray.class;
        }

        @Override
        public PgArray parseText(String text, FormatSettings settings) {
            String t = text.trim();
            if (!t.startsWith("{") || !t.endsWith("}")) {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"%s\"", text)
                        .withDetail("Array value must start with \"{\" or dimension information.");
            }
            List<Object> out = new ArrayList<>();
            String body = t.substring(1, t.length() - 1);
            int i = 0;
            while (i < body.length()) {
                StringBuilder item = new StringBuilder();
                boolean quoted = false;
                if (body.charAt(i) == '"') {
                    quoted = true;
                    i++;
                    while (i < body.length() && body.charAt(i) != '"') {
                        if (body.charAt(i) == '\\' && i + 1 < body.length()) {
                            i++;
                        }
                        item.append(body.charAt(i++));
                    }
                    i++;
                } else {
                    while (i < body.length() && body.charAt(i) != ',') {
                        item.append(body.charAt(i++));
                    }
                }
                String s = quoted ? item.toString() : item.toString().trim();
                out.add(!quoted && s.equalsIgnoreCase("NULL") ? null : element.parseText(s, settings));
                while (i < body.length() && body.charAt(i) != ',') {
                    i++;
                }
                i++;
            }
            return PgArray.of(element.oid(), out.toArray());
        }

        @Override
        public String formatText(PgArray value, FormatSettings settings) {
            StringBuilder out = new StringBuilder("{");
            for (Object e : value.elements()) {
                if (out.length() > 1) {
                    out.append(',');
                }
                if (e == null) {
                    out.append("NULL");
                    continue;
                }
                String s = element.formatTextUnchecked(e, settings);
                boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL");
                for (int i = 0; i < s.length() && !quote; i++) {
                    char c = s.charAt(i);
                    quote = c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c);
                }
                out.append(quote ? '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : s);
            }
            return out.append('}').toString();
        }

        @Override
        public PgArray decodeBinary(byte[] bytes) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "binary input of %s is not supported yet", name());
        }

        @Override
        public byte[] encodeBinary(PgArray value) {
            ByteBuffer header = ByteBuffer.allocate(20);
            List<byte[]> items = new ArrayList<>();
            int size = value.dims().length == 0 ? 12 : 20;
            for (Object e : value.elements()) {
                byte[] b = e == null ? null : ((PgType<Object>) (PgType<?>) element).encodeBinary(e);
                items.add(b);
                size += 4 + (b == null ? 0 : b.length);
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            out.putInt(value.dims().length).putInt(value.hasNulls() ? 1 : 0).putInt(element.oid());
            if (value.dims().length > 0) {
                out.putInt(value.dims()[0]).putInt(value.lowerBounds()[0]);
            }
            for (byte[] b : items) {
                if (b == null) {
                    out.putInt(-1);
                } else {
                    out.putInt(b.length).put(b);
                }
            }
            header.clear();
            return out.array();
        }
    }
}
