package org.lakepg.server.access.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.txn.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a compute that runs concurrent committing writers with -9, 30 times, on storage-local; after every kill a
 * new compute finds every acknowledged commit, nothing from rolled-back or unfinished transactions, per-writer
 * counters that match the committed rows, and a clean verifier.
 */
class AccessCrashIT {

    private static final int ROUNDS = 30;

    private record Key(int writer, long seq) {
    }

    @Test
    void everyAcknowledgedCommitSurvivesAKillAndNothingElseIsVisible(@TempDir Path dir) throws Exception {
        CrashTable.open(dir).close(); // create the table once
        Set<Key> acknowledged = ConcurrentHashMap.newKeySet();
        Random random = new Random(5);
        int totalAcks = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (Runtime.version().feature() >= 23) {
                command.add("--sun-misc-unsafe-memory-access=allow"); // unknown to (and not needed by) older JDKs
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    CrashWorkload.class.getName(), dir.toString(), String.valueOf(round)));
            Process child = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child-stderr.log").toFile()))
                    .start();
            CountDownLatch ready = new CountDownLatch(1);
            int[] acks = new int[1];
            Thread reader = Thread.ofPlatform().start(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.equals("READY")) {
                            ready.countDown();
                        } else if (line.startsWith("ACK ")) {
                            String[] parts = line.split(" ");
                            acknowledged.add(new Key(Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
                            acks[0]++;
                        }
                    }
                } catch (Exception e) {
                    // the pipe breaks when the child dies
                }
            });
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started (see child-stderr.log)").isTrue();
            Thread.sleep(300 + random.nextInt(900));
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join();
            totalAcks += acks[0];

            CrashTable table = CrashTable.open(dir);
            try {
                Transaction txn = table.compute.txns().begin();
                Map<Integer, Long> counters = new HashMap<>();
                Map<Integer, Long> committedRows = new HashMap<>();
                Set<Key> present = new HashSet<>();
                table.heap.scan(txn.snapshot()).forEachRemaining(t -> {
                    byte[] row = t.payload();
                    int writer = CrashTable.writer(row);
                    long seq = CrashTable.seq(row);
                    if (seq == -1) {
                        assertThat(counters.put(writer, Bytes.i64(row, 13))).as("one counter per writer").isNull();
                        return;
                    }
                    assertThat(CrashTable.kind(row)).as("row %d/%d", writer, seq).isEqualTo(CrashTable.COMMITTED);
                    assertThat(present.add(new Key(writer, seq))).isTrue();
                    committedRows.merge(writer, 1L, Long::sum);
                });
                assertThat(present).as("round %d: acknowledged commits", round).containsAll(acknowledged);
                assertThat(counters).as("round %d: counters", round).isEqualTo(committedRows);
                List<String> problems = table.verify();
                assertThat(problems).as("round %d: verifier", round).isEmpty();
                txn.commit();
            } finally {
                table.close();
            }
        }
        assertThat(totalAcks).as("the children committed something").isGreaterThan(ROUNDS);
        System.out.println("crash test: " + ROUNDS + " kills, " + totalAcks + " acknowledged commits checked; "
                + Files.size(dir.resolve("child-stderr.log")) + " bytes of child stderr");
    }
}
