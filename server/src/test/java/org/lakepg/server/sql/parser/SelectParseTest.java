package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.sql.parser.ParserTestSupport.one;
import static org.lakepg.server.sql.parser.ParserTestSupport.select;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.CreateTableAsStmt;
import org.lakepg.server.sql.ast.GroupingSet;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.ast.LockingClause;
import org.lakepg.server.sql.ast.RangeFunction;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeTableSample;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SortBy;

/** SELECT in its many forms. */
class SelectParseTest {

    @Test
    void targetsAliasesAndKeywordsAsNames() {
        SelectStmt s = select("SELECT a, b AS \"B\", c d, 1 AS year, type, name, value FROM t");
        assertThat(s.targetList()).extracting(r -> r.name()).containsExactly(null, "B", "d", "year", null, null, null);
        assertThat(s.targetList().get(4).val()).isEqualTo(new ColumnRef(List.of("type"), false, 36));
        SelectStmt star = select("SELECT * FROM t");
        assertThat(((ColumnRef) star.targetList().get(0).val()).star()).isTrue();
        assertThat(select("SELECT").targetList()).isEmpty();
    }

    @Test
    void distinctOnWhereGroupHavingOrderLimit() {
        SelectStmt s = select("SELECT DISTINCT ON (a) a, count(*) FROM t WHERE b > 1 GROUP BY a HAVING count(*) > 2"
                + " ORDER BY a DESC NULLS LAST, 2 USING < LIMIT 10 OFFSET 5");
        assertThat(s.distinctClause()).hasSize(1);
        assertThat(s.whereClause()).isNotNull();
        assertThat(s.groupClause()).hasSize(1);
        assertThat(s.havingClause()).isNotNull();
        assertThat(s.sortClause()).extracting(SortBy::dir).containsExactly(SortBy.SortDir.DESC, SortBy.SortDir.USING);
        assertThat(s.sortClause().get(0).nulls()).isEqualTo(SortBy.SortNulls.LAST);
        assertThat(s.sortClause().get(1).useOp()).containsExactly("<");
        assertThat(((AConst) s.limitCount()).value()).isEqualTo("10");
        assertThat(((AConst) s.limitOffset()).value()).isEqualTo("5");
        SelectStmt plain = select("SELECT DISTINCT a FROM t");
        assertThat(plain.distinctClause()).hasSize(1).containsOnlyNulls();
        assertThat(select("SELECT a FROM t").distinctClause()).isNull();
    }

    @Test
    void fetchFirstWithTiesAndLocking() {
        SelectStmt s = select("SELECT * FROM t ORDER BY a OFFSET 2 ROWS FETCH FIRST 3 ROWS WITH TIES");
        assertThat(s.limitOption()).isEqualTo(SelectStmt.LimitOption.WITH_TIES);
        SelectStmt locked = select("SELECT * FROM t FOR NO KEY UPDATE OF t SKIP LOCKED FOR SHARE NOWAIT");
        assertThat(locked.lockingClause()).extracting(LockingClause::strength)
                .containsExactly(LockingClause.Strength.FOR_NO_KEY_UPDATE, LockingClause.Strength.FOR_SHARE);
        assertThat(locked.lockingClause().get(0).waitPolicy()).isEqualTo(LockingClause.WaitPolicy.SKIP);
    }

    @Test
    void setOperationsIntersectBindsTighter() {
        SelectStmt s = select("SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3 ORDER BY 1");
        assertThat(s.op()).isEqualTo(SelectStmt.SetOperation.UNION);
        assertThat(s.all()).isTrue();
        assertThat(s.rarg().op()).isEqualTo(SelectStmt.SetOperation.INTERSECT);
        assertThat(s.sortClause()).hasSize(1);
        SelectStmt paren = select("(SELECT 1 UNION SELECT 2) EXCEPT SELECT 3");
        assertThat(paren.op()).isEqualTo(SelectStmt.SetOperation.EXCEPT);
        assertThat(paren.larg().op()).isEqualTo(SelectStmt.SetOperation.UNION);
    }

    @Test
    void valuesAndTable() {
        SelectStmt v = select("VALUES (1, 'a'), (2, DEFAULT)");
        assertThat(v.valuesLists()).hasSize(2);
        SelectStmt t = select("TABLE ONLY s.t");
        RangeVar rel = (RangeVar) t.fromClause().get(0);
        assertThat(rel.schemaname()).isEqualTo("s");
        assertThat(rel.inh()).isFalse();
    }

    @Test
    void joinsOfEveryKind() {
        SelectStmt s = select("SELECT * FROM a NATURAL LEFT JOIN b JOIN c USING (x) AS j CROSS JOIN d"
                + " FULL OUTER JOIN e ON d.id = e.id");
        JoinExpr full = (JoinExpr) s.fromClause().get(0);
        assertThat(full.jointype()).isEqualTo(JoinExpr.JoinType.FULL);
        JoinExpr cross = (JoinExpr) full.larg();
        assertThat(cross.jointype()).isEqualTo(JoinExpr.JoinType.CROSS);
        JoinExpr using = (JoinExpr) cross.larg();
        assertThat(using.usingClause()).containsExactly("x");
        assertThat(using.joinUsingAlias().aliasname()).isEqualTo("j");
        JoinExpr natural = (JoinExpr) using.larg();
        assertThat(natural.isNatural()).isTrue();
        assertThat(natural.jointype()).isEqualTo(JoinExpr.JoinType.LEFT);
        // a JOIN b JOIN c ON x ON y nests to the right, as PostgreSQL's grammar does
        JoinExpr nested = (JoinExpr) select("SELECT * FROM a JOIN b JOIN c ON b.x = c.x ON a.y = b.y").fromClause()
                .get(0);
        assertThat(nested.rarg()).isInstanceOf(JoinExpr.class);
        JoinExpr aliased = (JoinExpr) select("SELECT * FROM (a JOIN b ON true) AS j").fromClause().get(0);
        assertThat(aliased.alias().aliasname()).isEqualTo("j");
    }

    @Test
    void subqueriesFunctionsAndSamplesInFrom() {
        SelectStmt s = select("SELECT * FROM LATERAL (SELECT 1) AS s(x), generate_series(1, 3) WITH ORDINALITY AS g(v, n),"
                + " ROWS FROM (f(1) AS (a int), g(2)) r, json_to_record('{}') AS x(a int, b text),"
                + " t TABLESAMPLE bernoulli (10) REPEATABLE (1)");
        RangeSubselect sub = (RangeSubselect) s.fromClause().get(0);
        assertThat(sub.lateral()).isTrue();
        assertThat(sub.alias().colnames()).containsExactly("x");
        RangeFunction series = (RangeFunction) s.fromClause().get(1);
        assertThat(series.ordinality()).isTrue();
        assertThat(series.alias().colnames()).containsExactly("v", "n");
        RangeFunction rows = (RangeFunction) s.fromClause().get(2);
        assertThat(rows.isRowsfrom()).isTrue();
        assertThat(rows.functions().get(0).coldeflist()).hasSize(1);
        RangeFunction withDefs = (RangeFunction) s.fromClause().get(3);
        assertThat(withDefs.coldeflist()).hasSize(2);
        RangeTableSample sample = (RangeTableSample) s.fromClause().get(4);
        assertThat(sample.method()).containsExactly("bernoulli");
        assertThat(sample.repeatable()).isNotNull();
    }

    @Test
    void groupingSetsRollupCube() {
        SelectStmt s = select("SELECT a, b FROM t GROUP BY DISTINCT ROLLUP (a, b), CUBE (a), GROUPING SETS ((a), ())");
        assertThat(s.groupDistinct()).isTrue();
        assertThat(s.groupClause()).extracting(e -> ((GroupingSet) e).kind())
                .containsExactly(GroupingSet.Kind.ROLLUP, GroupingSet.Kind.CUBE, GroupingSet.Kind.SETS);
    }

    @Test
    void namedWindows() {
        SelectStmt s = select("SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b)");
        assertThat(s.windowClause()).hasSize(1);
        assertThat(s.windowClause().get(0).name()).isEqualTo("w");
    }

    @Test
    void withRecursiveSearchCycleAndMaterialized() {
        SelectStmt s = select("WITH RECURSIVE t(n) AS NOT MATERIALIZED (SELECT 1 UNION ALL SELECT n + 1 FROM t)"
                + " SEARCH DEPTH FIRST BY n SET ord CYCLE n SET is_cycle USING path SELECT * FROM t");
        assertThat(s.withClause().recursive()).isTrue();
        CommonTableExpr cte = s.withClause().ctes().get(0);
        assertThat(cte.ctematerialized()).isEqualTo(CommonTableExpr.Materialized.NEVER);
        assertThat(cte.searchClause().searchBreadthFirst()).isFalse();
        assertThat(cte.cycleClause().cyclePathColumn()).isEqualTo("path");
        assertThat(cte.aliascolnames()).containsExactly("n");
    }

    @Test
    void selectIntoIsCreateTableAs() {
        CreateTableAsStmt s = one("SELECT * INTO TEMP new_t FROM t", CreateTableAsStmt.class);
        assertThat(s.isSelectInto()).isTrue();
        assertThat(s.into().rel().relpersistence()).isEqualTo('t');
    }
}
