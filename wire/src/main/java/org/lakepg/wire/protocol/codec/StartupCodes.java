package org.lakepg.wire.protocol.codec;

/** The special "protocol versions" of untyped startup packets. */
public final class StartupCodes {
    public static final int SSL_REQUEST = 80877103;
    public static final int GSSENC_REQUEST = 80877104;
    public static final int CANCEL_REQUEST = 80877102;
    public static final int PROTOCOL_3_0 = 196608;

    private StartupCodes() {
    }
}
