package org.lakepg.wire.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.protocol.ColumnDescription;

/** Writers for the messages the server sends, one small function per message type. */
public final class BackendMessages {
    private BackendMessages() {
    }

    public static void authenticationOk(ByteBuf out) {
        authentication(out, 0);
    }

    public static void authenticationCleartextPassword(ByteBuf out) {
        authentication(out, 3);
    }

    public static void authenticationMd5Password(ByteBuf out, byte[] salt) {
        int start = begin(out, 'R');
        out.writeInt(5);
        out.writeBytes(salt);
        end(out, start);
    }

    public static void authenticationSasl(ByteBuf out, List<String> mechanisms) {
        int start = begin(out, 'R');
        out.writeInt(10);
        for (String mechanism : mechanisms) {
            string(out, mechanism);
        }
        out.writeByte(0);
        end(out, start);
    }

    public static void authenticationSaslContinue(ByteBuf out, byte[] data) {
        saslData(out, 11, data);
    }

    public static void authenticationSaslFinal(ByteBuf out, byte[] data) {
        saslData(out, 12, data);
    }

    /** newestVersion is the whole version number, e.g. 196608 for 3.0, as PostgreSQL sends it. */
    public static void negotiateProtocolVersion(ByteBuf out, int newestVersion, List<String> unrecognizedOptions) {
        int start = begin(out, 'v');
        out.writeInt(newestVersion);
        out.writeInt(unrecognizedOptions.size());
        unrecognizedOptions.forEach(option -> string(out, option));
        end(out, start);
    }

    public static void parameterStatus(ByteBuf out, String name, String value) {
        int start = begin(out, 'S');
        string(out, name);
        string(out, value);
        end(out, start);
    }

    public static void backendKeyData(ByteBuf out, int processId, int secretKey) {
        int start = begin(out, 'K');
        out.writeInt(processId);
        out.writeInt(secretKey);
        end(out, start);
    }

    public static void readyForQuery(ByteBuf out, char transactionStatus) {
        int start = begin(out, 'Z');
        out.writeByte(transactionStatus);
        end(out, start);
    }

    public static void rowDescription(ByteBuf out, List<ColumnDescription> columns) {
        int start = begin(out, 'T');
        out.writeShort(columns.size());
        for (ColumnDescription column : columns) {
            string(out, column.name());
            out.writeInt(column.tableOid());
            out.writeShort(column.columnNumber());
            out.writeInt(column.typeOid());
            out.writeShort(column.typeSize());
            out.writeInt(column.typeModifier());
            out.writeShort(column.format());
        }
        end(out, start);
    }

    public static void dataRow(ByteBuf out, byte[][] cells) {
        int start = begin(out, 'D');
        out.writeShort(cells.length);
        for (byte[] cell : cells) {
            if (cell == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(cell.length);
                out.writeBytes(cell);
            }
        }
        end(out, start);
    }

    /** FunctionCallResponse: the fast-path call's result, null for NULL. */
    public static void functionCallResponse(ByteBuf out, byte[] value) {
        int start = begin(out, 'V');
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.writeBytes(value);
        }
        end(out, start);
    }

    public static void commandComplete(ByteBuf out, String tag) {
        int start = begin(out, 'C');
        string(out, tag);
        end(out, start);
    }

    public static void emptyQueryResponse(ByteBuf out) {
        empty(out, 'I');
    }

    public static void parseComplete(ByteBuf out) {
        empty(out, '1');
    }

    public static void bindComplete(ByteBuf out) {
        empty(out, '2');
    }

    public static void closeComplete(ByteBuf out) {
        empty(out, '3');
    }

    public static void noData(ByteBuf out) {
        empty(out, 'n');
    }

    public static void portalSuspended(ByteBuf out) {
        empty(out, 's');
    }

    public static void parameterDescription(ByteBuf out, int[] typeOids) {
        int start = begin(out, 't');
        out.writeShort(typeOids.length);
        for (int oid : typeOids) {
            out.writeInt(oid);
        }
        end(out, start);
    }

    public static void copyInResponse(ByteBuf out, boolean binary, short[] columnFormats) {
        copyResponse(out, 'G', binary, columnFormats);
    }

    public static void copyOutResponse(ByteBuf out, boolean binary, short[] columnFormats) {
        copyResponse(out, 'H', binary, columnFormats);
    }

    public static void copyData(ByteBuf out, byte[] data) {
        int start = begin(out, 'd');
        out.writeBytes(data);
        end(out, start);
    }

    public static void copyDone(ByteBuf out) {
        empty(out, 'c');
    }

    /** ErrorResponse ('E') or NoticeResponse ('N') with the fields S, V, C, M, D, H, P, W. */
    public static void errorOrNotice(ByteBuf out, char type, PgException e, PgException.Severity severity) {
        int start = begin(out, type);
        field(out, 'S', severity.name());
        field(out, 'V', severity.name());
        field(out, 'C', e.sqlState().code());
        field(out, 'M', e.getMessage());
        if (e.detail() != null) {
            field(out, 'D', e.detail());
        }
        if (e.hint() != null) {
            field(out, 'H', e.hint());
        }
        if (e.position() > 0) {
            field(out, 'P', Integer.toString(e.position()));
        }
        if (e.context() != null) {
            field(out, 'W', e.context());
        }
        out.writeByte(0);
        end(out, start);
    }

    /** The protocol-2 error a pre-3.0 client can read: 'E' and "FATAL:  message\n". */
    public static void legacyFatal(ByteBuf out, String message) {
        out.writeByte('E');
        string(out, "FATAL:  " + message + "\n");
    }

    private static void authentication(ByteBuf out, int code) {
        int start = begin(out, 'R');
        out.writeInt(code);
        end(out, start);
    }

    private static void saslData(ByteBuf out, int code, byte[] data) {
        int start = begin(out, 'R');
        out.writeInt(code);
        out.writeBytes(data);
        end(out, start);
    }

    private static void copyResponse(ByteBuf out, char type, boolean binary, short[] columnFormats) {
        int start = begin(out, type);
        out.writeByte(binary ? 1 : 0);
        out.writeShort(columnFormats.length);
        for (short format : columnFormats) {
            out.writeShort(format);
        }
        end(out, start);
    }

    private static void empty(ByteBuf out, char type) {
        out.writeByte(type);
        out.writeInt(4);
    }

    private static void field(ByteBuf out, char code, String value) {
        out.writeByte(code);
        string(out, value);
    }

    private static void string(ByteBuf out, String value) {
        out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.writeByte(0);
    }

    /** Writes the type byte and a length placeholder; returns where the length goes. */
    private static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        return lengthAt;
    }

    private static void end(ByteBuf out, int lengthAt) {
        out.setInt(lengthAt, out.writerIndex() - lengthAt);
    }
}
