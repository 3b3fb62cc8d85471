package org.lakepg.storage.cloud.wal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.lakepg.storage.cloud.proposer.AcceptorCodec;
import org.lakepg.storage.cloud.proposer.AcceptorReply;
import org.lakepg.storage.cloud.proposer.AcceptorRequest;
import org.lakepg.storage.cloud.rpc.RpcConnection;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;

/** The proposer's connection to one safekeeper: pipelined requests, reconnecting after a break. */
final class MemberLink implements AutoCloseable {

    private final SafekeeperAddress address;
    private final RpcConnection connection;

    /** A link whose I/O runs on {@code loop}, shared with the proposer's other links (closed by their owner). */
    MemberLink(SafekeeperAddress address, Duration requestTimeout, EventLoopGroup loop) {
        this.address = address;
        this.connection = new RpcConnection("safekeeper " + address.id(), address.host(), address.port(),
                Duration.ofSeconds(2), requestTimeout, loop);
    }

    SafekeeperAddress address() {
        return address;
    }

    /** Sends a request; a member that cannot be reached fails the future (never this call). */
    CompletableFuture<AcceptorReply> send(AcceptorRequest request) {
        try {
            return connection.call(request.code(), out -> AcceptorCodec.encode(request, out), AcceptorCodec::decodeReply);
        } catch (RuntimeException e) {
            // not connected, or connecting would block the event loop this runs on: the member counts as away
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends an append encoded once for every member ({@code body}: its {@code AcceptorCodec} encoding, which the
     * caller keeps owning).
     */
    CompletableFuture<AcceptorReply> sendAppend(ByteBuf body) {
        try {
            return connection.call(AcceptorRequest.Append.CODE, body, AcceptorCodec::decodeReply);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
