package org.lakepg.storage.cloud.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a process's {@link Metrics}: rewrites {@code file} every second (write to a temporary file, then an
 * atomic rename, so a reader never sees half a file) and logs a one-line summary of the last interval every
 * {@code logEvery} seconds when anything happened.
 */
public final class MetricsFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsFile.class);

    private final Metrics metrics;
    private final Path file;
    private final String process;
    private final int logEvery;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lakepg-metrics").daemon(true).factory());
    private Map<String, LatencyHistogram.Snapshot> loggedHistograms = Map.of();
    private Map<String, Long> loggedCounters = Map.of();
    private long ticks;

    private MetricsFile(Metrics metrics, Path file, String process, int logEvery) {
        this.metrics = metrics;
        this.file = file;
        this.process = process;
        this.logEvery = logEvery;
    }

    /** Starts publishing; {@code logEvery} 0 never logs. */
    public static MetricsFile start(Metrics metrics, Path file, String process, int logEvery) {
        MetricsFile published = new MetricsFile(metrics, file, process, logEvery);
        published.timer.scheduleWithFixedDelay(published::tick, 1, 1, TimeUnit.SECONDS);
        return published;
    }

    private void tick() {
        try {
            write();
            if (logEvery > 0 && ++ticks % logEvery == 0) {
                String summary = metrics.summarySince(loggedHistograms, loggedCounters);
                loggedHistograms = metrics.histogramSnapshots();
                loggedCounters = metrics.counterValues();
                if (!summary.isEmpty()) {
                    LOG.info("{} last {} s: {}", process, logEvery, summary);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not publish metrics to {}: {}", file, e.toString());
        }
    }

    /** Writes the file now. */
    public void write() {
        StringBuilder text = new StringBuilder();
        metrics.asProperties().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            write();
        } catch (RuntimeException ignored) {
            // the process is going away; the last second of figures is not worth failing shutdown for
        }
    }
}
