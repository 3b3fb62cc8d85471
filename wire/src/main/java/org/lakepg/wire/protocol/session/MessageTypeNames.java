package org.lakepg.wire.protocol.session;

import org.lakepg.wire.protocol.codec.FrontendMessage;

/** The type byte a frontend message arrived with, for error messages. */
final class MessageTypeNames {
    private MessageTypeNames() {
    }

    static int typeByte(FrontendMessage message) {
        return switch (message) {
            case FrontendMessage.Query q -> 'Q';
            case FrontendMessage.Parse p -> 'P';
            case FrontendMessage.Bind b -> 'B';
            case FrontendMessage.Describe d -> 'D';
            case FrontendMessage.Execute e -> 'E';
            case FrontendMessage.Close c -> 'C';
            case FrontendMessage.Sync s -> 'S';
            case FrontendMessage.Flush f -> 'H';
            case FrontendMessage.Terminate t -> 'X';
            case FrontendMessage.FunctionCall f -> 'F';
            case FrontendMessage.CopyData d -> 'd';
            case FrontendMessage.CopyDone d -> 'c';
            case FrontendMessage.CopyFail f -> 'f';
            case FrontendMessage.Malformed m -> m.type() & 0xFF;
            case FrontendMessage.AuthenticationResponse a -> a.type() & 0xFF;
            case FrontendMessage.Startup s -> 0;
            case FrontendMessage.SslRequest s -> 0;
            case FrontendMessage.GssEncRequest g -> 0;
            case FrontendMessage.CancelRequest c -> 0;
            case FrontendMessage.Fatal f -> 0;
        };
    }
}
