package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.sql.parser.ParserTestSupport.assertSyntaxError;
import static org.lakepg.server.sql.parser.ParserTestSupport.expr;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.sql.ast.AArrayExpr;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AExpr;
import org.lakepg.server.sql.ast.AIndices;
import org.lakepg.server.sql.ast.AIndirection;
import org.lakepg.server.sql.ast.BoolExpr;
import org.lakepg.server.sql.ast.BooleanTest;
import org.lakepg.server.sql.ast.CaseExpr;
import org.lakepg.server.sql.ast.CoalesceExpr;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.ExprList;
import org.lakepg.server.sql.ast.FieldName;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.MinMaxExpr;
import org.lakepg.server.sql.ast.NamedArgExpr;
import org.lakepg.server.sql.ast.NullTest;
import org.lakepg.server.sql.ast.ParamRef;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.ast.SQLValueFunction;
import org.lakepg.server.sql.ast.SubLink;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.ast.WindowDef;

/** Expressions: PostgreSQL's precedence, special forms and the nodes they become. */
class ExpressionParseTest {

    private static AExpr op(Expr e) {
        assertThat(e).isInstanceOf(AExpr.class);
        return (AExpr) e;
    }

    private static String intValue(Expr e) {
        assertThat(e).isInstanceOf(AConst.class);
        return ((AConst) e).value();
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        AExpr plus = op(expr("1 + 2 * 3"));
        assertThat(plus.name()).containsExactly("+");
        assertThat(intValue(plus.left())).isEqualTo("1");
        assertThat(op(plus.right()).name()).containsExactly("*");
    }

    @Test
    void subtractionIsLeftAssociativeAndUnaryMinusFoldsIntoConstants() {
        AExpr outer = op(expr("10 - 3 - 2"));
        assertThat(op(outer.left()).name()).containsExactly("-");
        assertThat(intValue(outer.right())).isEqualTo("2");
        AConst neg = (AConst) expr("-5");
        assertThat(neg.kind()).isEqualTo(AConst.Kind.INTEGER);
        assertThat(neg.value()).isEqualTo("-5");
        // unary minus binds tighter than ^ in PostgreSQL: (-2) ^ 2
        AExpr pow = op(expr("- x ^ 2"));
        assertThat(pow.name()).containsExactly("^");
        assertThat(op(pow.left()).left()).isNull();
    }

    @Test
    void typecastBindsTightest() {
        AExpr neg = op(expr("- x::int"));
        assertThat(neg.left()).isNull();
        TypeCast cast = (TypeCast) neg.right();
        assertThat(cast.typeName().names()).containsExactly("pg_catalog", "int4");
    }

    @Test
    void andBindsTighterThanOrAndIsFlattened() {
        BoolExpr or = (BoolExpr) expr("a OR b AND c AND d");
        assertThat(or.op()).isEqualTo(BoolExpr.BoolOp.OR);
        BoolExpr and = (BoolExpr) or.args().get(1);
        assertThat(and.op()).isEqualTo(BoolExpr.BoolOp.AND);
        assertThat(and.args()).hasSize(3);
    }

    @Test
    void notIsLowerThanComparison() {
        BoolExpr not = (BoolExpr) expr("NOT a = b");
        assertThat(not.op()).isEqualTo(BoolExpr.BoolOp.NOT);
        assertThat(op(not.args().get(0)).name()).containsExactly("=");
    }

    @Test
    void comparisonsAreNonAssociative() {
        assertSyntaxError("select 1 < 2 < 3", "syntax error at or near \"<\"", 14);
        assertThat(expr("1 is null is null")).isInstanceOf(NullTest.class);
    }

    @Test
    void genericOperatorsAndQualifiedOperatorSyntax() {
        AExpr regex = op(expr("c.relname OPERATOR(pg_catalog.~) '^(t)$'"));
        assertThat(regex.name()).containsExactly("pg_catalog", "~");
        assertThat(regex.left()).isEqualTo(new ColumnRef(List.of("c", "relname"), false, 7));
        AExpr notMatch = op(expr("n.nspname !~ '^pg_'"));
        assertThat(notMatch.name()).containsExactly("!~");
        AExpr prefix = op(expr("|/ 25"));
        assertThat(prefix.left()).isNull();
        assertThat(prefix.name()).containsExactly("|/");
        // user-defined operators bind looser than +: a || b + c is a || (b + c)
        AExpr concat = op(expr("a || b + c"));
        assertThat(concat.name()).containsExactly("||");
        assertThat(op(concat.right()).name()).containsExactly("+");
    }

    @Test
    void isTestsAndDistinct() {
        assertThat(((NullTest) expr("a IS NOT NULL")).isNull()).isFalse();
        assertThat(((NullTest) expr("a ISNULL")).isNull()).isTrue();
        assertThat(((BooleanTest) expr("a IS NOT TRUE")).kind()).isEqualTo(BooleanTest.Kind.IS_NOT_TRUE);
        assertThat(((BooleanTest) expr("a IS UNKNOWN")).kind()).isEqualTo(BooleanTest.Kind.IS_UNKNOWN);
        assertThat(op(expr("a IS DISTINCT FROM b")).kind()).isEqualTo(AExpr.Kind.DISTINCT);
        assertThat(op(expr("a IS NOT DISTINCT FROM b")).kind()).isEqualTo(AExpr.Kind.NOT_DISTINCT);
    }

    @Test
    void betweenInLikeSimilar() {
        AExpr between = op(expr("a BETWEEN 1 AND 2 + 3"));
        assertThat(between.kind()).isEqualTo(AExpr.Kind.BETWEEN);
        assertThat(((ExprList) between.right()).items()).hasSize(2);
        assertThat(op(expr("a NOT BETWEEN SYMMETRIC 1 AND 2")).kind()).isEqualTo(AExpr.Kind.NOT_BETWEEN_SYM);
        AExpr in = op(expr("a IN (1, 2, 3)"));
        assertThat(in.kind()).isEqualTo(AExpr.Kind.IN);
        assertThat(in.name()).containsExactly("=");
        assertThat(((ExprList) in.right()).items()).hasSize(3);
        assertThat(op(expr("a NOT IN (1)")).name()).containsExactly("<>");
        AExpr like = op(expr("a NOT ILIKE 'x%' ESCAPE '!'"));
        assertThat(like.kind()).isEqualTo(AExpr.Kind.ILIKE);
        assertThat(like.name()).containsExactly("!~~*");
        assertThat(((FuncCall) like.right()).funcname()).containsExactly("pg_catalog", "like_escape");
        AExpr similar = op(expr("a SIMILAR TO 'x'"));
        assertThat(similar.kind()).isEqualTo(AExpr.Kind.SIMILAR);
        assertThat(((FuncCall) similar.right()).funcname()).containsExactly("pg_catalog", "similar_to_escape");
    }

    @Test
    void subqueriesAnyAllExistsArray() {
        SubLink in = (SubLink) expr("a IN (SELECT b FROM t)");
        assertThat(in.kind()).isEqualTo(SubLink.Kind.ANY);
        SubLink all = (SubLink) expr("a > ALL (SELECT b FROM t)");
        assertThat(all.kind()).isEqualTo(SubLink.Kind.ALL);
        assertThat(all.operName()).containsExactly(">");
        AExpr anyArray = op(expr("a = ANY (ARRAY[1,2])"));
        assertThat(anyArray.kind()).isEqualTo(AExpr.Kind.OP_ANY);
        assertThat(((SubLink) expr("EXISTS (SELECT 1)")).kind()).isEqualTo(SubLink.Kind.EXISTS);
        assertThat(((SubLink) expr("ARRAY(SELECT 1)")).kind()).isEqualTo(SubLink.Kind.ARRAY);
        assertThat(((SubLink) expr("(SELECT 1)")).kind()).isEqualTo(SubLink.Kind.EXPR);
        // ((SELECT ...)::text[]) is an expression, not a query
        AExpr cast = op(expr("'foo'::text = any((select array['abc'])::text[])"));
        assertThat(cast.kind()).isEqualTo(AExpr.Kind.OP_ANY);
        assertThat(cast.right()).isInstanceOf(TypeCast.class);
    }

    @Test
    void arraysSubscriptsSlicesAndFields() {
        AArrayExpr nested = (AArrayExpr) expr("ARRAY[[1,2],[3,4]]");
        assertThat(nested.elements()).hasSize(2).allMatch(e -> e instanceof AArrayExpr);
        AIndirection slice = (AIndirection) expr("a[1:2][3]");
        assertThat(slice.indirection()).hasSize(2);
        assertThat(((AIndices) slice.indirection().get(0)).isSlice()).isTrue();
        AIndirection field = (AIndirection) expr("(compound).f1");
        assertThat(field.indirection()).containsExactly(new FieldName("f1"));
        ColumnRef star = (ColumnRef) expr("t.*");
        assertThat(star.star()).isTrue();
        assertThat(star.fields()).containsExactly("t");
        assertThat(((ParamRef) expr("$2")).number()).isEqualTo(2);
    }

    @Test
    void rowsCaseCoalesceGreatest() {
        RowExpr row = (RowExpr) expr("ROW(1, 'a')");
        assertThat(row.explicitRow()).isTrue();
        assertThat(((RowExpr) expr("(1, 2)")).explicitRow()).isFalse();
        CaseExpr c = (CaseExpr) expr("CASE x WHEN 1 THEN 'a' ELSE 'b' END");
        assertThat(c.arg()).isNotNull();
        assertThat(c.whens()).hasSize(1);
        assertThat(((CoalesceExpr) expr("COALESCE(a, b, 0)")).args()).hasSize(3);
        assertThat(((MinMaxExpr) expr("GREATEST(1, 2)")).op()).isEqualTo(MinMaxExpr.Op.GREATEST);
        assertThat(op(expr("NULLIF(a, b)")).kind()).isEqualTo(AExpr.Kind.NULLIF);
    }

    @Test
    void specialSyntaxFunctionsBecomePgCatalogCalls() {
        FuncCall extract = (FuncCall) expr("EXTRACT(year FROM ts)");
        assertThat(extract.funcname()).containsExactly("pg_catalog", "extract");
        assertThat(((AConst) extract.args().get(0)).value()).isEqualTo("year");
        FuncCall substring = (FuncCall) expr("SUBSTRING(s FROM 2 FOR 3)");
        assertThat(substring.funcname()).containsExactly("pg_catalog", "substring");
        assertThat(substring.args()).hasSize(3);
        FuncCall position = (FuncCall) expr("POSITION('b' IN s)");
        assertThat(((ColumnRef) position.args().get(0)).fields()).containsExactly("s");
        assertThat(((FuncCall) expr("TRIM(LEADING 'x' FROM s)")).funcname()).containsExactly("pg_catalog", "ltrim");
        assertThat(((FuncCall) expr("ts AT TIME ZONE 'UTC'")).funcname()).containsExactly("pg_catalog", "timezone");
        assertThat(((SQLValueFunction) expr("CURRENT_TIMESTAMP(3)")).typmod()).isEqualTo(3);
        assertThat(((SQLValueFunction) expr("current_user")).op()).isEqualTo(SQLValueFunction.Op.CURRENT_USER);
        CollateClause collate = (CollateClause) expr("a COLLATE \"C\"");
        assertThat(collate.collname()).containsExactly("C");
    }

    @Test
    void aggregatesAndWindows() {
        FuncCall count = (FuncCall) expr("count(*)");
        assertThat(count.aggStar()).isTrue();
        FuncCall agg = (FuncCall) expr("string_agg(DISTINCT x, ',' ORDER BY x DESC) FILTER (WHERE x > 0)");
        assertThat(agg.aggDistinct()).isTrue();
        assertThat(agg.aggOrder()).hasSize(1);
        assertThat(agg.aggFilter()).isNotNull();
        FuncCall within = (FuncCall) expr("percentile_cont(0.5) WITHIN GROUP (ORDER BY x)");
        assertThat(within.aggWithinGroup()).isTrue();
        FuncCall win = (FuncCall) expr(
                "sum(x) OVER (PARTITION BY g ORDER BY x ROWS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES)");
        WindowDef w = win.over();
        assertThat(w.partitionClause()).hasSize(1);
        assertThat(w.frameOptions() & FrameOptions.ROWS).isNotZero();
        assertThat(w.frameOptions() & FrameOptions.START_OFFSET_PRECEDING).isNotZero();
        assertThat(w.frameOptions() & FrameOptions.END_UNBOUNDED_FOLLOWING).isNotZero();
        assertThat(w.frameOptions() & FrameOptions.EXCLUDE_TIES).isNotZero();
        assertThat(((FuncCall) expr("rank() OVER w")).over().refname()).isEqualTo("w");
        NamedArgExpr named = (NamedArgExpr) ((FuncCall) expr("f(a => 1, b := 2)")).args().get(1);
        assertThat(named.name()).isEqualTo("b");
        assertThat(((FuncCall) expr("f(VARIADIC ARRAY[1])")).funcVariadic()).isTrue();
        FuncCall qualified = (FuncCall) expr("pg_catalog.pg_table_is_visible(c.oid)");
        assertThat(qualified.funcname()).containsExactly("pg_catalog", "pg_table_is_visible");
    }

    @Test
    void typeNamesAreNormalizedLikePostgres() {
        assertThat(cast("1::int").names()).containsExactly("pg_catalog", "int4");
        assertThat(cast("1::double precision").names()).containsExactly("pg_catalog", "float8");
        assertThat(cast("1::float(10)").names()).containsExactly("pg_catalog", "float4");
        TypeName varchar = cast("'a'::character varying(10)");
        assertThat(varchar.names()).containsExactly("pg_catalog", "varchar");
        assertThat(((AConst) varchar.typmods().get(0)).value()).isEqualTo("10");
        assertThat(cast("now()::timestamp with time zone").names()).containsExactly("pg_catalog", "timestamptz");
        assertThat(cast("'1'::time(3) without time zone").names()).containsExactly("pg_catalog", "time");
        TypeName numericArray = cast("1::numeric(10,2)[]");
        assertThat(numericArray.typmods()).hasSize(2);
        assertThat(numericArray.arrayBounds()).containsExactly(-1);
        assertThat(cast("x::int ARRAY[3]").arrayBounds()).containsExactly(3);
        assertThat(cast("x::bit varying(5)").names()).containsExactly("pg_catalog", "varbit");
        assertThat(cast("x::my_schema.my_type").names()).containsExactly("my_schema", "my_type");
        TypeName interval = cast("x::interval day to second(3)");
        int mask = Integer.parseInt(((AConst) interval.typmods().get(0)).value());
        assertThat(mask).isEqualTo((1 << 3) | (1 << 10) | (1 << 11) | (1 << 12));
        assertThat(((AConst) interval.typmods().get(1)).value()).isEqualTo("3");
    }

    private static TypeName cast(String text) {
        return ((TypeCast) expr(text)).typeName();
    }

    @Test
    void typedLiterals() {
        TypeCast date = (TypeCast) expr("date '2020-01-02'");
        assertThat(date.typeName().names()).containsExactly("date");
        assertThat(((AConst) date.arg()).value()).isEqualTo("2020-01-02");
        TypeCast interval = (TypeCast) expr("interval '1' day");
        assertThat(interval.typeName().names()).containsExactly("pg_catalog", "interval");
        assertThat(((AConst) interval.typeName().typmods().get(0)).value()).isEqualTo(String.valueOf(1 << 3));
        TypeCast ts = (TypeCast) expr("TIMESTAMP(3) WITH TIME ZONE '2020-01-01'");
        assertThat(ts.typeName().names()).containsExactly("pg_catalog", "timestamptz");
        // a column named like a type keyword is still a column
        assertThat(expr("time")).isEqualTo(new ColumnRef(List.of("time"), false, 7));
        TypeCast cast = (TypeCast) expr("CAST(x AS varchar(3))");
        assertThat(cast.typeName().names()).containsExactly("pg_catalog", "varchar");
    }

    @Test
    void constantsKeepTheirKindAndText() {
        assertThat(((AConst) expr("2147483648")).kind()).isEqualTo(AConst.Kind.NUMERIC);
        assertThat(((AConst) expr("1.50")).value()).isEqualTo("1.50");
        assertThat(((AConst) expr("true")).kind()).isEqualTo(AConst.Kind.BOOLEAN);
        assertThat(((AConst) expr("NULL")).kind()).isEqualTo(AConst.Kind.NULL);
        assertThat(((AConst) expr("B'101'")).value()).isEqualTo("b101");
    }
}
