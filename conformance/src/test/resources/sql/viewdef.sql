-- pg_get_viewdef / pg_get_ruledef: views of every query shape deparsed in PostgreSQL's plain and pretty layouts,
-- psql's \d+ of a view, rules in pg_rules and in psql's \d "Rules:" footer.
DROP VIEW IF EXISTS vd_simple, vd_join, vd_group, vd_window, vd_named_window, vd_setop, vd_cte, vd_recursive,
    vd_values, vd_case, vd_sublink, vd_func, vd_distinct, vd_lateral, vd_agg, vd_cols, vd_nested, vd_limit,
    vd_natural, vd_lock, vd_search;
DROP TABLE IF EXISTS vd_t1, vd_t2, vd_tree, vd_rt, vd_log;
CREATE TABLE vd_t1 (a int, b text, c numeric, d date);
CREATE TABLE vd_t2 (a int, e text);
CREATE TABLE vd_tree (id int, parent int, name text);
-- one table: AS only where the name differs, every column qualified, ORDER BY keeps DESC and NULLS
CREATE VIEW vd_simple AS SELECT a, b AS bee, c * 2 AS c2 FROM vd_t1 WHERE a > 1 AND b <> 'x' ORDER BY b DESC, c NULLS FIRST;
SELECT pg_get_viewdef('vd_simple');
SELECT pg_get_viewdef('vd_simple', true);
SELECT definition FROM pg_views WHERE viewname = 'vd_simple';
-- joins: USING, ON, LEFT/RIGHT/FULL, CROSS, aliases
CREATE VIEW vd_join AS SELECT x.a, x.b, y.e FROM vd_t1 x JOIN vd_t2 y ON x.a = y.a LEFT JOIN vd_tree t ON t.id = x.a
    CROSS JOIN vd_t2 z;
SELECT pg_get_viewdef('vd_join');
SELECT pg_get_viewdef('vd_join', true);
CREATE VIEW vd_natural AS SELECT * FROM vd_t1 JOIN vd_t2 USING (a) FULL JOIN vd_tree ON vd_tree.id = vd_t1.a;
SELECT pg_get_viewdef('vd_natural', true);
-- GROUP BY, HAVING, aggregates with DISTINCT, ORDER BY, FILTER
CREATE VIEW vd_group AS SELECT b, count(*) AS n, sum(DISTINCT a) AS s, string_agg(b, ',' ORDER BY a DESC) AS agg,
    max(c) FILTER (WHERE a > 0) AS m FROM vd_t1 GROUP BY b HAVING count(*) > 1;
SELECT pg_get_viewdef('vd_group');
SELECT pg_get_viewdef('vd_group', true);
CREATE VIEW vd_agg AS SELECT a, b, count(*) FROM vd_t1 GROUP BY ROLLUP (a, b), ();
SELECT pg_get_viewdef('vd_agg', true);
-- window functions: OVER (...) with frames, named windows
CREATE VIEW vd_window AS SELECT a, sum(a) OVER (PARTITION BY b ORDER BY a ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s,
    row_number() OVER (ORDER BY c DESC) AS rn FROM vd_t1;
SELECT pg_get_viewdef('vd_window');
SELECT pg_get_viewdef('vd_window', true);
CREATE VIEW vd_named_window AS SELECT a, rank() OVER w AS r, min(d) OVER (ORDER BY d RANGE BETWEEN '1 day' PRECEDING AND
    CURRENT ROW) AS md FROM vd_t1 WINDOW w AS (PARTITION BY b ORDER BY a);
SELECT pg_get_viewdef('vd_named_window', true);
-- set operations, parenthesised where the operator changes
CREATE VIEW vd_setop AS SELECT a FROM vd_t1 UNION SELECT a FROM vd_t2 EXCEPT SELECT id FROM vd_tree
    INTERSECT SELECT parent FROM vd_tree;
SELECT pg_get_viewdef('vd_setop');
SELECT pg_get_viewdef('vd_setop', true);
-- WITH, WITH RECURSIVE (a CTE named like a FROM item inside it is renamed), MATERIALIZED
CREATE VIEW vd_cte AS WITH w AS MATERIALIZED (SELECT a, b FROM vd_t1 WHERE c > 1.5), v AS (SELECT a FROM w)
    SELECT w.b, v.a FROM w, v WHERE w.a = v.a;
SELECT pg_get_viewdef('vd_cte', true);
CREATE VIEW vd_recursive AS WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 10)
    SELECT sum(n) FROM t;
SELECT pg_get_viewdef('vd_recursive');
SELECT pg_get_viewdef('vd_recursive', true);
CREATE VIEW vd_search AS WITH RECURSIVE s AS (SELECT id, parent FROM vd_tree WHERE parent IS NULL
    UNION ALL SELECT t.id, t.parent FROM vd_tree t JOIN s ON t.parent = s.id) SEARCH DEPTH FIRST BY id SET ord
    SELECT id FROM s;
SELECT pg_get_viewdef('vd_search', true);
-- VALUES in FROM: literals take the column's type
CREATE VIEW vd_values AS SELECT * FROM (VALUES (1, 'one', NULL), (2, 'two', 2.5)) v(n, word, x);
SELECT pg_get_viewdef('vd_values');
-- CASE, casts, COALESCE, untyped literals become text
CREATE VIEW vd_case AS SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END AS sign,
    a::text AS t, coalesce(b, 'none') AS b, 'lit' AS l, NULL AS n, c::int AS ci FROM vd_t1;
SELECT pg_get_viewdef('vd_case');
SELECT pg_get_viewdef('vd_case', true);
-- sublinks: EXISTS, IN, ANY, scalar, ARRAY, correlated
CREATE VIEW vd_sublink AS SELECT a, (SELECT max(e) FROM vd_t2 WHERE vd_t2.a = vd_t1.a) AS m,
    ARRAY(SELECT id FROM vd_tree) AS ids FROM vd_t1
    WHERE EXISTS (SELECT 1 FROM vd_t2 WHERE vd_t2.a = vd_t1.a) AND a IN (SELECT id FROM vd_tree)
    AND a > ALL (SELECT parent FROM vd_tree WHERE parent IS NOT NULL) OR NOT b IS NULL;
SELECT pg_get_viewdef('vd_sublink');
SELECT pg_get_viewdef('vd_sublink', true);
-- functions in FROM always print their alias and column list; LATERAL subqueries
CREATE VIEW vd_func AS SELECT i, g.x FROM generate_series(1, 3) i, generate_series(i, 5) WITH ORDINALITY g(x, o);
SELECT pg_get_viewdef('vd_func', true);
CREATE VIEW vd_lateral AS SELECT x.a, s.e FROM vd_t1 x, LATERAL (SELECT e FROM vd_t2 WHERE vd_t2.a = x.a) s;
SELECT pg_get_viewdef('vd_lateral', true);
-- DISTINCT [ON], LIMIT / OFFSET, FOR UPDATE
CREATE VIEW vd_distinct AS SELECT DISTINCT ON (a) a, b FROM vd_t1 ORDER BY a, b;
SELECT pg_get_viewdef('vd_distinct', true);
CREATE VIEW vd_limit AS SELECT DISTINCT a FROM vd_t1 ORDER BY 1 LIMIT 10 OFFSET 5;
SELECT pg_get_viewdef('vd_limit', true);
CREATE VIEW vd_lock AS SELECT a FROM vd_t1 FOR UPDATE;
SELECT pg_get_viewdef('vd_lock', true);
-- the view's own column names; a subquery in FROM
CREATE VIEW vd_cols (first, second) AS SELECT a, b FROM vd_t1;
SELECT pg_get_viewdef('vd_cols', true);
CREATE VIEW vd_nested AS SELECT ss.a, ss.total FROM (SELECT a, sum(c) AS total FROM vd_t1 GROUP BY a) ss WHERE ss.total > 0;
SELECT pg_get_viewdef('vd_nested', true);
-- wrapping at a column
SELECT pg_get_viewdef('vd_join', 60);
SELECT pg_get_viewdef('vd_simple', 0);
-- by name, and psql's \d+
SELECT pg_get_viewdef('vd_group'::text);
\d+ vd_case
-- rules: pg_get_ruledef in both layouts, pg_rules, relhasrules and \d's Rules: footer
CREATE TABLE vd_rt (a int, b text);
CREATE TABLE vd_log (op text, a int, b text);
CREATE RULE vd_r_ins AS ON INSERT TO vd_rt DO ALSO INSERT INTO vd_log VALUES ('ins', NEW.a, NEW.b);
CREATE RULE vd_r_upd AS ON UPDATE TO vd_rt WHERE OLD.a <> NEW.a DO INSTEAD
    UPDATE vd_log SET b = NEW.b WHERE vd_log.a = OLD.a;
CREATE RULE vd_r_del AS ON DELETE TO vd_rt DO INSTEAD NOTHING;
CREATE RULE vd_r_many AS ON INSERT TO vd_log WHERE NEW.op = 'many' DO INSTEAD
    (INSERT INTO vd_rt VALUES (NEW.a, 'lit'), (1, NEW.b); DELETE FROM vd_rt WHERE a = NEW.a);
SELECT rulename, pg_get_ruledef(oid) FROM pg_rewrite WHERE rulename LIKE 'vd_r_%' ORDER BY 1;
SELECT rulename, pg_get_ruledef(oid, true) FROM pg_rewrite WHERE rulename LIKE 'vd_r_%' ORDER BY 1;
SELECT tablename, rulename, definition FROM pg_rules WHERE rulename LIKE 'vd_r_%' ORDER BY 2;
SELECT relname, relhasrules FROM pg_class WHERE relname IN ('vd_rt', 'vd_log', 'vd_t1') ORDER BY 1;
\d vd_rt
\d vd_log
DROP RULE vd_r_many ON vd_log;
DROP VIEW vd_simple, vd_join, vd_group, vd_window, vd_named_window, vd_setop, vd_cte, vd_recursive,
    vd_values, vd_case, vd_sublink, vd_func, vd_distinct, vd_lateral, vd_agg, vd_cols, vd_nested, vd_limit,
    vd_natural, vd_lock, vd_search;
DROP TABLE vd_t1, vd_t2, vd_tree, vd_rt, vd_log;
