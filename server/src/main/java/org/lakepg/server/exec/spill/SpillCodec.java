package org.lakepg.server.exec.spill;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgNumeric;

/**
 * Writes rows of a spill file compactly: a tag byte per value then its bytes. Plan nodes carry no column types,
 * so values are tagged by their Java class; values of classes without a compact form (arrays, records, geometric
 * types...) stay on the heap and the file holds their index in {@link #kept} — correct always, just not spilled.
 */
final class SpillCodec {
    private static final byte NULL = 0;
    private static final byte TRUE = 1;
    private static final byte FALSE = 2;
    private static final byte SHORT = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte FLOAT = 6;
    private static final byte DOUBLE = 7;
    private static final byte STRING = 8;
    private static final byte BYTES = 9;
    private static final byte NUMERIC = 10;
    private static final byte DECIMAL = 11;
    private static final byte INTERVAL = 12;
    private static final byte UUID_VALUE = 13;
    private static final byte BYTE = 14;
    private static final byte KEPT = 15;

    /** Values written by reference: the file's rows point into this list. */
    private final List<Object> kept = new ArrayList<>();

    /** Writes one row; returns the number of bytes written. */
    int write(DataOutputStream out, Object[] row) throws IOException {
        int before = out.size();
        writeVarInt(out, row.length);
        for (Object value : row) {
            writeValue(out, value);
        }
        return out.size() - before;
    }

    Object[] read(DataInputStream in) throws IOException {
        Object[] row = new Object[readVarInt(in)];
        for (int i = 0; i < row.length; i++) {
            row[i] = readValue(in);
        }
        return row;
    }

    private void writeValue(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeByte(NULL);
            case Boolean b -> out.writeByte(b ? TRUE : FALSE);
            case Byte b -> {
                out.writeByte(BYTE);
                out.writeByte(b);
            }
            case Short s -> {
                out.writeByte(SHORT);
                out.writeShort(s);
            }
            case Integer i -> {
                out.writeByte(INT);
                out.writeInt(i);
            }
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case Float f -> {
                out.writeByte(FLOAT);
                out.writeFloat(f);
            }
            case Double d -> {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            }
            case String s -> {
                out.writeByte(STRING);
                writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
            }
            case byte[] b -> {
                out.writeByte(BYTES);
                writeBytes(out, b);
            }
            case PgNumeric n -> {
                out.writeByte(NUMERIC);
                out.writeByte(n.kind().ordinal());
                writeDecimal(out, n.value());
            }
            case BigDecimal d -> {
                out.writeByte(DECIMAL);
                writeDecimal(out, d);
            }
            case PgInterval iv -> {
                out.writeByte(INTERVAL);
                out.writeInt(iv.months());
                out.writeInt(iv.days());
                out.writeLong(iv.micros());
            }
            case UUID u -> {
                out.writeByte(UUID_VALUE);
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            }
            default -> {
                out.writeByte(KEPT);
                writeVarInt(out, kept.size());
                kept.add(value);
            }
        }
    }

    private Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case BYTE -> in.readByte();
            case SHORT -> in.readShort();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
            case BYTES -> readBytes(in);
            case NUMERIC -> {
                PgNumeric.Kind kind = PgNumeric.Kind.values()[in.readByte()];
                yield new PgNumeric(kind, readDecimal(in));
            }
            case DECIMAL -> readDecimal(in);
            case INTERVAL -> new PgInterval(in.readInt(), in.readInt(), in.readLong());
            case UUID_VALUE -> new UUID(in.readLong(), in.readLong());
            case KEPT -> kept.get(readVarInt(in));
            default -> throw new IOException("corrupt spill file: value tag " + tag);
        };
    }

    private static void writeDecimal(DataOutputStream out, BigDecimal d) throws IOException {
        if (d == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        writeVarInt(out, d.scale() ^ (d.scale() >> 31)); // zig-zag: scales can be negative
        out.writeBoolean(d.scale() < 0);
        writeBytes(out, d.unscaledValue().toByteArray());
    }

    private static BigDecimal readDecimal(DataInputStream in) throws IOException {
        if (in.readByte() == 0) {
            return null;
        }
        int folded = readVarInt(in);
        int scale = in.readBoolean() ? ~folded : folded;
        return new BigDecimal(new BigInteger(readBytes(in)), scale);
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        writeVarInt(out, b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[readVarInt(in)];
        in.readFully(b);
        return b;
    }

    private static void writeVarInt(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
