package org.lakepg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
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
 */
public final class Cluster implements AutoCloseable {
    public static final String TEMPLATE0 = "template0";
    private static final String SETTINGS_FILE = "database-settings.properties";

    private final Storage storage;
    private final Path dataDir;
    private final int bufferPages;
    private final Map<String, Compute> computes = new HashMap<>();
    private final Map<String, AtomicInteger> sessions = new HashMap<>();
    private final Properties databaseSettings = new Properties();

    private Cluster(Storage storage, Path dataDir, int bufferPages) {
        this.storage = storage;
        this.dataDir = dataDir;
        this.bufferPages = bufferPages;
    }

    public static Cluster open(String storageName, Path dataDir, int bufferPages) {
        Storage storage = Storage.load(storageName, new StorageConfig(dataDir.resolve("storage"), Map.of()));
        Cluster cluster = new Cluster(storage, dataDir, bufferPages);
        try {
            for (String initial : new String[] {"template1", "postgres"}) {
                if (storage.timelines().byName(initial).isEmpty()) {
                    storage.timelines().createTimeline(initial);
                }
            }
            Path settings = dataDir.resolve(SETTINGS_FILE);
            if (Files.exists(settings)) {
                try (InputStream in = Files.newInputStream(settings)) {
                    cluster.databaseSettings.load(in);
                }
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Names of the databases (the timelines of the store), for pg_database. */
    public synchronized java.util.List<String> databaseNames() {
        return storage.timelines().list().stream().map(Timeline::name).toList();
    }

    public boolean exists(String database) {
        return storage.timelines().byName(database).isPresent();
    }

    /** The compute serving a database, started on first use; 3D000 when there is no such database. */
    public synchronized Compute compute(String database) {
        Compute c = computes.get(database);
        if (c != null) {
            return c;
        }
        Timeline timeline = storage.timelines().byName(database).orElseThrow(() -> PgException.of(
                SqlState.INVALID_CATALOG_NAME, "database \"%s\" does not exist", database));
        c = Compute.open(storage, timeline, bufferPages);
        computes.put(database, c);
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
        if (n != null) {
            n.decrementAndGet();
        }
    }

    public synchronized void create(String name, String template) {
        if (exists(name) || name.equals(TEMPLATE0)) {
            throw PgException.of(SqlState.DUPLICATE_DATABASE, "database \"%s\" already exists", name);
        }
        if (template == null || template.equals(TEMPLATE0)) {
            storage.timelines().createTimeline(name);
            return;
        }
        Timeline source = storage.timelines().byName(template).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_DATABASE, "template database \"%s\" does not exist", template));
        int others = activeSessions(template);
        if (others > 0) {
            throw PgException.of(SqlState.OBJECT_IN_USE, "source database \"%s\" is being accessed by other users",
                    template).withDetail(others == 1 ? "There is 1 other session using the database."
                    : "There are " + others + " other sessions using the database.");
        }
        storage.timelines().branch(source.id(), null, name);
    }

    /** DROP DATABASE; {@code current} is the database the dropping session is connected to. */
    public synchronized boolean drop(String name, boolean missingOk, String current) {
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
        int others = activeSessions(name);
        if (others > 0) {
            throw PgException.of(SqlState.OBJECT_IN_USE, "database \"%s\" is being accessed by other users", name)
                    .withDetail(others == 1 ? "There is 1 other session using the database."
                            : "There are " + others + " other sessions using the database.");
        }
        Compute compute = computes.remove(name);
        if (compute != null) {
            compute.close();
        }
        storage.timelines().delete(timeline.get().id());
        setSettings(name, Map.of());
        return true;
    }

    private int activeSessions(String database) {
        AtomicInteger n = sessions.get(database);
        return n == null ? 0 : n.get();
    }

    /** ALTER DATABASE ... SET values, applied to sessions connecting later. */
    public synchronized Map<String, String> settings(String database) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = database + "/";
        for (String key : databaseSettings.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), databaseSettings.getProperty(key));
            }
        }
        return out;
    }

    public synchronized void setSetting(String database, String name, String value) {
        Map<String, String> current = settings(database);
        if (value == null) {
            current.remove(name);
        } else {
            current.put(name, value);
        }
        setSettings(database, current);
    }

    private void setSettings(String database, Map<String, String> values) {
        String prefix = database + "/";
        databaseSettings.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).toList()
                .forEach(databaseSettings::remove);
        values.forEach((k, v) -> databaseSettings.setProperty(prefix + k, v));
        try (OutputStream out = Files.newOutputStream(dataDir.resolve(SETTINGS_FILE))) {
            databaseSettings.store(out, "ALTER DATABASE ... SET values, as database/name=value");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            computes.values().forEach(Compute::close);
        } finally {
            storage.close();
        }
    }
}
