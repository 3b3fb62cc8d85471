package org.lakepg.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.TimelineId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with real processes: a child JVM ({@link CrashChild}) appends and flushes WAL with four committers
 * plus background checkpoints and is killed with -9 at a random moment, 50 times over the same data directory.
 * After each kill: every LSN the child reported durable is readable with its value, and the latest state holds
 * whole records only.
 */
class WalCrashIT {

    private static final int ROUNDS = Integer.getInteger("lakepg.crashRounds", 50);

    @TempDir
    Path dir;

    private record Durable(long i, long lsn) {
    }

    @Test
    void killedWriterLosesNothingDurableAndHalfAppliesNothing() throws Exception {
        Random random = new Random(Long.getLong("lakepg.seed", System.nanoTime()));
        Path data = dir.resolve("data");
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        long maxDurable = -1;
        long totalDurable = 0;
        long started = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), data.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.log").toFile()))
                    .start();
            List<Durable> durable = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch running = new CountDownLatch(1);
            Thread reader = Thread.ofPlatform().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        String[] parts = line.split(" ");
                        if (parts[0].equals("start")) {
                            running.countDown();
                        } else if (parts[0].equals("durable")) {
                            durable.add(new Durable(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
                        }
                    }
                } catch (Exception e) {
                    // the pipe closes when the child dies
                }
            });
            assertThat(running.await(60, TimeUnit.SECONDS)).as("child started (see child.log)").isTrue();
            Thread.sleep(20 + random.nextInt(300));
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
            reader.join();

            try (LocalStorage store = LocalStorage.open(new StorageConfig(data, Map.of("background", "false")))) {
                TimelineId timeline = store.timelines().byName("main").orElseThrow().id();
                Lsn end = store.wal().insertLsn(timeline);
                for (Durable d : sample(durable, random, 100)) {
                    assertThat(d.lsn()).as("durable LSN survives").isLessThanOrEqualTo(end.value());
                    byte[] page = store.pages().getPage(timeline, PageKey.main(CrashChild.RELATION, (int) (d.i() % CrashChild.BLOCKS)), Lsn.of(d.lsn()));
                    assertThat(ByteBuffer.wrap(page).getLong(0)).as("record %d at %s", d.i(), Lsn.of(d.lsn())).isEqualTo(d.i());
                }
                long next = checkWholeRecords(store, timeline, end);
                for (Durable d : durable) {
                    maxDurable = Math.max(maxDurable, d.i());
                }
                assertThat(next - 1).as("last record after restart").isGreaterThanOrEqualTo(maxDurable);
                totalDurable += durable.size();
                if (random.nextBoolean()) {
                    store.closeAbruptly();
                }
            }
        }
        System.out.printf("WalCrashIT: %d kills, %d durable commits verified, %.1f s%n",
                ROUNDS, totalDurable, (System.nanoTime() - started) / 1e9);
        assertThat(totalDurable).as("the children committed something").isPositive();
    }

    /** Every block holds the newest record written to it, in both places; returns the next record number. */
    private static long checkWholeRecords(LocalStorage store, TimelineId timeline, Lsn end) {
        long next = 0;
        List<ByteBuffer> pages = new ArrayList<>();
        for (int b = 0; b < CrashChild.BLOCKS; b++) {
            ByteBuffer page = ByteBuffer.wrap(store.pages().getPage(timeline, PageKey.main(CrashChild.RELATION, b), end));
            pages.add(page);
            next = Math.max(next, page.getLong(0) + 1);
        }
        for (long i = Math.max(0, next - CrashChild.BLOCKS); i < next; i++) {
            ByteBuffer page = pages.get((int) (i % CrashChild.BLOCKS));
            assertThat(page.getLong(0)).as("block of record %d", i).isEqualTo(i);
            int slot = CrashChild.slotOffset(i);
            assertThat(page.getLong(slot)).as("second patch of record %d", i).isEqualTo(i);
            assertThat(page.getLong(slot + 8)).as("second patch of record %d", i).isEqualTo(~i);
        }
        return next;
    }

    private static <T> List<T> sample(List<T> all, Random random, int n) {
        List<T> copy = new ArrayList<>(all);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }
}
