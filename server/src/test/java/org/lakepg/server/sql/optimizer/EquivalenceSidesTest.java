package org.lakepg.server.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

class EquivalenceSidesTest {
    private static InputRef column(int index) {
        return new InputRef(index, TypeOids.INT4, -1, null);
    }

    private static FuncExpr op(String name, BoundExpr a, BoundExpr b) {
        return new FuncExpr(96, name, "int4eq", FuncExpr.Form.OPERATOR, List.of(a, b), true, 'i', TypeOids.BOOL, -1);
    }

    @Test
    void twoRelationsPutTheEarlierFromItemFirst() {
        assertThat(EquivalenceSides.leftFirst(1, 1, true)).isTrue();
        assertThat(EquivalenceSides.leftFirst(1, 1, false)).isFalse();
    }

    @Test
    void aJoinedPartComesBeforeASingleRelationAndTheSmallerPartOfABushyJoinFirst() {
        assertThat(EquivalenceSides.leftFirst(1, 2, true)).isFalse();
        assertThat(EquivalenceSides.leftFirst(3, 1, false)).isTrue();
        assertThat(EquivalenceSides.leftFirst(2, 3, false)).isTrue();
        assertThat(EquivalenceSides.leftFirst(2, 2, false)).isFalse();
    }

    @Test
    void anEqualityReadingTheSecondPartFirstIsTurnedAround() {
        // columns 0-1 are the left part, 2-3 the right one: (right.c2 = left.c0) with the left part first
        FuncExpr written = op("=", column(2), column(0));
        assertThat(EquivalenceSides.oriented(written, 2, true, t -> true)).isEqualTo(op("=", column(0), column(2)));
        assertThat(EquivalenceSides.oriented(written, 2, false, t -> true)).isSameAs(written);
    }

    @Test
    void otherConditionsStayAsWritten() {
        FuncExpr less = op("<", column(2), column(0));
        FuncExpr oneSide = op("=", column(0), column(1));
        FuncExpr unsortable = op("=", column(2), column(0));
        assertThat(EquivalenceSides.oriented(less, 2, true, t -> true)).isSameAs(less);
        assertThat(EquivalenceSides.oriented(oneSide, 2, true, t -> true)).isSameAs(oneSide);
        assertThat(EquivalenceSides.oriented(unsortable, 2, true, t -> false)).isSameAs(unsortable);
    }
}
