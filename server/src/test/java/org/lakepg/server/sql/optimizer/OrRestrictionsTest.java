package org.lakepg.server.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/** Restrictions a join's OR condition implies for one input (extract_restriction_or_clauses). */
class OrRestrictionsTest {
    /** Two inputs of two int4 columns each: a = columns 0-1, b = columns 2-3. */
    private final List<JoinOrder.Input> inputs = List.of(
            new JoinOrder.Input(new ValuesNode(List.of(), 2), 0, 2),
            new JoinOrder.Input(new ValuesNode(List.of(), 2), 2, 2));

    private static BoundExpr eq(int column, int value) {
        return new FuncExpr(96, "=", "int4eq", FuncExpr.Form.OPERATOR,
                List.of(new InputRef(column, TypeOids.INT4, -1, null), new Const(TypeOids.INT4, -1, value)), true, 'i',
                TypeOids.BOOL, -1);
    }

    private static BoundExpr and(BoundExpr... parts) {
        return new BoolExpr(BoolExpr.Kind.AND, List.of(parts));
    }

    private static BoundExpr or(BoundExpr... parts) {
        return new BoolExpr(BoolExpr.Kind.OR, List.of(parts));
    }

    @Test
    void eachInputGetsTheOrOfItsOwnConditionsPerArm() {
        // (a.0 = 1 AND b.2 = 2) OR (a.1 = 3 AND b.3 = 4)
        BoundExpr join = or(and(eq(0, 1), eq(2, 2)), and(eq(1, 3), eq(3, 4)));
        List<Integer> asked = new ArrayList<>();
        List<BoundExpr> implied = OrRestrictions.implied(List.of(join), inputs, (i, r) -> {
            asked.add(i);
            return 0.01;
        });
        assertThat(implied).containsExactly(or(eq(0, 1), eq(1, 3)), or(eq(2, 2), eq(3, 4)));
        assertThat(asked).containsExactly(0, 1);
    }

    @Test
    void anArmWithoutAConditionOnTheInputImpliesNothingForIt() {
        // (a.0 = 1 AND b.2 = 2) OR b.3 = 4: b's rows are restricted, a's are not
        BoundExpr join = or(and(eq(0, 1), eq(2, 2)), eq(3, 4));
        assertThat(OrRestrictions.implied(List.of(join), inputs, (i, r) -> 0.5))
                .containsExactly(or(eq(2, 2), eq(3, 4)));
    }

    @Test
    void nestedOrsAreFlattenedAndUnselectiveOnesLeftOut() {
        // (a.0 = 1 AND b.2 = 2) OR ((a.1 = 3 OR a.1 = 7) AND b.2 = 4)
        BoundExpr join = or(and(eq(0, 1), eq(2, 2)), and(or(eq(1, 3), eq(1, 7)), eq(2, 4)));
        List<BoundExpr> implied = OrRestrictions.implied(List.of(join), inputs, (i, r) -> i == 0 ? 0.2 : 0.95);
        assertThat(implied).containsExactly(or(eq(0, 1), eq(1, 3), eq(1, 7)));
    }

    @Test
    void restrictionsAndOneInputOrsAreLeftAlone() {
        BoundExpr ownOr = or(eq(0, 1), eq(1, 2));
        assertThat(OrRestrictions.implied(List.of(ownOr, eq(2, 5)), inputs, (i, r) -> 0.01)).isEmpty();
        // already there: not added twice
        BoundExpr join = or(and(eq(0, 1), eq(2, 2)), and(eq(1, 2), eq(3, 4)));
        assertThat(OrRestrictions.implied(List.of(join, ownOr), inputs, (i, r) -> 0.01))
                .containsExactly(or(eq(2, 2), eq(3, 4)));
    }
}
