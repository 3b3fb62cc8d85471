package org.lakepg.storage.cloud.rpc;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.pageserver.Pageserver;

/** Decodes one request's payload, calls the pageserver, encodes the answer (the table is in {@link RpcType}). */
final class RpcDispatcher {

    private final Pageserver pageserver;

    RpcDispatcher(Pageserver pageserver) {
        this.pageserver = pageserver;
    }

    void handle(RpcType type, ByteBuf in, ByteBuf out) {
        switch (type) {
            case GET_PAGE -> {
                TimelineId t = RpcCodec.timelineId(in);
                PageKey key = RpcCodec.key(in);
                Lsn lsn = RpcCodec.lsn(in);
                out.writeBytes(pageserver.getPage(t, key, lsn, RpcCodec.lsn(in)));
            }
            case GET_PAGES -> {
                TimelineId t = RpcCodec.timelineId(in);
                Lsn lsn = RpcCodec.lsn(in);
                Lsn notModifiedSince = RpcCodec.lsn(in);
                int n = in.readInt();
                if (n < 0 || (long) n * 9 > in.readableBytes()) {
                    throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "invalid page count %d", n);
                }
                List<PageKey> keys = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    keys.add(RpcCodec.key(in));
                }
                for (byte[] page : pageserver.getPages(t, keys, lsn, notModifiedSince)) {
                    out.writeBytes(page);
                }
            }
            case RELATION_SIZE -> {
                TimelineId t = RpcCodec.timelineId(in);
                int relation = in.readInt();
                ForkNumber fork = RpcCodec.fork(in);
                out.writeInt(pageserver.relationSize(t, relation, fork, RpcCodec.lsn(in)));
            }
            case RELATION_EXISTS -> {
                TimelineId t = RpcCodec.timelineId(in);
                int relation = in.readInt();
                ForkNumber fork = RpcCodec.fork(in);
                out.writeBoolean(pageserver.relationExists(t, relation, fork, RpcCodec.lsn(in)));
            }
            case CHANGED_PAGES -> {
                TimelineId t = RpcCodec.timelineId(in);
                int relation = in.readInt();
                ForkNumber fork = RpcCodec.fork(in);
                Lsn from = RpcCodec.lsn(in);
                RpcCodec.bitset(out, pageserver.changedPages(t, relation, fork, from, RpcCodec.lsn(in)));
            }
            case CREATE_TIMELINE -> {
                TimelineId id = RpcCodec.timelineId(in);
                String name = RpcCodec.string(in);
                Instant created = RpcCodec.instant(in);
                RpcCodec.timeline(out, pageserver.attach(new Timeline(id, null, Lsn.INVALID, name, created)));
            }
            case BRANCH -> {
                TimelineId parent = RpcCodec.timelineId(in);
                long at = in.readLong();
                TimelineId id = RpcCodec.timelineId(in);
                String name = RpcCodec.string(in);
                Instant created = RpcCodec.instant(in);
                if (at < 0) {
                    RpcCodec.timeline(out, pageserver.branch(parent, null, id, name));
                } else {
                    RpcCodec.timeline(out, pageserver.attach(new Timeline(id, parent, Lsn.of(at), name, created)));
                }
            }
            case LIST_TIMELINES -> {
                List<Timeline> all = pageserver.timelines();
                out.writeInt(all.size());
                all.forEach(t -> RpcCodec.timeline(out, t));
            }
            case DELETE_TIMELINE -> pageserver.deleteTimeline(RpcCodec.timelineId(in));
            case WAIT_FOR_LSN -> {
                TimelineId t = RpcCodec.timelineId(in);
                Lsn lsn = RpcCodec.lsn(in);
                RpcCodec.lsn(out, pageserver.waitForLsn(t, lsn, Duration.ofMillis(Math.max(0, in.readLong()))));
            }
            case SET_RETENTION -> pageserver.setRetention(Duration.ofSeconds(in.readLong()));
            case GET_RETENTION -> out.writeLong(pageserver.retention().toSeconds());
            case LSN_AT -> {
                TimelineId t = RpcCodec.timelineId(in);
                long micros = in.readLong();
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
                RpcCodec.lsn(out, pageserver.lsnAt(t, at));
            }
            case TIMELINE_STATUS -> {
                TimelineId t = RpcCodec.timelineId(in);
                RpcCodec.lsn(out, pageserver.ingestedLsn(t));
                RpcCodec.lsn(out, pageserver.remoteConsistentLsn(t));
            }
            case GC -> out.writeInt(pageserver.collectGarbageNow());
            case OK, ERROR -> throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "%s is not a request", type);
        }
    }
}
