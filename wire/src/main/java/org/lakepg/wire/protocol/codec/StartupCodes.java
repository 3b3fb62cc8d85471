package org.lakepg.wire.protocol.codec;

/** The special "protocol versions" of untyped startup packets. */
public final class StartupCodes {
    public static final int SSL_REQUEST = 80877103;
    public static final int GSSENC_REQUEST = 80877104;
    public static final int CANCEL_REQUEST = 80877102;
    public static final int PROTOCOL_3_0 = 196608;

    private StartupCodes() {
    }

    /**
     * Startup parameter by which lakepg's serverless proxy tells its compute where the client really connects from
     * ("address port"): host-based authentication and pg_stat_activity then see the client, not the proxy. Honoured
     * only from a loopback peer (the proxy runs beside its computes; a loopback client is trusted anyway by the
     * default rules), never passed on as a setting.
     */
    public static final String PROXIED_CLIENT = "lakepg_proxy.client_addr";
}
