package org.lakepg.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A compute process waiting to be assigned by the serverless proxy. What makes a JVM start slow is class loading
 * and JIT warm-up, so the standby loads the classes a session needs (the SQL parser and analyzer, the wire codecs)
 * before it waits.
 */
final class Standby {
    private Standby() {
    }

    /**
     * Warms up, prints a line the proxy waits for, then waits for "attach" (optionally followed by tab-separated
     * arguments for this compute, e.g. its endpoint's data directory); empty when stdin closes first.
     */
    static java.util.Optional<java.util.List<String>> awaitAttach() {
        warmUp();
        System.out.println("lakepg standby ready");
        System.out.flush();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] words = line.strip().split("\t");
                if (words[0].equals("attach")) {
                    return java.util.Optional.of(java.util.List.of(words).subList(1, words.length));
                }
            }
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    private static void warmUp() {
        String[] statements = {
            "select 1",
            "select a.x, count(*) from t a join u b on a.id = b.id where a.y > $1 group by a.x order by 2 desc limit 10",
            "insert into t (a, b) values (1, 'x') returning *",
            "update pgbench_accounts set abalance = abalance + 1 where aid = 1",
        };
        for (int i = 0; i < 50; i++) {
            for (String sql : statements) {
                org.lakepg.server.sql.parser.SqlParser.parse(sql);
            }
        }
        org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get(); // reads the built-in catalog CSVs
        org.lakepg.server.function.FunctionRegistry.builtins();
        if ("off".equals(System.getenv("LAKEPG_STANDBY_WARM_UP"))) {
            return; // the proxy needs this compute now
        }
        long start = System.nanoTime();
        int ran = ScratchWarmUp.run(ScratchWarmUp.STANDBY_BUDGET);
        System.out.printf("lakepg standby warmed up: %d statements on a scratch server in %d ms%n", ran,
                (System.nanoTime() - start) / 1_000_000);
    }
}
