package org.lakepg.storage.cloud.wal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalRecordCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.lakepg.storage.cloud.proposer.AcceptorCodec;
import org.lakepg.storage.cloud.proposer.AcceptorReply;
import org.lakepg.storage.cloud.proposer.AcceptorRequest;
import org.lakepg.storage.cloud.proposer.TermHistory;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Frame;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One timeline this compute won an election for: it ships every record to every member itself and counts fsync
 * acknowledgements. A member first adopts the term's history (cutting what it has beyond its common point with
 * the proposer's log), then receives what it lacks — from the proposer's memory, or copied from a member that
 * has it — and then every new round. The commit LSN is the highest LSN a majority of members of this term have
 * flushed, once that reaches where this term started (Raft's rule: a new term commits nothing of older terms by
 * counting until it owns a majority). It travels to the members with later appends, or alone after a short
 * delay when no append follows.
 */
final class Proposal {

    private static final Logger LOG = LoggerFactory.getLogger(Proposal.class);

    /** Records kept in memory for members that fall behind; older ones are copied from members that have them. */
    static final long BUFFER_BYTES = 64L << 20;
    /** Bytes one append carries at most (a catch-up or a large round is split). */
    static final int MAX_APPEND_BYTES = 4 << 20;
    /** Appends in flight per member: a member's fsync and the next round's shipping overlap. */
    static final int MAX_IN_FLIGHT = 4;
    /** How long a commit LSN waits for an append to ride on before it is sent alone. */
    static final long COMMIT_NOTICE_DELAY_MS = 5;

    enum Phase { DOWN, JOINING, SYNCED }

    /** What the proposer knows of one member. */
    private static final class Member {
        final MemberLink link;
        Phase phase = Phase.DOWN;
        /** Incremented each time the member (re)joins: answers to an older session are ignored. */
        int session;
        long flushLsn;
        long shippedTo;
        long sentCommit;
        int inFlight;
        boolean copying;

        Member(MemberLink link) {
            this.link = link;
        }
    }

    /** A round waiting for the commit LSN to reach {@code end}. */
    private record Round(long end, CompletableFuture<SafekeeperReply> done) {
    }

    private final ProposerQuorum quorum;
    private final TimelineId timeline;
    private final long term;
    private final TermHistory history;
    private final long startLsn;
    private final long epochStart;
    private final List<Member> members = new ArrayList<>();
    private final ArrayDeque<Frame> buffer = new ArrayDeque<>();
    private final ArrayDeque<Round> rounds = new ArrayDeque<>();
    private final CompletableFuture<Long> recovered = new CompletableFuture<>();
    private long bufferStart;
    private long bufferBytes;
    private long end;
    private long commitLsn;
    private long trimmedUpTo;
    private boolean noticeScheduled;
    /** The commit LSN the scheduled notice is for: members sent an append carrying it since need no notice. */
    private long noticeFor;
    private StorageException failure;
    /**
     * The last append encoded, shared by every member it goes to: in step, the members get the same range with the
     * same commit LSN, and encoding it once per member copied each round's records three times. Guarded by this.
     */
    private EncodedAppend lastEncoded;

    private record EncodedAppend(long begin, long to, long commit, ByteBuf body) {
    }

    Proposal(ProposerQuorum quorum, TimelineId timeline, long term, TermHistory history, long startLsn,
            long epochStart, long knownCommit, long trimmedUpTo, List<MemberLink> links) {
        this.quorum = quorum;
        this.timeline = timeline;
        this.term = term;
        this.history = history;
        this.startLsn = startLsn;
        this.epochStart = epochStart;
        this.bufferStart = epochStart;
        this.end = epochStart;
        this.commitLsn = Math.min(knownCommit, epochStart);
        this.trimmedUpTo = trimmedUpTo;
        links.forEach(l -> members.add(new Member(l)));
    }

    long term() {
        return term;
    }

    long startLsn() {
        return startLsn;
    }

    synchronized long commitLsn() {
        return commitLsn;
    }

    synchronized long trimmedUpTo() {
        return trimmedUpTo;
    }

    /** Completes with the commit LSN once a majority holds this term's starting point. */
    CompletableFuture<Long> recovered() {
        return recovered;
    }

    /** Starts every member: the voters with their known state, the others by joining. */
    void start(java.util.Map<Integer, AcceptorReply.State> voters) {
        for (Member m : members) {
            AcceptorReply.State state = voters.get(m.link.address().id());
            if (state != null) {
                elect(m, state);
            } else {
                join(m, 0);
            }
        }
    }

    // ---- the writer's side ----

    /** Ships a round of the compute's records; completes once they are committed. */
    synchronized CompletableFuture<SafekeeperReply> append(long generation, long beginLsn, List<byte[]> payloads) {
        if (failure != null) {
            return CompletableFuture.completedFuture(rejection(failure));
        }
        if (generation != term) {
            return CompletableFuture.completedFuture(new SafekeeperReply.Rejected(Why.INVALID, String.format(
                    "timeline %s is written with term %d here, not %d", timeline, term, generation)));
        }
        long position = beginLsn;
        for (byte[] p : payloads) {
            long recordEnd = position + WalRecordCodec.FRAME_OVERHEAD + p.length;
            if (recordEnd > end) {
                if (position != end) {
                    return CompletableFuture.completedFuture(new SafekeeperReply.Rejected(Why.INVALID, String.format(
                            "append at %d does not continue timeline %s at %d", position, timeline, end)));
                }
                buffer.add(new Frame(recordEnd, p));
                bufferBytes += p.length;
                end = recordEnd;
            }
            position = recordEnd;
        }
        CompletableFuture<SafekeeperReply> done = new CompletableFuture<>();
        if (position <= commitLsn) {
            done.complete(new SafekeeperReply.Appended(Lsn.of(commitLsn)));
            return done;
        }
        rounds.add(new Round(position, done));
        dropShippedRecords();
        members.forEach(this::pump);
        return done;
    }

    // ---- members ----

    /** A member that voted for this term: adopt the history from where it agrees with the proposer's log. */
    private void elect(Member m, AcceptorReply.State state) {
        int session;
        AcceptorRequest.Elected elected;
        synchronized (this) {
            if (failure != null) {
                return;
            }
            m.phase = Phase.JOINING;
            session = ++m.session;
            long common = history.commonPoint(end, state.history(), state.flushLsn(), startLsn);
            elected = new AcceptorRequest.Elected(timeline, term, history, common);
        }
        m.link.send(elected).whenComplete((reply, error) -> {
            synchronized (this) {
                if (session != m.session || failure != null) {
                    return;
                }
                if (reply instanceof AcceptorReply.State s) {
                    m.phase = Phase.SYNCED;
                    m.flushLsn = s.flushLsn();
                    m.shippedTo = s.flushLsn();
                    m.sentCommit = s.commitLsn();
                    m.inFlight = 0;
                    m.copying = false;
                    trimmedUpTo = Math.max(trimmedUpTo, s.trimmedUpTo());
                    advanceCommit();
                    pump(m);
                    return;
                }
            }
            lost(m, session, reply, error);
        });
    }

    /** (Re)connects a member that did not vote or lost its connection: asks for its vote again, then elects it. */
    private void join(Member m, long delayMs) {
        int session;
        synchronized (this) {
            if (failure != null) {
                return;
            }
            m.phase = Phase.DOWN;
            session = ++m.session;
        }
        quorum.later(delayMs, () -> {
            synchronized (this) {
                if (session != m.session || failure != null) {
                    return;
                }
            }
            m.link.send(new AcceptorRequest.Vote(timeline, term, quorum.proposerId(), startLsn)).whenComplete((reply, error) -> {
                if (reply instanceof AcceptorReply.State s && s.voteGranted()) {
                    synchronized (this) {
                        if (session != m.session) {
                            return;
                        }
                    }
                    elect(m, s);
                } else if (reply instanceof AcceptorReply.State s && s.term() >= term) {
                    fail(new GenerationFencedException(String.format(
                            "timeline %s was taken over by generation %d; writer generation %d is fenced", timeline, s.term(), term)));
                } else {
                    lost(m, session, reply, error);
                }
            });
        });
    }

    /** A member's request failed: fenced means this proposal is over, anything else means join again later. */
    private void lost(Member m, int session, AcceptorReply reply, Throwable error) {
        if (reply instanceof AcceptorReply.Rejected r && r.why() == Why.FENCED) {
            fail(new GenerationFencedException(r.message()));
            return;
        }
        synchronized (this) {
            if (session != m.session || failure != null) {
                return;
            }
            if (reply instanceof AcceptorReply.Rejected r) {
                LOG.warn("safekeeper {} refused timeline {} term {}: {}; joining it again", m.link.address().id(),
                        timeline, term, r.message());
            } else {
                LOG.debug("safekeeper {} away for timeline {}: {}", m.link.address().id(), timeline, String.valueOf(error));
            }
        }
        join(m, 200);
    }

    /** Sends a member what it lacks, as far as its window allows. Called with the lock held. */
    private void pump(Member m) {
        if (m.phase != Phase.SYNCED || failure != null) {
            return;
        }
        while (m.inFlight < MAX_IN_FLIGHT && m.shippedTo < end && !m.copying) {
            if (m.shippedTo < bufferStart) {
                copyTo(m);
                return;
            }
            List<byte[]> payloads = new ArrayList<>();
            long begin = m.shippedTo;
            long to = begin;
            long bytes = 0;
            for (Frame f : buffer) {
                if (f.lsn() <= begin) {
                    continue;
                }
                if (!payloads.isEmpty() && bytes + f.payload().length > MAX_APPEND_BYTES) {
                    break;
                }
                payloads.add(f.payload());
                bytes += f.payload().length;
                to = f.lsn();
            }
            send(m, begin, to, payloads);
        }
        if (m.inFlight == 0 && m.sentCommit < commitLsn && !noticeScheduled) {
            scheduleCommitNotice();
        }
    }

    /** Called with the lock held. */
    private void scheduleCommitNotice() {
        noticeScheduled = true;
        noticeFor = commitLsn;
        quorum.laterOnLoop(COMMIT_NOTICE_DELAY_MS, this::sendCommitNotices);
    }

    /** Ships an append (empty: only the commit LSN) to a member. Called with the lock held. */
    private void send(Member m, long begin, long to, List<byte[]> payloads) {
        int session = m.session;
        long commit = commitLsn;
        m.inFlight++;
        m.shippedTo = to;
        m.sentCommit = commit;
        CompletableFuture<AcceptorReply> sent = payloads.isEmpty()
                ? m.link.send(new AcceptorRequest.Append(timeline, term, begin, commit, payloads))
                : m.link.sendAppend(encoded(begin, to, commit, payloads));
        sent.whenComplete((reply, error) -> {
            List<Round> committed;
            synchronized (this) {
                if (session != m.session || failure != null) {
                    return;
                }
                if (!(reply instanceof AcceptorReply.Flushed f)) {
                    committed = null;
                    if (m.phase == Phase.SYNCED && !(reply instanceof AcceptorReply.Rejected)) {
                        LOG.info("safekeeper {} lost for timeline {}: {}", m.link.address().id(), timeline,
                                String.valueOf(error));
                    }
                    m.phase = Phase.DOWN; // nothing more to it until it joined again (a reconnect would find a gap)
                } else {
                    m.inFlight--;
                    m.flushLsn = Math.max(m.flushLsn, f.flushLsn());
                    committed = advanceCommit();
                    dropShippedRecords();
                    members.forEach(this::pump);
                }
            }
            if (committed == null) {
                lost(m, session, reply, error);
            } else {
                Lsn lsn = Lsn.of(commitLsn());
                committed.forEach(r -> r.done().complete(new SafekeeperReply.Appended(lsn)));
            }
        });
    }

    /**
     * Sends the commit LSN alone to the idle members that no append brought it to since the notice was scheduled.
     * While commits follow each other (a pgbench chain: one round every millisecond or two) every member got it with
     * a later round, and none is sent: before, members idle at that instant got an empty append every 5 ms even
     * then — about one extra request for every few transactions on each member and on the compute's I/O thread.
     * A member still behind the newest commit LSN gets the next notice, so a last commit reaches every member within
     * two delays.
     */
    private void sendCommitNotices() {
        synchronized (this) {
            noticeScheduled = false;
            if (failure != null) {
                return;
            }
            boolean behind = false;
            for (Member m : members) {
                if (m.phase == Phase.SYNCED && m.inFlight == 0 && m.sentCommit < commitLsn) {
                    if (m.sentCommit < noticeFor) {
                        send(m, m.shippedTo, m.shippedTo, List.of());
                    } else {
                        behind = true;
                    }
                }
            }
            if (behind) {
                scheduleCommitNotice();
            }
        }
    }

    /**
     * Copies records a member lacks that are no longer in memory from a member of this term that has them (its log
     * up to its flush LSN is a prefix of this proposer's log). Called with the lock held.
     */
    private void copyTo(Member m) {
        Member source = null;
        for (Member candidate : members) {
            if (candidate != m && candidate.phase == Phase.SYNCED && candidate.flushLsn > m.shippedTo
                    && (source == null || candidate.flushLsn > source.flushLsn)) {
                source = candidate;
            }
        }
        if (source == null) {
            return; // retried when another member's append completes
        }
        m.copying = true;
        int session = m.session;
        long from = m.shippedTo;
        MemberLink sourceLink = source.link;
        sourceLink.send(new AcceptorRequest.Read(timeline, from, MAX_APPEND_BYTES, true)).whenComplete((reply, error) -> {
            synchronized (this) {
                if (session != m.session || failure != null) {
                    return;
                }
                m.copying = false;
                if (reply instanceof AcceptorReply.Records r && !r.frames().isEmpty() && m.shippedTo == from) {
                    List<byte[]> payloads = new ArrayList<>(r.frames().size());
                    r.frames().forEach(f -> payloads.add(f.payload()));
                    send(m, from, r.frames().get(r.frames().size() - 1).lsn(), payloads);
                    pump(m);
                    return;
                }
                if (reply instanceof AcceptorReply.Rejected rejected && rejected.why() == Why.NOT_FOUND) {
                    restartBehindTrim(m, sourceLink, from);
                    return;
                }
                if (reply instanceof AcceptorReply.Rejected rejected) {
                    LOG.warn("cannot copy WAL of timeline {} after {} to safekeeper {}: {}", timeline, Lsn.of(from),
                            m.link.address().id(), rejected.message());
                }
            }
            quorum.later(500, () -> {
                synchronized (this) {
                    pump(m);
                }
            });
        });
    }

    /**
     * The member lacks records that {@code source} trimmed (S3 holds them): it restarts its WAL empty where the
     * source's begins, if that is committed, and is caught up from there. Called with the lock held.
     */
    private void restartBehindTrim(Member m, MemberLink source, long from) {
        m.copying = true;
        int session = m.session;
        source.send(new AcceptorRequest.Status(timeline)).thenCompose(reply -> {
            if (reply instanceof AcceptorReply.State s && s.walStart() > from) {
                synchronized (this) {
                    if (s.walStart() <= commitLsn && session == m.session) {
                        LOG.info("safekeeper {} lacks WAL of timeline {} after {} that every member trimmed: it continues "
                                + "from {}", m.link.address().id(), timeline, Lsn.of(from), Lsn.of(s.walStart()));
                        return m.link.send(new AcceptorRequest.Restart(timeline, term, s.walStart()));
                    }
                }
            }
            return CompletableFuture.<AcceptorReply>completedFuture(null); // not restarted: try again later
        }).whenComplete((reply, error) -> {
            synchronized (this) {
                if (session != m.session || failure != null) {
                    return;
                }
                m.copying = false;
                if (reply instanceof AcceptorReply.State s && s.flushLsn() > m.shippedTo && m.inFlight == 0) {
                    m.flushLsn = s.flushLsn();
                    m.shippedTo = s.flushLsn();
                    pump(m);
                    return;
                }
            }
            quorum.later(500, () -> {
                synchronized (this) {
                    pump(m);
                }
            });
        });
    }

    /** Moves the commit LSN to what a majority of this term's members flushed; returns the rounds it commits. */
    private List<Round> advanceCommit() {
        long[] flushed = members.stream().filter(m -> m.phase == Phase.SYNCED).mapToLong(m -> m.flushLsn).toArray();
        int majority = members.size() / 2 + 1;
        if (flushed.length < majority) {
            return List.of();
        }
        Arrays.sort(flushed);
        long candidate = flushed[flushed.length - majority];
        if (candidate < epochStart || candidate <= commitLsn) {
            if (candidate >= epochStart && !recovered.isDone()) {
                recovered.complete(commitLsn);
            }
            return List.of();
        }
        commitLsn = candidate;
        if (!recovered.isDone()) {
            recovered.complete(commitLsn);
        }
        List<Round> committed = new ArrayList<>();
        while (!rounds.isEmpty() && rounds.peek().end() <= commitLsn) {
            committed.add(rounds.poll());
        }
        return committed;
    }

    /** Forgets records every member flushed, and the oldest ones beyond the memory budget. */
    private void dropShippedRecords() {
        long everywhere = Long.MAX_VALUE;
        for (Member m : members) {
            everywhere = Math.min(everywhere, m.phase == Phase.SYNCED ? m.flushLsn : bufferStart);
        }
        Iterator<Frame> it = buffer.iterator();
        while (it.hasNext()) {
            Frame f = it.next();
            if (f.lsn() > everywhere && (bufferBytes <= BUFFER_BYTES || f.lsn() > commitLsn)) {
                break;
            }
            it.remove();
            bufferBytes -= f.payload().length;
            bufferStart = f.lsn();
        }
    }

    /** The encoding of the append of (begin, to] with {@code commit}, made once for every member. Lock held. */
    private ByteBuf encoded(long begin, long to, long commit, List<byte[]> payloads) {
        EncodedAppend last = lastEncoded;
        if (last != null && last.begin() == begin && last.to() == to && last.commit() == commit) {
            return last.body();
        }
        releaseEncoded();
        int size = 16 + 3 * Long.BYTES + Integer.BYTES;
        for (byte[] p : payloads) {
            size += Integer.BYTES + p.length;
        }
        ByteBuf body = ByteBufAllocator.DEFAULT.directBuffer(size);
        AcceptorCodec.encode(new AcceptorRequest.Append(timeline, term, begin, commit, payloads), body);
        lastEncoded = new EncodedAppend(begin, to, commit, body);
        return body;
    }

    private void releaseEncoded() {
        if (lastEncoded != null) {
            lastEncoded.body().release();
            lastEncoded = null;
        }
    }

    /** Ends this proposal: every waiting and later round fails with {@code why}. */
    void fail(StorageException why) {
        List<Round> failed;
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = why;
            releaseEncoded();
            failed = new ArrayList<>(rounds);
            rounds.clear();
            buffer.clear();
            members.forEach(m -> m.session++);
        }
        recovered.completeExceptionally(why);
        SafekeeperReply rejection = rejection(why);
        failed.forEach(r -> r.done().complete(rejection));
    }

    synchronized StorageException failure() {
        return failure;
    }

    private static SafekeeperReply rejection(StorageException why) {
        return new SafekeeperReply.Rejected(why instanceof GenerationFencedException ? Why.FENCED : Why.INVALID,
                why.getMessage());
    }

    /** The member of this term with the most WAL, for reads of committed records; null if none is in sync. */
    synchronized MemberLink bestSynced() {
        Member best = null;
        for (Member m : members) {
            if (m.phase == Phase.SYNCED && (best == null || m.flushLsn > best.flushLsn)) {
                best = m;
            }
        }
        return best == null ? null : best.link;
    }

    /** Waits for the recovery (see {@link #recovered}) up to {@code timeoutMs}. */
    long awaitRecovered(long timeoutMs) {
        try {
            return recovered.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw StorageException.of(StorageException.Reason.IO,
                    "no majority of safekeepers holds timeline %s up to %s after %d ms", timeline, Lsn.of(epochStart), timeoutMs);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof StorageException s ? s
                    : new StorageException(StorageException.Reason.IO, "recovery failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Reason.IO, "interrupted while taking timeline " + timeline, e);
        }
    }
}
