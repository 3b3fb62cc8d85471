package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.cloud.cluster.LocalCluster;
import org.lakepg.storage.local.FileUtil;

/**
 * Branches and time travel on the cloud store: a branch is a new timeline on the safekeepers (its WAL starts at
 * the branch LSN) attached to the pageserver, which serves the parent's pages below that LSN; a time-travel read
 * asks the pageserver for pages at an old LSN. Both survive the compute being replaced by one with an empty disk.
 */
class CloudBranchesIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void branchesAndTimeTravelWorkThroughThePageserver() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir)) {
            String before;
            try (Connection main = fixture.connect()) {
                run(main, "create table acct (id int primary key, bal int)", "insert into acct values (1, 100), (2, 200)");
                before = rows(main, "select lakepg_create_branch('dev')").get(0);
                run(main, "update acct set bal = bal + 1 where id = 1", "delete from acct where id = 2");
                try (Connection dev = connect(fixture, "postgres@dev")) {
                    assertThat(rows(dev, "select * from acct order by id")).containsExactly("1|100", "2|200");
                    run(dev, "insert into acct values (3, 300)");
                    assertThat(rows(dev, "select * from acct order by id")).containsExactly("1|100", "2|200", "3|300");
                }
                assertThat(rows(main, "select * from acct order by id")).containsExactly("1|101");
                run(main, "set lakepg.read_lsn = '" + before + "'");
                assertThat(rows(main, "select * from acct order by id")).containsExactly("1|100", "2|200");
                run(main, "reset lakepg.read_lsn");
            }

            // a new compute with nothing on disk finds the branch and the history through the pageserver
            fixture.cluster.kill(LocalCluster.COMPUTE);
            FileUtil.deleteRecursively(fixture.cluster.dataDir(LocalCluster.COMPUTE));
            fixture.cluster.startService(LocalCluster.COMPUTE);
            try (Connection dev = connect(fixture, "postgres@dev")) {
                assertThat(rows(dev, "select * from acct order by id")).containsExactly("1|100", "2|200", "3|300");
                run(dev, "update acct set bal = 0 where id = 3");
                assertThat(rows(dev, "select bal from acct where id = 3")).containsExactly("0");
            }
            try (Connection main = fixture.connect()) {
                assertThat(rows(main, "select * from acct order by id")).containsExactly("1|101");
                run(main, "set lakepg.read_lsn = '" + before + "'");
                assertThat(rows(main, "select * from acct order by id")).containsExactly("1|100", "2|200");
                run(main, "reset lakepg.read_lsn");
                assertThat(rows(main, "select name, parent from lakepg_branches() where name = 'dev'"))
                        .containsExactly("dev|main");
                run(main, "select lakepg_drop_branch('dev')");
                assertThat(rows(main, "select count(*) from lakepg_branches() where name = 'dev'")).containsExactly("0");
            }
        }
    }

    private static Connection connect(ClusterFixture fixture, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + fixture.cluster.port(LocalCluster.COMPUTE)
                + "/" + database + "?user=postgres");
    }
}
