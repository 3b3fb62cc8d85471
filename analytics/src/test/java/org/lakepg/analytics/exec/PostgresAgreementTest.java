package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.plan.SortKey;
import org.lakepg.analytics.scan.InMemorySource;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Results whose exact form PostgreSQL decides (numeric scales of avg and division, result types, NULL handling,
 * errors); every expected value was produced by PostgreSQL 15.18 with the SQL in the comment.
 */
class PostgresAgreementTest {

    private static PlanNode.Scan values(Column column, Object... values) {
        Schema schema = Schema.of(column);
        List<Object[]> rows = new ArrayList<>();
        for (Object v : values) {
            rows.add(new Object[] {v});
        }
        return new PlanNode.Scan(new InMemorySource(schema, List.of(RandomData.batch(schema, rows))), List.of(0),
                List.of());
    }

    private static List<Object> run(PlanNode plan) {
        List<Object> out = new ArrayList<>();
        for (Batch b : new Executor().collect(plan)) {
            for (Object[] row : b.rows()) {
                out.add(row.length == 1 ? row[0] : Arrays.asList(row));
            }
        }
        return out;
    }

    private static Object aggregate(AggCall.Function f, PlanNode.Scan scan) {
        return run(new PlanNode.Aggregate(scan, List.of(), List.of(f == AggCall.Function.COUNT_STAR
                ? AggCall.countStar("a") : AggCall.of(f, 0, "a")))).get(0);
    }

    @Test
    void avgAndSumHavePostgresScalesAndTypes() {
        // select avg(x) from (values (1),(2)) v(x)  ->  1.5000000000000000
        assertThat(aggregate(AggCall.Function.AVG, values(Column.of("x", PgType.INT4), 1, 2)))
                .isEqualTo(new BigDecimal("1.5000000000000000"));
        // values (1),(2),(2)  ->  1.6666666666666667
        assertThat(aggregate(AggCall.Function.AVG, values(Column.of("x", PgType.INT4), 1, 2, 2)))
                .isEqualTo(new BigDecimal("1.6666666666666667"));
        // avg(x::int8) over 123456789012, 2, 7  ->  41152263007.00000000
        assertThat(aggregate(AggCall.Function.AVG, values(Column.of("x", PgType.INT8), 123456789012L, 2L, 7L)))
                .isEqualTo(new BigDecimal("41152263007.00000000"));
        // avg over 1.50, 2.25, 7.125  ->  3.6250000000000000 ; sum -> 10.875
        PlanNode.Scan numerics = values(Column.of("x", PgType.NUMERIC), new BigDecimal("1.50"), new BigDecimal("2.25"),
                new BigDecimal("7.125"));
        assertThat(aggregate(AggCall.Function.AVG, numerics)).isEqualTo(new BigDecimal("3.6250000000000000"));
        assertThat(aggregate(AggCall.Function.SUM, numerics)).isEqualTo(new BigDecimal("10.875"));
        // avg over 0.0001, 0.0002  ->  0.00015000000000000000
        assertThat(aggregate(AggCall.Function.AVG, values(Column.of("x", PgType.NUMERIC), new BigDecimal("0.0001"),
                new BigDecimal("0.0002")))).isEqualTo(new BigDecimal("0.00015000000000000000"));
        // avg over -5, -2  ->  -3.5000000000000000
        assertThat(aggregate(AggCall.Function.AVG, values(Column.of("x", PgType.INT4), -5, -2)))
                .isEqualTo(new BigDecimal("-3.5000000000000000"));
        // sum(x) over int8 9223372036854775807, 1  ->  9223372036854775808 (numeric)
        assertThat(aggregate(AggCall.Function.SUM, values(Column.of("x", PgType.INT8), Long.MAX_VALUE, 1L)))
                .isEqualTo(new BigDecimal("9223372036854775808"));
        // sum(x) over int4 2147483647, 2147483647  ->  4294967294 (bigint)
        assertThat(aggregate(AggCall.Function.SUM, values(Column.of("x", PgType.INT4), Integer.MAX_VALUE,
                Integer.MAX_VALUE))).isEqualTo(4294967294L);
        // pg_typeof(sum(1::float4)) = real, pg_typeof(avg(1::float4)) = double precision
        assertThat(aggregate(AggCall.Function.SUM, values(Column.of("x", PgType.FLOAT4), 1.5f, 2f))).isEqualTo(3.5f);
        assertThat(aggregate(AggCall.Function.AVG, values(Column.of("x", PgType.FLOAT4), 1.5f, 2f))).isEqualTo(1.75);
    }

    @Test
    void aggregatesOverNoRowsOrOnlyNulls() {
        // select count(*), count(x), sum(x), avg(x), min(x) from t where false  ->  0 | 0 | NULL | NULL | NULL
        PlanNode.Scan empty = values(Column.of("x", PgType.INT4));
        PlanNode plan = new PlanNode.Aggregate(empty, List.of(), List.of(AggCall.countStar("c"),
                AggCall.of(AggCall.Function.COUNT, 0, "n"), AggCall.of(AggCall.Function.SUM, 0, "s"),
                AggCall.of(AggCall.Function.AVG, 0, "a"), AggCall.of(AggCall.Function.MIN, 0, "m")));
        assertThat(run(plan)).containsExactly(Arrays.asList(0L, 0L, null, null, null));
        // with GROUP BY, no rows give no groups
        assertThat(run(new PlanNode.Aggregate(empty, List.of(0), List.of(AggCall.countStar("c"))))).isEmpty();
        // count(*) counts NULL rows, count(x) does not; NULL is a group of its own
        PlanNode.Scan nulls = values(Column.of("x", PgType.INT4), null, 1, null);
        assertThat(run(new PlanNode.Aggregate(nulls, List.of(0), List.of(AggCall.countStar("c"),
                AggCall.of(AggCall.Function.COUNT, 0, "n")))))
                .containsExactly(Arrays.asList(null, 2L, 0L), Arrays.asList(1, 1L, 1L));
    }

    @Test
    void numericDivisionAndModuloScales() {
        // select 10::numeric / 3, 1::numeric/7000, 12345678.9::numeric / 0.003, 1.0000::numeric / 3
        //   -> 3.3333333333333333 | 0.00014285714285714286 | 4115226300.00000000 | 0.33333333333333333333
        assertThat(divide("10", "3")).isEqualTo("3.3333333333333333");
        assertThat(divide("1", "7000")).isEqualTo("0.00014285714285714286");
        assertThat(divide("12345678.9", "0.003")).isEqualTo("4115226300.00000000");
        assertThat(divide("1.0000", "3")).isEqualTo("0.33333333333333333333");
        // select 7.5 % 2, -7.5 % 2.25  ->  1.5 | -0.75
        assertThat(binary(Expr.ArithOp.MODULO, "7.5", "2")).isEqualTo("1.5");
        assertThat(binary(Expr.ArithOp.MODULO, "-7.5", "2.25")).isEqualTo("-0.75");
    }

    private static String divide(String a, String b) {
        return binary(Expr.ArithOp.DIVIDE, a, b);
    }

    private static String binary(Expr.ArithOp op, String a, String b) {
        PlanNode.Scan one = values(Column.of("x", PgType.NUMERIC), new BigDecimal(a));
        Object r = run(new PlanNode.Project(one, List.of(new Expr.Arithmetic(op, new Expr.ColumnRef(0),
                new Expr.Literal(new BigDecimal(b), PgType.NUMERIC))), List.of("q"))).get(0);
        return ((BigDecimal) r).toPlainString();
    }

    @Test
    void integerArithmeticTypesAndErrors() {
        // select 7 % -3, -7 % 3  ->  1 | -1
        PlanNode.Scan seven = values(Column.of("x", PgType.INT4), 7, -7);
        assertThat(run(new PlanNode.Project(seven, List.of(new Expr.Arithmetic(Expr.ArithOp.MODULO,
                new Expr.ColumnRef(0), new Expr.Literal(-3, PgType.INT4))), List.of("m")))).containsExactly(1, -1);
        // pg_typeof(1::int2 + 1::int2) = smallint; select 32767::int2 + 1::int2 -> ERROR: smallint out of range
        PlanNode.Scan shorts = values(Column.of("x", PgType.INT2), (short) 32767);
        PlanNode plus = new PlanNode.Project(shorts, List.of(new Expr.Arithmetic(Expr.ArithOp.ADD,
                new Expr.ColumnRef(0), new Expr.Literal((short) 1, PgType.INT2))), List.of("s"));
        assertThat(plus.schema().column(0).type()).isEqualTo(PgType.INT2);
        assertThatThrownBy(() -> run(plus)).isInstanceOf(PgException.class).hasMessage("smallint out of range")
                .satisfies(e -> assertThat(((PgException) e).sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
        // select 2147483647 * 2 -> ERROR: integer out of range
        assertThatThrownBy(() -> run(new PlanNode.Project(values(Column.of("x", PgType.INT4), Integer.MAX_VALUE),
                List.of(new Expr.Arithmetic(Expr.ArithOp.MULTIPLY, new Expr.ColumnRef(0),
                        new Expr.Literal(2, PgType.INT4))), List.of("p")))).hasMessage("integer out of range");
        // select 1/0 -> ERROR: division by zero
        assertThatThrownBy(() -> run(new PlanNode.Project(values(Column.of("x", PgType.INT4), 1),
                List.of(new Expr.Arithmetic(Expr.ArithOp.DIVIDE, new Expr.ColumnRef(0),
                        new Expr.Literal(0, PgType.INT4))), List.of("q"))))
                .hasMessage("division by zero")
                .satisfies(e -> assertThat(((PgException) e).sqlState()).isEqualTo(SqlState.DIVISION_BY_ZERO));
        // select 1e300::float8 * 1e300::float8 -> ERROR: value out of range: overflow
        assertThatThrownBy(() -> run(new PlanNode.Project(values(Column.of("x", PgType.FLOAT8), 1e300),
                List.of(new Expr.Arithmetic(Expr.ArithOp.MULTIPLY, new Expr.ColumnRef(0),
                        new Expr.Literal(1e300, PgType.FLOAT8))), List.of("q"))))
                .hasMessage("value out of range: overflow");
        // pg_typeof(1 + 1.5::float4) = double precision; pg_typeof(1.5 + 2::float4) = double precision
        PlanNode.Scan ints = values(Column.of("x", PgType.INT4), 1);
        assertThat(new PlanNode.Project(ints, List.of(new Expr.Arithmetic(Expr.ArithOp.ADD, new Expr.ColumnRef(0),
                new Expr.Literal(1.5f, PgType.FLOAT4))), List.of("f")).schema().column(0).type())
                .isEqualTo(PgType.FLOAT8);
    }

    @Test
    void nullsSortLastAscendingAndFirstDescendingByDefault() {
        // select x from (values (2),(null),(1)) v(x) order by x       -> 1, 2, NULL
        // ... order by x desc                                          -> NULL, 2, 1
        PlanNode.Scan scan = values(Column.of("x", PgType.INT4), 2, null, 1);
        assertThat(run(new PlanNode.Sort(scan, List.of(SortKey.asc(0)), OptionalLong.empty())))
                .containsExactly(1, 2, null);
        assertThat(run(new PlanNode.Sort(scan, List.of(SortKey.desc(0)), OptionalLong.empty())))
                .containsExactly(null, 2, 1);
        assertThat(run(new PlanNode.Sort(scan, List.of(SortKey.desc(0)), OptionalLong.of(2))))
                .containsExactly(null, 2);
    }
}
