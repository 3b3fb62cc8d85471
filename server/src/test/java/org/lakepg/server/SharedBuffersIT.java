package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.session.SettingsRegistry;

/** shared_buffers sizes each database's buffer cache, and SHOW tells the size in use. */
class SharedBuffersIT {

    @Test
    void theSettingSizesTheBufferCacheAndShowReportsIt() throws Exception {
        try (TestServer server = TestServer.start("shared-buffers", List.of("-c", "shared_buffers=48MB"));
             Connection c = DriverManager.getConnection(server.url());
             Statement s = c.createStatement()) {
            assertThat(show(s)).isEqualTo("48MB");
            s.execute("create table t (id int primary key, pad text)");
            s.execute("insert into t select g, repeat('x', 500) from generate_series(1, 2000) g");
            var cache = server.server().cluster().compute("postgres").access().cache();
            assertThat(cache.capacity()).isEqualTo(48 * 128);
            assertThat(cache.allocatedFrames()).isBetween(1, 48 * 128);
        }
    }

    @Test
    void theDefaultIsAQuarterOfTheHeapAtMostOneGigabyte() throws Exception {
        try (TestServer server = TestServer.start("shared-buffers-default");
             Connection c = DriverManager.getConnection(server.url());
             Statement s = c.createStatement()) {
            long pages = SettingsRegistry.defaultSharedBuffers();
            assertThat(pages * 8192).isLessThanOrEqualTo(1L << 30);
            assertThat(server.server().cluster().compute("postgres").access().cache().capacity()).isEqualTo((int) pages);
            s.execute("select 1");
            assertThat(show(s)).isNotEmpty();
        }
    }

    private static String show(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("show shared_buffers")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
