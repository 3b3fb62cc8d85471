package org.lakepg.server.access.vacuum;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.heap.HeapRelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vacuums tables whose dead row versions pass PostgreSQL's trigger: {@code dead > autovacuum_vacuum_threshold +
 * autovacuum_vacuum_scale_factor * live} (defaults 50 and 0.2), checked every naptime by one background thread.
 */
public final class AutoVacuum implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoVacuum.class);

    /**
     * A table and its indexes (a supplier, since indexes come and go with DDL), and the guard its vacuum runs under:
     * the table's lock, taken only if no one holds a conflicting one (PostgreSQL's autovacuum skips a table it cannot
     * lock at once, e.g. one with a CREATE INDEX in progress, whose new index would keep entries of removed versions).
     */
    public record Table(HeapRelation heap, Supplier<List<BTreeIndex>> indexes, Guard guard) {
        public Table(HeapRelation heap, Supplier<List<BTreeIndex>> indexes) {
            this(heap, indexes, vacuum -> {
                vacuum.run();
                return true;
            });
        }
    }

    /** Runs a vacuum under the table's lock; false (and nothing run) when the lock is not free now. */
    @FunctionalInterface
    public interface Guard {
        boolean runLocked(Runnable vacuum);
    }

    /**
     * Tables found anew at every round (a server's databases and their tables come and go); the source hands each
     * to {@code check} while it can guarantee the table's compute stays up.
     */
    @FunctionalInterface
    public interface TableSource {
        void forEachTable(java.util.function.Consumer<Table> check);
    }

    private final List<Table> tables = new CopyOnWriteArrayList<>();
    private final long threshold;
    private final double scaleFactor;
    private final ScheduledExecutorService worker;
    private final TableSource source;
    private volatile long runs;

    public AutoVacuum(long threshold, double scaleFactor, long naptimeMillis) {
        this(threshold, scaleFactor, naptimeMillis, check -> { });
    }

    /** Also checks, at every round, the tables {@code source} offers besides the registered ones. */
    public AutoVacuum(long threshold, double scaleFactor, long naptimeMillis, TableSource source) {
        this.threshold = threshold;
        this.scaleFactor = scaleFactor;
        this.source = source;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "autovacuum");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::check, naptimeMillis, naptimeMillis, TimeUnit.MILLISECONDS);
    }

    public static AutoVacuum withPostgresDefaults(long naptimeMillis) {
        return new AutoVacuum(50, 0.2, naptimeMillis);
    }

    public void register(Table table) {
        tables.add(table);
    }

    public void unregister(HeapRelation heap) {
        tables.removeIf(t -> t.heap() == heap);
    }

    /** Number of vacuums run so far. */
    public long runs() {
        return runs;
    }

    /** True if the table has enough dead versions to be vacuumed. */
    public boolean needsVacuum(HeapRelation heap) {
        return heap.deadSinceVacuum() > threshold + scaleFactor * heap.liveEstimate();
    }

    /** Set by close: the round in progress stops between tables. */
    private volatile boolean closing;

    private void check() {
        tables.forEach(this::vacuumIfNeeded);
        try {
            source.forEachTable(this::vacuumIfNeeded);
        } catch (RuntimeException e) {
            LOG.error("automatic vacuum could not list tables", e);
        }
    }

    private void vacuumIfNeeded(Table table) {
        try {
            if (!closing && needsVacuum(table.heap())) {
                boolean ran = table.guard().runLocked(() -> {
                    Vacuum.Result result = Vacuum.run(table.heap(), table.indexes().get());
                    runs++;
                    LOG.debug("automatic vacuum of table \"{}\": {}", table.heap().name(), result);
                });
                if (!ran) {
                    LOG.debug("automatic vacuum skipped table \"{}\": its lock is taken", table.heap().name());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("automatic vacuum of table \"{}\" failed", table.heap().name(), e);
        }
    }

    /**
     * Lets a vacuum in progress finish instead of interrupting it: an interrupt during its WAL write would close the
     * WAL's FileChannel (ClosedByInterruptException) under every other writer.
     */
    @Override
    public void close() {
        closing = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("automatic vacuum still running 60 s after shutdown was asked; not interrupting it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
