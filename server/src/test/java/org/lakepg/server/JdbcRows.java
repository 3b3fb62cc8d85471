package org.lakepg.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Query helpers for ITs talking to a server over pgjdbc: rows as "a|b|c" strings, the first value, statements. */
public final class JdbcRows {
    private JdbcRows() {
    }

    /** Every row of {@code sql}, its columns' text joined by "|" (NULL as "null"). */
    public static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** The first row of {@code sql}. */
    public static String one(Connection c, String sql) throws SQLException {
        return rows(c, sql).get(0);
    }

    /** Runs statements in order on one connection. */
    public static void run(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
