package org.lakepg.wire.protocol.codec;

import java.util.List;
import java.util.Map;
import org.lakepg.wire.error.PgException;

/** Every message a client can send, decoded from its frame by {@link FrontendDecoder}. */
public sealed interface FrontendMessage {

    // ---- untyped packets of the startup phase

    /** A StartupMessage: protocol version and the name/value parameters, in order. */
    record Startup(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
        public int major() {
            return protocolVersion >>> 16;
        }

        public int minor() {
            return protocolVersion & 0xFFFF;
        }
    }

    record SslRequest() implements FrontendMessage {
    }

    record GssEncRequest() implements FrontendMessage {
    }

    record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    }

    // ---- typed messages

    /**
     * Any typed message before authentication ended; 'p' (password, SASLInitialResponse,
     * SASLResponse) is the only one expected, its meaning depends on the authentication state.
     */
    record AuthenticationResponse(byte type, byte[] body) implements FrontendMessage {
    }

    record Query(String sql) implements FrontendMessage {
    }

    record Parse(String statementName, String sql, int[] parameterTypeOids) implements FrontendMessage {
    }

    record Bind(String portalName, String statementName, short[] parameterFormats, List<byte[]> parameterValues,
                short[] resultFormats) implements FrontendMessage {
    }

    /** kind is 'S' (statement) or 'P' (portal). */
    record Describe(byte kind, String name) implements FrontendMessage {
    }

    record Execute(String portalName, int maxRows) implements FrontendMessage {
    }

    /** kind is 'S' (statement) or 'P' (portal). */
    record Close(byte kind, String name) implements FrontendMessage {
    }

    record Sync() implements FrontendMessage {
    }

    record Flush() implements FrontendMessage {
    }

    record Terminate() implements FrontendMessage {
    }

    /** The fast-path FunctionCall message: a function by OID, its arguments (null = SQL NULL), the result format. */
    record FunctionCall(int functionOid, short[] argumentFormats, List<byte[]> arguments, short resultFormat)
            implements FrontendMessage {
    }

    record CopyData(byte[] data) implements FrontendMessage {
    }

    record CopyDone() implements FrontendMessage {
    }

    record CopyFail(String message) implements FrontendMessage {
    }

    // ---- what went wrong while decoding

    /** A well-framed message whose body could not be read (an ERROR: the connection lives on). */
    record Malformed(byte type, PgException error) implements FrontendMessage {
    }

    /**
     * The stream cannot be read any further (bad type or length, bad startup packet). The error is
     * sent as FATAL when not null (PostgreSQL closes silently for some cases), then the connection closes.
     */
    record Fatal(PgException error, boolean legacyProtocolFormat) implements FrontendMessage {
    }
}
