package org.lakepg.storage.cloud.wal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.proposer.AcceptorReply;
import org.lakepg.storage.cloud.proposer.AcceptorRequest;
import org.lakepg.storage.cloud.proposer.TermHistory;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;
import org.lakepg.storage.cloud.safekeeper.SafekeeperRequest;

/**
 * The safekeepers driven by the compute itself (Neon's safekeeper protocol; docs/safekeepers.md): the compute is
 * the proposer of every timeline it writes. Taking a timeline is an election — a majority votes for a new term,
 * which fences every older proposer — followed by recovery: the most advanced log among the voters (highest last
 * term, then longest) becomes the term's log, every member cuts what diverges from it and copies what it lacks.
 * Appends then go straight to every member over one Netty connection each and complete when a majority has
 * fsynced them. Readers (the pageserver, another compute) see only committed WAL.
 */
public final class ProposerQuorum implements WalQuorum {

    /** How long taking a timeline may wait for a majority. */
    private static final long ACQUIRE_TIMEOUT_MS = 30_000;
    /** How long a read waits for one member before it asks the others. */
    private static final long READ_WAIT_MS = 3_000;
    /** How long a question to one named member waits (its first request also connects, slow in a young JVM). */
    private static final long MEMBER_WAIT_MS = 10_000;

    private final List<SafekeeperAddress> members;
    /**
     * One I/O thread for the links to every member: a round's three appends wake it once, and the acknowledgements
     * are counted on it one after another (with a thread per link, each round woke three threads that then took
     * turns on the proposal's lock).
     */
    private final EventLoopGroup loop = new NioEventLoopGroup(1,
            Thread.ofPlatform().name("proposer-io").daemon(true).factory());
    private final Map<Integer, MemberLink> links = new HashMap<>();
    private final UUID proposerId = UUID.randomUUID();
    private final Map<TimelineId, Proposal> proposals = new ConcurrentHashMap<>();
    /** The member that answered the last committed read with the most WAL, per timeline. */
    private final Map<TimelineId, MemberLink> preferred = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("proposer-timer").daemon(true).factory());

    private ProposerQuorum(List<SafekeeperAddress> members, Duration requestTimeout) {
        this.members = List.copyOf(members);
        for (SafekeeperAddress a : members) {
            links.put(a.id(), new MemberLink(a, requestTimeout, loop));
        }
    }

    public static ProposerQuorum connect(List<SafekeeperAddress> members) {
        return new ProposerQuorum(members, Duration.ofSeconds(30));
    }

    @Override
    public List<SafekeeperAddress> members() {
        return members;
    }

    UUID proposerId() {
        return proposerId;
    }

    /** Runs {@code task} on a virtual thread after {@code delayMs} (it may connect, which blocks). */
    void later(long delayMs, Runnable task) {
        try {
            timer.schedule(() -> Thread.ofVirtual().name("proposer-task").start(task), delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: nothing more to do
        }
    }

    /**
     * Runs {@code task} on the links' I/O thread after {@code delayMs}: for short non-blocking work such as the
     * commit notice, which would otherwise wake the timer and a virtual thread about every round. A send from there
     * to a member that is not connected fails (it would block the loop) and the member joins again later.
     */
    void laterOnLoop(long delayMs, Runnable task) {
        try {
            loop.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: nothing more to do
        }
    }

    private int majority() {
        return members.size() / 2 + 1;
    }

    // ---- taking a timeline ----

    @Override
    public SafekeeperReply.TimelineState acquire(TimelineId timeline, long generation, Lsn startLsn) {
        long deadline = System.currentTimeMillis() + ACQUIRE_TIMEOUT_MS;
        long highestSeen = 0;
        while (true) {
            long term;
            if (generation == SafekeeperRequest.NEXT_GENERATION) {
                term = Math.max(highestSeen, highestTerm(timeline, deadline)) + 1;
            } else {
                term = generation;
            }
            Map<Integer, AcceptorReply.State> votes = new HashMap<>();
            long refusedBy = collectVotes(timeline, term, startLsn, deadline, votes);
            if (votes.size() >= majority()) {
                return elected(timeline, term, votes, deadline);
            }
            if (refusedBy == 0 && System.currentTimeMillis() > deadline) {
                throw StorageException.of(StorageException.Reason.IO,
                        "no majority of safekeepers %s answered within %d ms", members, ACQUIRE_TIMEOUT_MS);
            }
            if (generation != SafekeeperRequest.NEXT_GENERATION && refusedBy >= term) {
                throw new GenerationFencedException(String.format(
                        "generation %d is not newer than generation %d that owns timeline %s", term, refusedBy, timeline));
            }
            if (System.currentTimeMillis() > deadline) {
                throw StorageException.of(StorageException.Reason.IO,
                        "could not win a majority of safekeepers %s for timeline %s", members, timeline);
            }
            highestSeen = Math.max(highestSeen, refusedBy);
            try {
                Thread.sleep(200); // members are down or another compute is taking the timeline: not in a tight loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException(StorageException.Reason.IO, "interrupted while taking timeline " + timeline, e);
            }
        }
    }

    /** The highest term a majority of members report (0 for a timeline none of them has). */
    private long highestTerm(TimelineId timeline, long deadline) {
        List<CompletableFuture<AcceptorReply>> asks = new ArrayList<>();
        links.values().forEach(l -> asks.add(l.send(new AcceptorRequest.Status(timeline))));
        long highest = 0;
        for (CompletableFuture<AcceptorReply> ask : asks) {
            AcceptorReply reply = await(ask, deadline);
            if (reply instanceof AcceptorReply.State s) {
                highest = Math.max(highest, s.term());
            }
        }
        // with fewer than a majority answering, the votes below fail for want of a majority too, and say so
        return highest;
    }

    /** Asks every member's vote for {@code term}; fills the granted ones; returns the highest refusing term (0: none). */
    private long collectVotes(TimelineId timeline, long term, Lsn startLsn, long deadline,
            Map<Integer, AcceptorReply.State> granted) {
        Map<Integer, CompletableFuture<AcceptorReply>> asks = new HashMap<>();
        links.forEach((id, l) -> asks.put(id, l.send(new AcceptorRequest.Vote(timeline, term, proposerId, startLsn.value()))));
        long refusedBy = 0;
        for (Map.Entry<Integer, CompletableFuture<AcceptorReply>> ask : asks.entrySet()) {
            AcceptorReply reply = await(ask.getValue(), deadline);
            if (reply instanceof AcceptorReply.State s) {
                if (s.voteGranted()) {
                    granted.put(ask.getKey(), s);
                } else {
                    refusedBy = Math.max(refusedBy, s.term());
                }
            }
        }
        return refusedBy;
    }

    /** Won: recovery, then the timeline is this compute's to write from the most advanced voter's end. */
    private SafekeeperReply.TimelineState elected(TimelineId timeline, long term, Map<Integer, AcceptorReply.State> votes,
            long deadline) {
        AcceptorReply.State donor = votes.values().stream()
                .max(Comparator.comparingLong(AcceptorReply.State::lastLogTerm).thenComparingLong(AcceptorReply.State::flushLsn))
                .orElseThrow();
        TermHistory history = donor.history().upTo(donor.flushLsn()).then(term, donor.flushLsn());
        long knownCommit = votes.values().stream().mapToLong(AcceptorReply.State::commitLsn).max().orElse(donor.startLsn());
        long trimmed = votes.values().stream().mapToLong(AcceptorReply.State::trimmedUpTo).max().orElse(donor.startLsn());
        List<MemberLink> all = members.stream().map(a -> links.get(a.id())).toList();
        Proposal proposal = new Proposal(this, timeline, term, history, donor.startLsn(), donor.flushLsn(), knownCommit,
                trimmed, all);
        Proposal previous = proposals.put(timeline, proposal);
        if (previous != null) {
            previous.fail(new GenerationFencedException(String.format(
                    "timeline %s was acquired again by this compute with term %d", timeline, term)));
        }
        proposal.start(votes);
        long commit = proposal.awaitRecovered(Math.max(1, deadline - System.currentTimeMillis()));
        return new SafekeeperReply.TimelineState(term, Lsn.of(donor.startLsn()), Lsn.of(Math.max(commit, donor.flushLsn())),
                Lsn.of(proposal.trimmedUpTo()));
    }

    // ---- writing ----

    /**
     * Appends complete on the links' I/O thread outside the proposal's lock, and an append from that thread queues
     * its writes on the loop without waking it: the next round is sent from there, not handed to another thread.
     */
    @Override
    public boolean appendsFromReplyThread() {
        return true;
    }

    @Override
    public CompletableFuture<SafekeeperReply> append(SafekeeperRequest.Append append) {
        Proposal proposal = proposals.get(append.timeline());
        if (proposal == null) {
            return CompletableFuture.completedFuture(new SafekeeperReply.Rejected(Why.INVALID,
                    "this compute has not taken timeline " + append.timeline()));
        }
        return proposal.append(append.generation(), append.startLsn().value(), append.payloads());
    }

    @Override
    public SafekeeperReply.TimelineState trim(TimelineId timeline, Lsn upTo) {
        List<CompletableFuture<AcceptorReply>> asks = new ArrayList<>();
        links.values().forEach(l -> asks.add(l.send(new AcceptorRequest.Trim(timeline, upTo.value()))));
        return bestState(timeline, asks);
    }

    @Override
    public int delete(TimelineId timeline) {
        Proposal own = proposals.remove(timeline);
        if (own != null) {
            own.fail(StorageException.of(StorageException.Reason.CLOSED, "timeline %s was deleted", timeline));
        }
        preferred.remove(timeline);
        List<CompletableFuture<AcceptorReply>> asks = new ArrayList<>();
        links.values().forEach(l -> asks.add(l.send(new AcceptorRequest.Delete(timeline))));
        long deadline = System.currentTimeMillis() + MEMBER_WAIT_MS;
        int gone = 0;
        for (CompletableFuture<AcceptorReply> ask : asks) {
            AcceptorReply reply = await(ask, deadline);
            if (reply instanceof AcceptorReply.State
                    || reply instanceof AcceptorReply.Rejected r && r.why() == Why.NOT_FOUND) {
                gone++;
            }
        }
        return gone;
    }

    // ---- reading ----

    @Override
    public SafekeeperReply.TimelineState status(TimelineId timeline) {
        Proposal own = proposals.get(timeline);
        if (own != null && own.failure() == null) {
            return new SafekeeperReply.TimelineState(own.term(), Lsn.of(own.startLsn()), Lsn.of(own.commitLsn()),
                    Lsn.of(own.trimmedUpTo()));
        }
        List<CompletableFuture<AcceptorReply>> asks = new ArrayList<>();
        links.values().forEach(l -> asks.add(l.send(new AcceptorRequest.Status(timeline))));
        return bestState(timeline, asks);
    }

    @Override
    public SafekeeperReply.TimelineState status(TimelineId timeline, SafekeeperAddress member) {
        AcceptorReply reply = await(links.get(member.id()).send(new AcceptorRequest.Status(timeline)),
                System.currentTimeMillis() + MEMBER_WAIT_MS);
        if (reply instanceof AcceptorReply.State s) {
            return state(s);
        }
        throw failure(reply, member.toString());
    }

    /** The answer furthest ahead (committed end) among the members that answer in time. */
    private SafekeeperReply.TimelineState bestState(TimelineId timeline, List<CompletableFuture<AcceptorReply>> asks) {
        long deadline = System.currentTimeMillis() + READ_WAIT_MS;
        AcceptorReply.State best = null;
        AcceptorReply rejected = null;
        for (CompletableFuture<AcceptorReply> ask : asks) {
            AcceptorReply reply = await(ask, deadline);
            if (reply instanceof AcceptorReply.State s) {
                if (best == null || s.commitLsn() > best.commitLsn()) {
                    best = s;
                }
            } else if (reply != null) {
                rejected = reply;
            }
        }
        if (best != null) {
            return state(best);
        }
        throw failure(rejected, "timeline " + timeline);
    }

    private static SafekeeperReply.TimelineState state(AcceptorReply.State s) {
        return new SafekeeperReply.TimelineState(s.term(), Lsn.of(s.startLsn()), Lsn.of(s.commitLsn()), Lsn.of(s.trimmedUpTo()));
    }

    /**
     * Committed records after {@code from}. The writer of the timeline reads from the member of its term with the
     * most WAL, up to its own commit LSN (the members may not have heard of it yet); anyone else asks the member
     * that answered best last time, and every member if that one has nothing.
     */
    @Override
    public SafekeeperReply.Records readChunk(TimelineId timeline, Lsn from, int maxBytes) {
        long deadline = System.currentTimeMillis() + READ_WAIT_MS;
        Proposal own = proposals.get(timeline);
        MemberLink synced = own == null || own.failure() != null ? null : own.bestSynced();
        if (synced != null) {
            long commit = own.commitLsn();
            AcceptorReply reply = await(synced.send(new AcceptorRequest.Read(timeline, from.value(), maxBytes, true)), deadline);
            if (reply instanceof AcceptorReply.Records r) {
                List<SafekeeperReply.Frame> frames = r.frames().stream().filter(f -> f.lsn() <= commit).toList();
                return new SafekeeperReply.Records(frames, Lsn.of(Math.min(commit, r.endLsn())));
            }
        }
        MemberLink first = preferred.get(timeline);
        if (first != null) {
            AcceptorReply reply = await(first.send(new AcceptorRequest.Read(timeline, from.value(), maxBytes, false)), deadline);
            if (reply instanceof AcceptorReply.Records r && !r.frames().isEmpty()) {
                return records(r);
            }
        }
        Map<MemberLink, CompletableFuture<AcceptorReply>> asks = new HashMap<>();
        links.values().forEach(l -> asks.put(l, l.send(new AcceptorRequest.Read(timeline, from.value(), maxBytes, false))));
        deadline = System.currentTimeMillis() + READ_WAIT_MS;
        AcceptorReply.Records best = null;
        AcceptorReply rejected = null;
        for (Map.Entry<MemberLink, CompletableFuture<AcceptorReply>> ask : asks.entrySet()) {
            AcceptorReply reply = await(ask.getValue(), deadline);
            if (reply instanceof AcceptorReply.Records r) {
                if (best == null || r.endLsn() > best.endLsn()) {
                    best = r;
                    preferred.put(timeline, ask.getKey());
                }
            } else if (reply != null) {
                rejected = reply;
            }
        }
        if (best != null) {
            return records(best);
        }
        throw failure(rejected, "timeline " + timeline);
    }

    @Override
    public SafekeeperReply.Records readChunk(TimelineId timeline, Lsn from, int maxBytes, SafekeeperAddress member) {
        AcceptorReply reply = await(links.get(member.id()).send(new AcceptorRequest.Read(timeline, from.value(), maxBytes, false)),
                System.currentTimeMillis() + MEMBER_WAIT_MS);
        if (reply instanceof AcceptorReply.Records r) {
            return records(r);
        }
        throw failure(reply, member.toString());
    }

    private static SafekeeperReply.Records records(AcceptorReply.Records r) {
        return new SafekeeperReply.Records(r.frames(), Lsn.of(r.endLsn()));
    }

    /** The reply, or null if it failed or did not come by {@code deadline}. */
    private static AcceptorReply await(CompletableFuture<AcceptorReply> ask, long deadline) {
        try {
            return ask.get(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Reason.IO, "interrupted while waiting for the safekeepers", e);
        }
    }

    private StorageException failure(AcceptorReply reply, String what) {
        if (reply instanceof AcceptorReply.Rejected r) {
            return switch (r.why()) {
                case FENCED -> new GenerationFencedException(r.message());
                case NOT_FOUND -> new StorageException(StorageException.Reason.NOT_FOUND, r.message());
                case INVALID -> new StorageException(StorageException.Reason.INVALID_REQUEST, r.message());
            };
        }
        return StorageException.of(StorageException.Reason.IO, "no safekeeper of %s answered about %s", members, what);
    }

    @Override
    public void close() {
        StorageException closed = new StorageException(StorageException.Reason.CLOSED, "WAL service is closed");
        proposals.values().forEach(p -> p.fail(closed));
        timer.shutdownNow();
        links.values().forEach(MemberLink::close);
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
