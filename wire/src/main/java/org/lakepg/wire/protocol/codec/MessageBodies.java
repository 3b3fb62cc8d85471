package org.lakepg.wire.protocol.codec;

import java.util.ArrayList;
import java.util.List;

/** Turns the body of one typed message into its {@link FrontendMessage} record. */
final class MessageBodies {
    private MessageBodies() {
    }

    static FrontendMessage read(byte type, MessageReader r) {
        FrontendMessage message = switch (type) {
            case 'Q' -> new FrontendMessage.Query(r.readString());
            case 'P' -> readParse(r);
            case 'B' -> readBind(r);
            case 'D' -> new FrontendMessage.Describe(r.readByte(), r.readString());
            case 'E' -> new FrontendMessage.Execute(r.readString(), r.readInt());
            case 'C' -> new FrontendMessage.Close(r.readByte(), r.readString());
            case 'S' -> new FrontendMessage.Sync();
            case 'H' -> new FrontendMessage.Flush();
            case 'X' -> {
                r.readRemaining(); // PostgreSQL does not look at Terminate's body
                yield new FrontendMessage.Terminate();
            }
            case 'F' -> readFunctionCall(r);
            case 'd' -> new FrontendMessage.CopyData(r.readRemaining());
            case 'c' -> {
                r.readRemaining();
                yield new FrontendMessage.CopyDone();
            }
            case 'f' -> new FrontendMessage.CopyFail(r.readString());
            default -> throw new IllegalArgumentException("unexpected message type " + type);
        };
        r.end();
        return message;
    }

    private static FrontendMessage readParse(MessageReader r) {
        String name = r.readString();
        String sql = r.readString();
        int count = r.readShort() & 0xFFFF;
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            oids[i] = r.readInt();
        }
        return new FrontendMessage.Parse(name, sql, oids);
    }

    private static FrontendMessage readBind(MessageReader r) {
        String portal = r.readString();
        String statement = r.readString();
        short[] parameterFormats = readFormats(r);
        int count = r.readShort() & 0xFFFF;
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = r.readInt();
            values.add(length == -1 ? null : r.readBytes(length));
        }
        short[] resultFormats = readFormats(r);
        return new FrontendMessage.Bind(portal, statement, parameterFormats, values, resultFormats);
    }

    private static FrontendMessage readFunctionCall(MessageReader r) {
        int oid = r.readInt();
        short[] formats = readFormats(r);
        int count = r.readShort() & 0xFFFF;
        List<byte[]> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = r.readInt();
            arguments.add(length == -1 ? null : r.readBytes(length));
        }
        return new FrontendMessage.FunctionCall(oid, formats, arguments, r.readShort());
    }

    private static short[] readFormats(MessageReader r) {
        int count = r.readShort() & 0xFFFF;
        short[] formats = new short[count];
        for (int i = 0; i < count; i++) {
            formats[i] = r.readShort();
        }
        return formats;
    }
}
