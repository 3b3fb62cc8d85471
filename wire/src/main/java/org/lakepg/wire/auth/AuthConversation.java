package org.lakepg.wire.auth;

import java.util.List;

/** The messages of an authentication exchange, as seen from the authenticator. */
public interface AuthConversation {
    /** The tls-server-end-point hash of the server certificate when the connection uses TLS, else null. */
    byte[] tlsServerEndPoint();

    void requestCleartextPassword();

    void requestMd5Password(byte[] salt);

    void requestSasl(List<String> mechanisms);

    void saslContinue(byte[] data);

    void saslFinal(byte[] data);

    /**
     * The body of the client's next 'p' message. Throws a FATAL 08P01 naming {@code expected} when
     * another message type arrives, and a FATAL 08006 when the connection is gone.
     */
    byte[] receive(String expected);
}
