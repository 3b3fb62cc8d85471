package org.lakepg.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;

/** PostgreSQL's attnums and row layouts of tables that dropped columns (lakepg's rows keep no slot for them). */
class TableInfoTest {

    private static TableInfo table(String... names) {
        List<ColumnInfo> columns = new java.util.ArrayList<>();
        for (String n : names) {
            columns.add(new ColumnInfo(n, (short) (columns.size() + 1), TypeOids.INT4, -1, false));
        }
        return new TableInfo(1, "t", 2200, 10, 11, columns);
    }

    @Test
    void liveColumnsSkipTheAttnumsOfDroppedOnes() {
        // (a, q, b) drop q: b keeps attnum 3
        TableInfo dropped = table("a", "q", "b").withDroppedColumn(2);
        TableInfo after = new TableInfo(1, "t", 2200, 10, 11, table("a", "b").columns(), 'p', List.of(), 0,
                dropped.droppedAttnums(), 0);
        assertThat(after.droppedAttnums()).containsExactly((short) 2);
        assertThat(after.attnum(1)).isEqualTo(1);
        assertThat(after.attnum(2)).isEqualTo(3);
        // dropping b next keeps 3 too
        assertThat(after.withDroppedColumn(2).droppedAttnums()).containsExactly((short) 2, (short) 3);
    }

    @Test
    void sameLayoutNeedsTheSameAttributesDroppedOnesIncluded() {
        TableInfo root = table("a", "b");
        assertThat(TableInfo.sameLayout(root, table("a", "b"))).isTrue();
        assertThat(TableInfo.sameLayout(root, table("b", "a"))).isFalse();
        TableInfo withGap = new TableInfo(1, "t", 2200, 10, 11, root.columns(), 'p', List.of(), 0,
                List.of((short) 2), 0);
        assertThat(TableInfo.sameLayout(root, withGap)).isFalse();
        assertThat(TableInfo.sameLayout(withGap, withGap)).isTrue();
    }
}
