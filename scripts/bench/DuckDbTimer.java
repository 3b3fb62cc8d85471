import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Arrays;

/**
 * DuckDB's side of scripts/bench/analytics-compare: runs each query (one per argument after the first three) on
 * Parquet files as a view named after the table, once to warm up and then RUNS times, and prints per query
 * "label<TAB>median ms<TAB>mean process CPU ms<TAB>rows" so the script can compare its rows with the other engines'.
 * usage: java -cp duckdb_jdbc.jar DuckDbTimer.java GLOB THREADS RUNS label=sql ...
 */
public final class DuckDbTimer {
    public static void main(String[] args) throws Exception {
        String glob = args[0];
        int threads = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("CREATE VIEW lineitem AS SELECT * FROM read_parquet('" + glob.replace("'", "''") + "')");
            for (int a = 3; a < args.length; a++) {
                String label = args[a].substring(0, args[a].indexOf('='));
                String sql = args[a].substring(label.length() + 1);
                String rows = run(s, sql); // warm-up (file metadata and OS cache)
                long[] ms = new long[runs];
                var os = (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpuStart = os.getProcessCpuTime();
                for (int r = 0; r < runs; r++) {
                    long start = System.nanoTime();
                    run(s, sql);
                    ms[r] = (System.nanoTime() - start) / 1_000_000;
                }
                long cpuMs = (os.getProcessCpuTime() - cpuStart) / 1_000_000 / runs;
                Arrays.sort(ms);
                System.out.println(label + "\t" + ms[runs / 2] + "\t" + cpuMs + "\t" + rows.replace("\n", "\\n"));
            }
        }
    }

    /** The rows as psql -At prints them (columns joined by '|'), read to the end so timing includes the fetch. */
    private static String run(Statement s, String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
