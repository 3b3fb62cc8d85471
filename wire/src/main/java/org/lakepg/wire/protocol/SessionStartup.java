package org.lakepg.wire.protocol;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * What a client asked for in its startup packet.
 *
 * @param parameters all startup parameters except user, database and options; settings given in
 *                   {@code options} as "-c name=value" or "--name=value" are added as name -> value
 * @param localAddress  where the client connected to (inet_server_addr/port); null when not a socket
 */
public record SessionStartup(String user, String database, Map<String, String> parameters,
                             InetSocketAddress remoteAddress, int processId, InetSocketAddress localAddress) {
    public SessionStartup {
        if (user == null || database == null) {
            throw new IllegalArgumentException("user and database are required");
        }
        parameters = Map.copyOf(parameters);
    }
}
