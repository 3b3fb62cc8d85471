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

    /** Warms up, prints a line the proxy waits for, then waits for "attach"; false when stdin closes first. */
    static boolean awaitAttach() {
        warmUp();
        System.out.println("lakepg standby ready");
        System.out.flush();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.trim().equals("attach")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
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
        long start = System.nanoTime();
        int ran = ScratchWarmUp.run();
        System.out.printf("lakepg standby warmed up: %d statements on a scratch server in %d ms%n", ran,
                (System.nanoTime() - start) / 1_000_000);
    }
}
