package org.lakepg.storage.cloud.wal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;
import org.lakepg.storage.cloud.safekeeper.SafekeeperRequest;

/**
 * The compute's {@link WalService} in cloud mode: WAL goes to the safekeeper quorum. A timeline is written only
 * after this compute {@linkplain #acquire acquired} it with a new generation, which fences any older compute;
 * appends get their LSNs here and wait in memory until a {@link #flush} ships them; a flush completes once a
 * majority of safekeepers has them durable.
 *
 * <p>If this compute is fenced, its pending and later flushes fail with {@link GenerationFencedException} and its
 * appends are refused: nothing after the takeover point is ever acknowledged.
 */
public final class SafekeeperWalService implements WalService, AutoCloseable {

    /**
     * Quorum rounds one timeline may have in flight. More than one hides a round trip when the network, not the
     * CPU, is the bottleneck; on a CPU-bound host every round costs Ratis work and smaller rounds lose (measured
     * in SafekeeperFlushBench), so group commit with one round in flight is the default.
     */
    public static final int DEFAULT_ROUNDS_IN_FLIGHT = 1;
    /** A compute's pipelining depth for measurements ({@code -Dlakepg.wal.rounds-in-flight=N}). */
    public static final String ROUNDS_IN_FLIGHT_PROPERTY = "lakepg.wal.rounds-in-flight";

    private final WalQuorum client;
    private final boolean ownsClient;
    private final WalAppendListener listener;
    private final int maxRoundsInFlight;
    private final Metrics metrics;
    private final Map<TimelineId, TimelineWriter> writers = new ConcurrentHashMap<>();
    /** One thread completes flushes for every timeline, in the order rounds come back. */
    private final ExecutorService completions = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("safekeeper-wal-completions").daemon(true).factory());

    /** A service over {@code client} (which the caller closes); {@code listener} may be null. */
    public SafekeeperWalService(WalQuorum client, WalAppendListener listener, int maxRoundsInFlight) {
        this(client, false, listener, maxRoundsInFlight, new Metrics());
    }

    private SafekeeperWalService(WalQuorum client, boolean ownsClient, WalAppendListener listener,
            int maxRoundsInFlight, Metrics metrics) {
        if (maxRoundsInFlight < 1) {
            throw new IllegalArgumentException("at least one round must be allowed in flight");
        }
        this.client = client;
        this.ownsClient = ownsClient;
        this.listener = listener;
        this.maxRoundsInFlight = maxRoundsInFlight;
        this.metrics = metrics;
    }

    /** Connects to the quorum; closing the service closes the connection. */
    public static SafekeeperWalService connect(List<SafekeeperAddress> safekeepers) {
        return connect(safekeepers, null, DEFAULT_ROUNDS_IN_FLIGHT, new Metrics());
    }

    /** Connects to the quorum, timing quorum rounds into {@code metrics}. */
    public static SafekeeperWalService connect(List<SafekeeperAddress> safekeepers, Metrics metrics) {
        return connect(safekeepers, null, DEFAULT_ROUNDS_IN_FLIGHT, metrics);
    }

    /** A service over {@code quorum}, which closing the service closes; quorum rounds are timed into {@code metrics}. */
    public static SafekeeperWalService over(WalQuorum quorum, Metrics metrics) {
        return new SafekeeperWalService(quorum, true, null, Integer.getInteger(ROUNDS_IN_FLIGHT_PROPERTY,
                DEFAULT_ROUNDS_IN_FLIGHT), metrics);
    }

    /** Connects to the quorum with an append listener (may be null) and a pipelining depth. */
    public static SafekeeperWalService connect(List<SafekeeperAddress> safekeepers, WalAppendListener listener,
            int maxRoundsInFlight) {
        return connect(safekeepers, listener, maxRoundsInFlight, new Metrics());
    }

    private static SafekeeperWalService connect(List<SafekeeperAddress> safekeepers, WalAppendListener listener,
            int maxRoundsInFlight, Metrics metrics) {
        return new SafekeeperWalService(SafekeeperClient.connect(safekeepers), true, listener, maxRoundsInFlight, metrics);
    }

    public WalQuorum client() {
        return client;
    }

    /**
     * Takes {@code timeline} for writing with the next generation (fencing every older writer) and returns the
     * durable end of its WAL, where this compute continues. A timeline the safekeepers do not know yet is created
     * with its history starting at {@code startLsn} (its branch LSN; {@link Lsn#INVALID} for a root timeline).
     */
    public Lsn acquire(TimelineId timeline, Lsn startLsn) {
        return acquire(timeline, startLsn, SafekeeperRequest.NEXT_GENERATION);
    }

    /** Like {@link #acquire(TimelineId, Lsn)} with a generation chosen by the caller (e.g. a control plane). */
    public Lsn acquire(TimelineId timeline, Lsn startLsn, long generation) {
        SafekeeperReply.TimelineState state = client.acquire(timeline, generation, startLsn);
        TimelineWriter writer = new TimelineWriter(timeline, state.generation(), state.endLsn(), client, listener, completions,
                maxRoundsInFlight, metrics);
        TimelineWriter previous = writers.put(timeline, writer);
        if (previous != null) {
            previous.fail(new GenerationFencedException(String.format(
                    "timeline %s was acquired again by this compute with generation %d", timeline, state.generation())));
        }
        return state.endLsn();
    }

    /** The generation this compute writes {@code timeline} with, or 0 if it has not acquired it. */
    public long generation(TimelineId timeline) {
        TimelineWriter writer = writers.get(timeline);
        return writer == null ? 0 : writer.generation();
    }

    /** Appending to a timeline not acquired yet acquires it first (as a root timeline if it is new). */
    private TimelineWriter writer(TimelineId timeline) {
        TimelineWriter writer = writers.get(timeline);
        if (writer != null) {
            return writer;
        }
        synchronized (this) {
            if (!writers.containsKey(timeline)) {
                acquire(timeline, Lsn.INVALID);
            }
            return writers.get(timeline);
        }
    }

    @Override
    public Lsn append(TimelineId timeline, WalRecord record) {
        return writer(timeline).append(List.of(record)).get(0);
    }

    @Override
    public List<Lsn> appendAll(TimelineId timeline, List<WalRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        return writer(timeline).append(records);
    }

    @Override
    public CompletableFuture<Lsn> flush(TimelineId timeline, Lsn upTo) {
        TimelineWriter writer = writers.get(timeline);
        if (writer == null) {
            // nothing appended here: everything the quorum has is durable
            return CompletableFuture.completedFuture(durableLsn(timeline));
        }
        return writer.flush(upTo);
    }

    @Override
    public Lsn durableLsn(TimelineId timeline) {
        TimelineWriter writer = writers.get(timeline);
        return writer != null ? writer.durableLsn() : remoteEnd(timeline);
    }

    @Override
    public Lsn insertLsn(TimelineId timeline) {
        TimelineWriter writer = writers.get(timeline);
        return writer != null ? writer.insertLsn() : remoteEnd(timeline);
    }

    private Lsn remoteEnd(TimelineId timeline) {
        try {
            return client.status(timeline).endLsn();
        } catch (StorageException e) {
            if (e.reason() == StorageException.Reason.NOT_FOUND) {
                return Lsn.INVALID;
            }
            throw e;
        }
    }

    /**
     * Records with LSN &gt; {@code from} up to the insert LSN now: the durable part from the safekeepers, the rest
     * from this compute's buffer.
     */
    @Override
    public WalReader read(TimelineId timeline, Lsn from) {
        TimelineWriter writer = writers.get(timeline);
        if (writer == null) {
            return new SafekeeperWalReader(client, timeline, from, remoteEnd(timeline), List.of());
        }
        TimelineWriter.ReadView view = writer.readView();
        return new SafekeeperWalReader(client, timeline, from, view.durable(), view.notDurable());
    }

    /** Removes the safekeepers' WAL at or below {@code upTo} (the pageserver persisted it). */
    public void trim(TimelineId timeline, Lsn upTo) {
        client.trim(timeline, upTo);
    }

    /**
     * The timeline was dropped: this compute stops writing it and the safekeepers remove its WAL. Returns how many
     * members no longer have it.
     */
    public int delete(TimelineId timeline) {
        TimelineWriter writer = writers.remove(timeline);
        if (writer != null) {
            writer.fail(StorageException.of(StorageException.Reason.CLOSED, "timeline %s was deleted", timeline));
        }
        return client.delete(timeline);
    }

    /** Quorum rounds shipped so far for {@code timeline} (benchmarks compare it with the number of flushes). */
    public long rounds(TimelineId timeline) {
        TimelineWriter writer = writers.get(timeline);
        return writer == null ? 0 : writer.rounds();
    }

    @Override
    public void close() {
        StorageException closed = new StorageException(StorageException.Reason.CLOSED, "WAL service is closed");
        writers.values().forEach(w -> w.fail(closed));
        if (ownsClient) {
            client.close();
        }
        completions.shutdown();
    }
}
