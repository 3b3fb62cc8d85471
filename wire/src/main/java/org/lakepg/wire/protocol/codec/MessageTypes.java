package org.lakepg.wire.protocol.codec;

/** Which typed messages a client may send after authentication, and how long each may be. */
final class MessageTypes {
    private MessageTypes() {
    }

    /** The size limit for a message type, or -1 for a type PostgreSQL rejects as invalid. */
    static int sizeLimit(byte type, int largeLimit) {
        return switch (type) {
            case 'Q', 'F', 'B', 'P', 'd' -> largeLimit;
            case 'X', 'C', 'D', 'E', 'H', 'S', 'c', 'f' -> FrontendDecoder.SMALL_MESSAGE_LIMIT;
            default -> -1;
        };
    }
}
