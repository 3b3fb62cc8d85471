package org.lakepg.server.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.InputRef;

/** A FROM proven empty (a constant-false WHERE): no rows, the FROM items' columns kept. */
class GatingQualsTest {
    @Test
    void emptyRowsKeepTheColumnsTypesAndNames() {
        var plan = (ProjectNode) GatingQuals.emptyRows(List.of(OutputColumn.computed("f1", TypeOids.INT4, -1),
                OutputColumn.computed("t", TypeOids.TEXT, -1)));
        assertThat(plan.width()).isEqualTo(2);
        assertThat(plan.expressions()).allMatch(e -> e instanceof InputRef);
        assertThat(plan.expressions()).extracting(e -> ((InputRef) e).name()).containsExactly("f1", "t");
        assertThat(plan.expressions()).extracting(e -> e.type()).containsExactly(TypeOids.INT4, TypeOids.TEXT);
        // the projection never runs: a constant-false filter over a Result
        var filter = (FilterNode) plan.input();
        assertThat(filter.input()).isInstanceOf(ResultNode.class);
        assertThat(filter.condition()).isEqualTo(new Const(TypeOids.BOOL, -1, false));
    }
}
