package org.lakepg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.lakepg.server.branch.BranchNames;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The databases of one lakepg: each database is a timeline of the store, served by its own
 * compute. CREATE DATABASE is a branch of the template's timeline (O(1), nothing copied) or, for
 * template0, a fresh timeline; DROP DATABASE deletes the timeline. Per-database settings
 * (ALTER DATABASE ... SET) are kept in the data directory.
 *
 * <p>A replica cluster ({@code lakepg start --storage cloud --replica}) is a compute process that only reads: every
 * database is served by its read replica (see {@link ReadReplicas}), which follows the WAL the primary made durable;
 * it creates, drops and writes nothing.
 */
public final class Cluster implements AutoCloseable {
    public static final String TEMPLATE0 = "template0";
    /** Where an older lakepg kept these in the data directory (migrated into @global on first start). */
    private static final String SETTINGS_FILE = "database-settings.properties";
    private static final String ROLES_FILE = "roles.tsv";
    private static final String SETTINGS_SECTION = "database-settings";
    private static final String ROLES_SECTION = "roles";
    /** Databases created by a role other than the bootstrap superuser: "name TAB owner OID" lines. */
    private static final String OWNERS_SECTION = "database-owners";
    private static final int MAX_PAST_COMPUTES = 8;

    private final Storage storage;
    private final Path dataDir;
    private final int bufferPages;
    private final boolean replica;
    private final Map<String, Compute> computes = new HashMap<>();
    private final Map<String, AtomicInteger> sessions = new HashMap<>();
    /** ALTER DATABASE ... SET values by "database/name", in the order they were first set (pg_db_role_setting's). */
    private final Map<String, String> databaseSettings = new LinkedHashMap<>();
    /** Owner OIDs of databases not owned by the bootstrap superuser. */
    private final Map<String, Long> owners = new java.util.HashMap<>();
    /** Roles and settings every database shares, in the store's @global; null on a replica (it keeps local files). */
    private SharedCatalog shared;
    /** Read-only computes of time-travel sessions, by timeline and LSN; the least recently used ones are closed. */
    private final Map<String, Compute> pastComputes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compute> eldest) {
            if (size() > MAX_PAST_COMPUTES) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private final Branches branches;
    private volatile ReadReplicas replicas = newReplicas(Duration.ofMillis(200));
    /** When the last session of a timeline left (System.nanoTime), for suspending idle computes. */
    private final Map<String, Long> idleSince = new HashMap<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Cluster.class);

    private Cluster(Storage storage, Path dataDir, int bufferPages, boolean replica) {
        this.storage = storage;
        this.replica = replica;
        this.dataDir = dataDir;
        this.bufferPages = bufferPages;
        this.branches = new Branches(this, storage);
        this.analytics = new org.lakepg.server.analytics.AnalyticsService(storage, ANALYTICS_CPU_SHARE);
        this.tempFileSpace = org.lakepg.server.exec.spill.TempFileSpace.open(dataDir);
    }

    /** Where statements spill sorts and hash tables (DATA/pgsql_tmp, emptied at start). */
    private final org.lakepg.server.exec.spill.TempFileSpace tempFileSpace;

    public org.lakepg.server.exec.spill.TempFileSpace tempFileSpace() {
        return tempFileSpace;
    }

    /** The background materializer's share of one core (issue 10: no interference with transactions). */
    private static final double ANALYTICS_CPU_SHARE =
            Double.parseDouble(System.getProperty("lakepg.analytics.cpu_share", "0.1"));
    private final org.lakepg.server.analytics.AnalyticsService analytics;

    /** Where object store keys are, for users: a directory for the local store (its class is not on our compile path). */
    public String objectLocation() {
        return storage.objects().getClass().getSimpleName().equals("LocalDirectoryObjectStore")
                ? dataDir.resolve("storage").resolve("objects").toAbsolutePath() + "/" : "";
    }

    /** Columnar snapshots of the cluster's tables and their background refresher (lakepg analytics). */
    public org.lakepg.server.analytics.AnalyticsService analytics() {
        return analytics;
    }

    /** Whether this whole compute is a read replica (it serves only replica sessions and writes nothing). */
    public boolean replica() {
        return replica;
    }

    /** The error for something a replica compute cannot do (PostgreSQL's hot standby says 25006 for writes). */
    public PgException refusedOnReplica(String what) {
        return PgException.of(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot %s on a read replica", what)
                .withHint("Connect to the primary compute of this endpoint to change it.");
    }

    /** lakepg.retention: how much history time travel and branch-at-time can reach (GC keeps it). */
    public void setRetention(Duration retention) {
        if (replica) {
            return; // the retention is the primary's to set: a replica leaves the pageserver's as it is
        }
        storage.timelines().setRetention(retention);
    }

    public Branches branches() {
        return branches;
    }

    /** lakepg.replica_replay_interval: how often read replicas move to the latest durable LSN (their lag bound). */
    public void setReplicaReplayInterval(Duration interval) {
        ReadReplicas old = replicas;
        replicas = newReplicas(interval);
        old.clear();
    }

    private ReadReplicas newReplicas(Duration interval) {
        return new ReadReplicas(interval, this::durableLsn,
                (name, lsn) -> Compute.openAt(storage, timeline(name), lsn, Math.max(16, bufferPages / 8)));
    }

    /** The read-only compute a read-replica transaction of {@code timelineName} runs on (see ReadReplicas). */
    public Compute replicaCompute(String timelineName) {
        return replicas.compute(timelineName);
    }

    /** How far the read replica of {@code timelineName} has replayed the WAL; null before its first transaction. */
    public Lsn replicaReplayLsn(String timelineName) {
        return replicas.replayLsn(timelineName);
    }

    private Lsn durableLsn(String timelineName) {
        return storage.wal().durableLsn(timeline(timelineName).id());
    }

    private Timeline timeline(String timelineName) {
        return storage.timelines().byName(timelineName).filter(t -> !SharedCatalog.isHidden(t.name())).orElseThrow(() -> PgException.of(
                SqlState.INVALID_CATALOG_NAME, "database \"%s\" does not exist", timelineName));
    }

    /**
     * A read-only compute seeing the timeline as of {@code lsn} (time travel). Computes are shared by sessions
     * reading at the same LSN and kept while recently used.
     */
    public synchronized Compute computeAt(String timelineName, Lsn lsn) {
        String key = timelineName + "\u0000" + lsn;
        Compute c = pastComputes.get(key);
        if (c != null) {
            return c;
        }
        Timeline timeline = storage.timelines().byName(timelineName).orElseThrow(() -> PgException.of(
                SqlState.INVALID_CATALOG_NAME, "database \"%s\" does not exist", timelineName));
        Lsn latest = storage.wal().insertLsn(timeline.id());
        if (lsn.isAfter(latest)) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "LSN %s is in the future: the latest LSN of \"%s\" is %s", lsn, timelineName, latest);
        }
        try {
            c = Compute.openAt(storage, timeline, lsn, Math.max(16, bufferPages / 8));
        } catch (org.lakepg.storage.StorageException e) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot read \"%s\" at LSN %s: %s",
                    timelineName, lsn, e.getMessage()).withHint("lakepg.retention sets how much history is kept.");
        }
        pastComputes.put(key, c);
        return c;
    }

    /** The LSN of the last commit at or before {@code time} on a timeline (what lakepg.read_time reads at). */
    public Lsn lsnAt(String timelineName, Instant time) {
        Timeline timeline = storage.timelines().byName(timelineName).orElseThrow(() -> PgException.of(
                SqlState.INVALID_CATALOG_NAME, "database \"%s\" does not exist", timelineName));
        Duration retention = storage.timelines().retention();
        if (time.isBefore(Instant.now().minus(retention))) {
            long minutes = retention.toMinutes();
            String window = minutes % 1440 == 0 ? minutes / 1440 + "d" : minutes % 60 == 0 ? minutes / 60 + "h"
                    : minutes + "min";
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "time %s is older than the retention window (lakepg.retention = %s)", time, window)
                    .withHint("lakepg.retention sets how much history is kept.");
        }
        return storage.timelines().lsnAt(timeline.id(), time);
    }

    /** The timeline's latest LSN (what pg_current_wal_lsn() reports). */
    public Lsn insertLsn(String timelineName) {
        return storage.timelines().byName(timelineName).map(t -> storage.wal().insertLsn(t.id()))
                .orElse(Lsn.INVALID);
    }

    /** pg_database_size of a database other than a session's own: its logical size; 0 for one without storage. */
    public long databaseSize(String database) {
        return storage.timelines().byName(database).map(this::logicalSize).orElse(0L);
    }

    /** Bytes of every relation of a timeline as of its latest LSN (catalog, tables, their large values, indexes). */
    synchronized long logicalSize(Timeline timeline) {
        Lsn lsn = storage.wal().insertLsn(timeline.id());
        Compute c = computes.get(timeline.name());
        if (c == null) {
            if (!storage.pages().relationExists(timeline.id(), org.lakepg.server.table.TableCatalog.CLASS_RELATION,
                    org.lakepg.storage.ForkNumber.MAIN, lsn)) {
                return 0;
            }
            c = computeAt(timeline.name(), lsn);
        }
        return c.logicalSize(storage, timeline.id(), lsn);
    }

    /** Closes whatever serves a timeline that is about to be deleted or replaced. */
    synchronized void forget(String timelineName) {
        Compute c = computes.remove(timelineName);
        if (c != null) {
            c.close();
        }
        pastComputes.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(timelineName + "\u0000")) {
                e.getValue().close();
                return true;
            }
            return false;
        });
        sessions.remove(timelineName);
        replicas.forget(timelineName);
    }

    public static Cluster open(String storageName, Path dataDir, int bufferPages) {
        return open(storageName, Map.of(), dataDir, bufferPages);
    }

    /** Opens the store {@code storageName} with its provider's options (e.g. where the safekeepers are). */
    public static Cluster open(String storageName, Map<String, String> storageOptions, Path dataDir, int bufferPages) {
        Storage storage = Storage.load(storageName, new StorageConfig(dataDir.resolve("storage"), storageOptions));
        boolean replica = "on".equals(storageOptions.get(org.lakepg.server.cli.ServerConfig.REPLICA_OPTION));
        Cluster cluster = new Cluster(storage, dataDir, bufferPages, replica);
        try {
            for (String initial : new String[] {"template1", "postgres"}) {
                if (!replica && storage.timelines().byName(initial).isEmpty()) {
                    storage.timelines().createTimeline(initial);
                }
            }
            Path settings = dataDir.resolve(SETTINGS_FILE);
            if (!replica) {
                cluster.shared = SharedCatalog.open(storage, Math.max(16, bufferPages / 8));
                cluster.shared.migrate(SETTINGS_SECTION, settings);
                cluster.shared.migrate(ROLES_SECTION, dataDir.resolve(ROLES_FILE));
                cluster.databaseSettings.putAll(parseSettings(cluster.shared.read(SETTINGS_SECTION)));
                for (String line : cluster.shared.read(OWNERS_SECTION)) {
                    int tab = line.indexOf('\t');
                    cluster.owners.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
                }
            } else if (Files.exists(settings)) {
                cluster.databaseSettings.putAll(parseSettings(Files.readAllLines(settings)));
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * While the compute warms up on a scratch database before it serves anyone (docs/cluster.md, "Session 25"): the
     * only database that takes sessions; null once the compute is open to all.
     */
    private volatile String warmingUpOn;

    /** From now until {@link #openToAll()}, sessions of databases other than {@code scratchDatabase} are refused. */
    public void startingUp(String scratchDatabase) {
        warmingUpOn = scratchDatabase;
    }

    public void openToAll() {
        warmingUpOn = null;
    }

    /** Refuses a session while the compute starts up, as PostgreSQL does before it accepts connections (57P03). */
    public void checkAcceptingSessions(String database) {
        String scratch = warmingUpOn;
        if (scratch != null && !scratch.equals(database)) {
            throw PgException.of(SqlState.CANNOT_CONNECT_NOW, "the database system is starting up")
                    .withSeverity(PgException.Severity.FATAL);
        }
    }

    /** Names of the databases (the timelines of the store), for pg_database. */
    public synchronized java.util.List<String> databaseNames() {
        return storage.timelines().list().stream().map(Timeline::name).filter(n -> !SharedCatalog.isHidden(n)).toList();
    }

    public boolean exists(String database) {
        return !SharedCatalog.isHidden(database) && storage.timelines().byName(database).isPresent();
    }

    /** Where the roles of the cluster are kept: @global in the store (a replica: its data directory's file). */
    public org.lakepg.server.auth.RoleStorage roleStorage() {
        if (shared != null) {
            return new org.lakepg.server.auth.RoleStorage() {
                @Override
                public List<String> load() {
                    return shared.read(ROLES_SECTION);
                }

                @Override
                public void store(Optional<List<String>> roleLines,
                                  List<org.lakepg.server.auth.RoleChange.DatabaseSetting> databaseSettings) {
                    storeShared(roleLines, databaseSettings);
                }
            };
        }
        Path file = dataDir.resolve(ROLES_FILE);
        return new org.lakepg.server.auth.RoleStorage() {
            @Override
            public List<String> load() {
                try {
                    return Files.exists(file) ? Files.readAllLines(file) : List.of();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void store(Optional<List<String>> roleLines,
                              List<org.lakepg.server.auth.RoleChange.DatabaseSetting> databaseSettings) {
                if (!databaseSettings.isEmpty()) {
                    throw refusedOnReplica("change a database's settings");
                }
                try {
                    if (roleLines.isPresent()) {
                        Files.write(file, roleLines.get());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * The compute serving a database, started on first use; 3D000 when there is no such database. On a replica
     * cluster it is the database's read replica at its current replay LSN.
     */
    public synchronized Compute compute(String database) {
        if (replica) {
            timeline(database); // 3D000 before anything is opened
            try {
                return replicas.compute(database);
            } catch (PgException e) {
                if (storage.pages().relationExists(timeline(database).id(), org.lakepg.server.table.TableCatalog.CLASS_RELATION,
                        org.lakepg.storage.ForkNumber.MAIN, durableLsn(database))) {
                    throw e;
                }
                // nothing of the database is durable yet (its primary has not committed): a hot standby says the same
                // before it reached a consistent state
                throw PgException.of(SqlState.CANNOT_CONNECT_NOW, "the database system is not yet accepting connections")
                        .withDetail("Consistent recovery state has not been reached.");
            }
        }
        Compute c = computes.get(database);
        if (c != null) {
            return c;
        }
        Timeline timeline = storage.timelines().byName(database).filter(t -> !SharedCatalog.isHidden(t.name()))
                .orElseThrow(() -> PgException.of(SqlState.INVALID_CATALOG_NAME, "database \"%s\" does not exist",
                        database));
        long start = System.nanoTime();
        c = Compute.open(storage, timeline, bufferPages);
        computes.put(database, c);
        idleSince.remove(database);
        LOG.info("started the compute of \"{}\" in {} ms", database, (System.nanoTime() - start) / 1_000_000);
        return c;
    }

    /**
     * Suspends (closes, releasing its buffer cache) every read-write compute that has had no session for
     * {@code timeout}; the next connection starts it again (scale to zero). Returns the suspended timelines.
     */
    public synchronized List<String> suspendIdle(Duration timeout) {
        List<String> suspended = new ArrayList<>();
        long now = System.nanoTime();
        for (var it = computes.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Long since = idleSince.get(e.getKey());
            if (activeSessions(e.getKey()) == 0 && since != null && now - since >= timeout.toNanos()) {
                e.getValue().close();
                it.remove();
                idleSince.remove(e.getKey());
                suspended.add(e.getKey());
                LOG.info("suspended the compute of \"{}\" after {} s without sessions", e.getKey(),
                        (now - since) / 1_000_000_000L);
            }
        }
        return suspended;
    }

    /** The timelines whose read-write compute is running. */
    public synchronized List<String> runningComputes() {
        return List.copyOf(computes.keySet());
    }

    /**
     * The running compute of a database that has sessions, counted as one more session until {@link #disconnect}
     * (so it is neither suspended nor dropped meanwhile); null if it has none. Autovacuum works only where sessions
     * write, and must not keep an idle compute from being suspended.
     */
    public synchronized Compute connectIfActive(String database) {
        Compute c = computes.get(database);
        if (c == null || activeSessions(database) == 0) {
            return null;
        }
        sessions.get(database).incrementAndGet();
        return c;
    }

    /** A session connects: it keeps DROP DATABASE away until it leaves. */
    public synchronized Compute connect(String database) {
        Compute c = compute(database);
        sessions.computeIfAbsent(database, d -> new AtomicInteger()).incrementAndGet();
        return c;
    }

    public synchronized void disconnect(String database) {
        AtomicInteger n = sessions.get(database);
        if (n != null && n.decrementAndGet() == 0) {
            idleSince.put(database, System.nanoTime());
        }
        notifyAll();
    }

    /**
     * Sessions of a database or branch other than the caller's, after waiting up to 5 seconds for them to leave: a
     * client that just closed its connection may not have been noticed yet (PostgreSQL's DROP DATABASE waits too).
     */
    synchronized int activeSessionsAfterWait(String database) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        int n;
        while ((n = activeSessions(database)) > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, 100_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return n;
    }

    /** The OID of the role owning a database (pg_database.datdba). */
    public synchronized long owner(String database) {
        return owners.getOrDefault(database, org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID);
    }

    /** The databases a role owns (not the bootstrap superuser's), by name. */
    public synchronized List<String> ownedBy(long role) {
        return owners.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).sorted().toList();
    }

    /** CREATE DATABASE by {@code owner}: the creating role owns it, as in PostgreSQL. */
    public synchronized void create(String name, String template, long owner) {
        create(name, template);
        if (owner != org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID && shared != null) {
            Map<String, Long> next = new java.util.HashMap<>(owners);
            next.put(name, owner);
            writeOwners(next);
        }
    }

    private void writeOwners(Map<String, Long> next) {
        shared.write(OWNERS_SECTION, next.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "\t" + e.getValue()).toList());
        owners.clear();
        owners.putAll(next);
    }

    public synchronized void create(String name, String template) {
        if (replica) {
            throw refusedOnReplica("create a database");
        }
        if (exists(name) || name.equals(TEMPLATE0)) {
            throw PgException.of(SqlState.DUPLICATE_DATABASE, "database \"%s\" already exists", name);
        }
        if (name.indexOf(BranchNames.SEPARATOR) >= 0) {
            throw PgException.of(SqlState.INVALID_NAME, "database names cannot contain \"%s\"", BranchNames.SEPARATOR)
                    .withHint("\"database@branch\" names a branch of a database; see lakepg_create_branch().");
        }
        if (template == null || template.equals(TEMPLATE0)) {
            storage.timelines().createTimeline(name);
            return;
        }
        Timeline source = storage.timelines().byName(template).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_DATABASE, "template database \"%s\" does not exist", template));
        int others = activeSessionsAfterWait(template);
        if (others > 0) {
            throw PgException.of(SqlState.OBJECT_IN_USE, "source database \"%s\" is being accessed by other users",
                    template).withDetail(others == 1 ? "There is 1 other session using the database."
                    : "There are " + others + " other sessions using the database.");
        }
        storage.timelines().branch(source.id(), null, name);
    }

    /** DROP DATABASE; {@code current} is the database the dropping session is connected to. */
    public synchronized boolean drop(String name, boolean missingOk, String current) {
        if (replica) {
            throw refusedOnReplica("drop a database");
        }
        if (name.equals(current)) {
            throw PgException.of(SqlState.OBJECT_IN_USE, "cannot drop the currently open database");
        }
        Optional<Timeline> timeline = storage.timelines().byName(name);
        if (timeline.isEmpty() || name.equals(TEMPLATE0)) {
            if (missingOk) {
                return false;
            }
            throw PgException.of(SqlState.UNDEFINED_DATABASE, "database \"%s\" does not exist", name);
        }
        int others = activeSessionsAfterWait(name);
        if (others > 0) {
            throw PgException.of(SqlState.OBJECT_IN_USE, "database \"%s\" is being accessed by other users", name)
                    .withDetail(others == 1 ? "There is 1 other session using the database."
                            : "There are " + others + " other sessions using the database.");
        }
        for (Timeline t : storage.timelines().list()) {
            if (!t.name().equals(name) && BranchNames.database(t.name()).equals(name)) {
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop database \"%s\" because it has branches", name)
                        .withHint("Drop its branches first with lakepg_drop_branch().");
            }
        }
        forget(name);
        storage.timelines().delete(timeline.get().id());
        forgetSettings(name);
        if (owners.containsKey(name)) {
            Map<String, Long> next = new java.util.HashMap<>(owners);
            next.remove(name);
            writeOwners(next);
        }
        return true;
    }

    synchronized int activeSessions(String database) {
        AtomicInteger n = sessions.get(database);
        return n == null ? 0 : n.get();
    }

    /** ALTER DATABASE ... SET values, applied to sessions connecting later. */
    public synchronized Map<String, String> settings(String database) {
        // read at every login: only this database's entries, not every database's map
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = database + "/";
        databaseSettings.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), value);
            }
        });
        return out;
    }

    /** Every database's ALTER DATABASE ... SET values: database -> name -> value. */
    public synchronized Map<String, Map<String, String>> allSettings() {
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        databaseSettings.forEach((key, value) -> {
            int slash = key.indexOf('/');
            out.computeIfAbsent(key.substring(0, slash), d -> new LinkedHashMap<>()).put(key.substring(slash + 1), value);
        });
        return out;
    }

    /** Writes a commit's role lines and ALTER DATABASE ... SET changes to @global in one transaction. */
    private synchronized void storeShared(Optional<List<String>> roleLines,
                                          List<org.lakepg.server.auth.RoleChange.DatabaseSetting> changes) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        roleLines.ifPresent(lines -> sections.put(ROLES_SECTION, lines));
        Map<String, String> next = new LinkedHashMap<>(databaseSettings);
        for (var change : changes) {
            String prefix = change.database() + "/";
            if (change.name() == null) { // RESET ALL
                next.keySet().removeIf(k -> k.startsWith(prefix));
                continue;
            }
            // a new value keeps its place; names compare case-insensitively (older stores kept lower case)
            String key = next.keySet().stream().filter(k -> k.startsWith(prefix)
                    && k.substring(prefix.length()).equalsIgnoreCase(change.name())).findFirst()
                    .orElse(prefix + change.name());
            if (change.value() == null) {
                next.remove(key);
            } else {
                next.put(key, change.value());
            }
        }
        if (!changes.isEmpty()) {
            sections.put(SETTINGS_SECTION, settingsLines(next));
        }
        shared.write(sections);
        replaceSettings(next);
    }

    /** DROP DATABASE: its settings go with it. */
    private void forgetSettings(String database) {
        Map<String, String> next = new LinkedHashMap<>(databaseSettings);
        next.keySet().removeIf(k -> k.startsWith(database + "/"));
        if (shared != null) {
            shared.write(SETTINGS_SECTION, settingsLines(next));
        }
        replaceSettings(next);
    }

    private void replaceSettings(Map<String, String> next) {
        databaseSettings.clear();
        databaseSettings.putAll(next);
    }

    /** One line per setting in Properties syntax, in order (a Properties object would lose the order). */
    private static List<String> settingsLines(Map<String, String> settings) {
        List<String> lines = new ArrayList<>();
        settings.forEach((key, value) -> {
            Properties one = new Properties();
            one.setProperty(key, value);
            java.io.StringWriter text = new java.io.StringWriter();
            try {
                one.store(text, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            text.toString().lines().filter(l -> !l.startsWith("#")).forEach(lines::add);
        });
        return lines;
    }

    /** Reads {@link #settingsLines} (or any Properties text without continuation lines), keeping the order. */
    private static Map<String, String> parseSettings(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            Properties one = new Properties();
            try {
                one.load(new java.io.StringReader(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            one.stringPropertyNames().forEach(k -> out.put(k, one.getProperty(k)));
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            analytics.close();
            computes.values().forEach(Compute::close);
            pastComputes.values().forEach(Compute::close);
        } finally {
            storage.close();
        }
    }
}
