/**
 * The PostgreSQL v3 wire protocol. Knows no SQL: statements are opaque strings handed to
 * the {@link org.lakepg.wire.protocol.QueryEngine} SPI that the server implements.
 *
 * <ul>
 *   <li>this package: the engine SPI ({@code QueryEngine}, {@code EngineSession}, {@code ResultSink}...),
 *       authentication policy SPI, and the {@code PgServer} bootstrap;</li>
 *   <li>{@code codec}: stateless framing into sealed {@code FrontendMessage} records and one small
 *       writer per backend message;</li>
 *   <li>{@code session}: the per-connection state machine (startup, authentication, simple and
 *       extended query, COPY) run on one thread per connection, so a slow statement never stalls
 *       another connection. By default that thread reads and writes its socket itself, as a
 *       PostgreSQL backend does ({@code SocketAcceptor}); TLS connections (and all of them with
 *       {@code SessionIo.NETTY}) have a Netty event loop do the I/O.</li>
 * </ul>
 * Authentication exchanges (SCRAM-SHA-256, md5, cleartext) live in {@code org.lakepg.wire.auth}.
 * Behaviour is checked against PostgreSQL 15 by the transcripts in the tests.
 */
package org.lakepg.wire.protocol;
