package org.lakepg.storage.cloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.safekeeper.SafekeeperQuorum;
import org.lakepg.storage.cloud.wal.SafekeeperWalService;

/**
 * Three {@link SafekeeperMain} processes: one is killed with destroyForcibly (SIGKILL) while the compute commits,
 * commits continue on the other two, the killed one restarts and catches up; then all three are killed and
 * restarted and every acknowledged record is still there.
 */
class SafekeeperProcessIT {

    @TempDir
    Path dir;

    private final Process[] processes = new Process[3];
    private List<SafekeeperAddress> members;

    @AfterEach
    void killAll() throws InterruptedException {
        for (Process p : processes) {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void killedSafekeeperProcessesLoseNothingAcknowledged() throws Exception {
        members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            members.add(new SafekeeperAddress(i, "127.0.0.1", SafekeeperQuorum.freePort()));
        }
        for (int i = 0; i < 3; i++) {
            start(i);
        }
        TimelineId t = TimelineId.random();
        List<Lsn> acknowledged = new ArrayList<>();
        try (SafekeeperWalService wal = SafekeeperWalService.connect(members)) {
            wal.acquire(t, Lsn.INVALID);
            commit(wal, t, 0, 50, acknowledged);
            kill(0);
            commit(wal, t, 50, 100, acknowledged);
            start(0);
            commit(wal, t, 100, 120, acknowledged);
            Lsn durable = wal.durableLsn(t);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (wal.client().status(t, members.get(0)).endLsn().isBefore(durable)) {
                assertThat(System.nanoTime()).as(() -> "restarted safekeeper catches up; its log:\n" + logTail(0, 60)
                        + "\nthe others':\n" + logTail(1, 30) + "\n" + logTail(2, 30)).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
        for (int i = 0; i < 3; i++) {
            kill(i);
        }
        for (int i = 0; i < 3; i++) {
            start(i);
        }
        try (SafekeeperWalService wal = SafekeeperWalService.connect(members)) {
            List<WalEntry> all = new ArrayList<>();
            try (WalReader reader = wal.read(t, Lsn.INVALID)) {
                reader.forEachRemaining(all::add);
            }
            assertThat(all.stream().map(WalEntry::lsn).toList()).isEqualTo(acknowledged);
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).record()).isEqualTo(record(i));
            }
        }
    }

    /** The last lines of a member's log, for a failure message (the temporary directory is gone afterwards). */
    private String logTail(int index, int lines) {
        try {
            List<String> all = java.nio.file.Files.readAllLines(dir.resolve("sk" + members.get(index).id() + ".log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static WalRecord record(int i) {
        return WalRecord.of(PagePatch.of(PageKey.main(42, i), 100, ("record " + i).getBytes(StandardCharsets.UTF_8)));
    }

    private static void commit(SafekeeperWalService wal, TimelineId t, int from, int to, List<Lsn> acknowledged) throws Exception {
        for (int i = from; i < to; i++) {
            Lsn lsn = wal.append(t, record(i));
            wal.flush(t, lsn).get(60, TimeUnit.SECONDS);
            acknowledged.add(lsn);
        }
    }

    private void kill(int index) throws InterruptedException {
        processes[index].destroyForcibly();
        assertThat(processes[index].waitFor(30, TimeUnit.SECONDS)).isTrue();
        processes[index] = null;
    }

    private void start(int index) throws IOException, InterruptedException {
        SafekeeperAddress self = members.get(index);
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), SafekeeperMain.class.getName(), "safekeeper",
                "--id", Integer.toString(self.id()), "--port", Integer.toString(self.port()),
                "--data", dir.resolve("sk" + self.id()).toString(),
                "--peers", members.stream().map(SafekeeperAddress::toString).collect(Collectors.joining(",")),
                "--snapshot-every", "16")
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("sk" + self.id() + ".log").toFile()))
                .start();
        processes[index] = process;
        CountDownLatch listening = new CountDownLatch(1);
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("safekeeper " + self.id() + " listening on port " + self.port())) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        assertThat(listening.await(60, TimeUnit.SECONDS)).as("safekeeper %d starts", self.id()).isTrue();
    }
}
