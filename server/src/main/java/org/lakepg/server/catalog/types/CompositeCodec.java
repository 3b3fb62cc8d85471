package org.lakepg.server.catalog.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;

/**
 * record_in/record_out/record_recv/record_send: "(1,"a b",)" in text; a field count, then each field's type OID
 * and length-prefixed value in binary. {@code type} is the composite type, or record (2249) for anonymous rows.
 */
public record CompositeCodec(long type) implements PgType<RowValue> {
    public static final long RECORD = 2249;

    @Override
    public int oid() {
        return (int) type;
    }

    @Override
    public int arrayOid() {
        return type == RECORD ? 2287 : (int) UserTypeRegistry.find(type).arrayOid();
    }

    @Override
    public String name() {
        return type == RECORD ? "record" : UserTypeRegistry.find(type).name();
    }

    @Override
    public short typeLength() {
        return -1;
    }

    @Override
    public Class<RowValue> valueClass() {
        return RowValue.class;
    }

    private long[] fieldTypes() {
        if (UserTypeRegistry.find(type) instanceof UserType.Composite c) {
            return c.attributes().stream().mapToLong(UserType.Attribute::type).toArray();
        }
        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "input of anonymous composite types is not implemented");
    }

    @Override
    public RowValue parseText(String text, FormatSettings settings) {
        long[] types = fieldTypes();
        int at = 0;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at >= text.length() || text.charAt(at) != '(') {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed record literal: \"%s\"", text)
                    .withDetail("Missing left parenthesis.");
        }
        at++;
        List<String> fields = new ArrayList<>();
        boolean closed = false;
        while (at <= text.length()) {
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '"') {
                    quoted = true;
                    any = true;
                    at++;
                    while (at < text.length()) {
                        char q = text.charAt(at);
                        if (q == '"' && at + 1 < text.length() && text.charAt(at + 1) == '"') {
                            field.append('"');
                            at += 2;
                        } else if (q == '"') {
                            at++;
                            break;
                        } else if (q == '\\' && at + 1 < text.length()) {
                            field.append(text.charAt(at + 1));
                            at += 2;
                        } else {
                            field.append(q);
                            at++;
                        }
                    }
                    continue;
                }
                if (c == ',' || c == ')') {
                    break;
                }
                if (c == '\\' && at + 1 < text.length()) {
                    field.append(text.charAt(at + 1));
                    at += 2;
                } else {
                    field.append(c);
                    at++;
                }
                any = true;
            }
            if (at >= text.length()) {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed record literal: \"%s\"", text)
                        .withDetail("Unexpected end of input.");
            }
            fields.add(any || quoted ? field.toString() : null);
            char c = text.charAt(at++);
            if (c == ')') {
                closed = true;
                break;
            }
        }
        if (!closed) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed record literal: \"%s\"", text)
                    .withDetail("Unexpected end of input.");
        }
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at < text.length()) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed record literal: \"%s\"", text)
                    .withDetail("Junk after right parenthesis.");
        }
        if (fields.size() < types.length) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed record literal: \"%s\"", text)
                    .withDetail("Too few columns.");
        }
        if (fields.size() > types.length) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed record literal: \"%s\"", text)
                    .withDetail("Too many columns.");
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields.get(i) == null ? null : WireTypeIO.codec(types[i]).parseText(fields.get(i), settings);
        }
        return new RowValue(type, types, values);
    }

    @Override
    public String formatText(RowValue value, FormatSettings settings) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < value.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = value.values()[i];
            if (v == null) {
                continue;
            }
            String text = WireTypeIO.codec(value.fieldTypes()[i]).formatTextUnchecked(v, settings);
            boolean quote = text.isEmpty();
            for (int k = 0; k < text.length() && !quote; k++) {
                char c = text.charAt(k);
                quote = c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || Character.isWhitespace(c);
            }
            if (!quote) {
                out.append(text);
                continue;
            }
            out.append('"');
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '"' || c == '\\') {
                    out.append(c);
                }
                out.append(c);
            }
            out.append('"');
        }
        return out.append(')').toString();
    }

    @Override
    public RowValue decodeBinary(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int n = in.getInt();
        long[] types = new long[n];
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            types[i] = in.getInt() & 0xFFFFFFFFL;
            int length = in.getInt();
            if (length >= 0) {
                byte[] cell = new byte[length];
                in.get(cell);
                values[i] = WireTypeIO.codec(types[i]).decodeBinary(cell);
            }
        }
        return new RowValue(type, types, values);
    }

    @Override
    public byte[] encodeBinary(RowValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.size()).array());
        for (int i = 0; i < value.size(); i++) {
            long t = value.fieldTypes()[i];
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) t).array());
            Object v = value.values()[i];
            if (v == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] cell = WireTypeIO.codec(t).encodeBinaryUnchecked(v);
                out.writeBytes(ByteBuffer.allocate(4).putInt(cell.length).array());
                out.writeBytes(cell);
            }
        }
        return out.toByteArray();
    }
}
