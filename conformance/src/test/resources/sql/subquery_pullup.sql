-- FROM subqueries PostgreSQL keeps apart (is_simple_subquery: volatile select lists, ORDER BY keys not returned),
-- sublinks copied into each reference when a subquery is pulled up, and CREATE TABLE AS in a SQL function body.
CREATE TABLE sp_t (pk int, c1 int, c2 int);
INSERT INTO sp_t VALUES (1, 5, 10), (2, 3, 20), (3, 8, 30), (4, 1, 40), (5, 7, 50), (6, 2, 60), (7, 6, 70), (8, 4, 80);
-- a volatile select list is evaluated once per row, read through a Subquery Scan
EXPLAIN (VERBOSE, COSTS OFF) SELECT x, x FROM (SELECT (SELECT random()) AS x FROM (VALUES (1), (2)) v(y)) ss;
EXPLAIN (VERBOSE, COSTS OFF) SELECT x, x FROM (SELECT (SELECT random() WHERE y = y) AS x FROM (VALUES (1), (2)) v(y)) ss;
SELECT count(*) FROM (SELECT x, x AS x2 FROM (SELECT random() AS x FROM sp_t) ss) s2 WHERE x = x2;
-- a stable sublink referenced twice is copied into each reference: two InitPlans, two SubPlans
EXPLAIN (VERBOSE, COSTS OFF) SELECT x, x FROM (SELECT (SELECT now()) AS x FROM (VALUES (1), (2)) v(y)) ss;
EXPLAIN (VERBOSE, COSTS OFF) SELECT x, x FROM (SELECT (SELECT now() WHERE y = y) AS x FROM (VALUES (1), (2)) v(y)) ss;
SELECT x = x2 FROM (SELECT x, x AS x2 FROM (SELECT (SELECT now() WHERE y = y) AS x FROM (VALUES (1), (2)) v(y)) ss) s2;
-- a pulled-up VALUES list's columns are "*VALUES*".columnN where a subplan reads them
EXPLAIN (VERBOSE, COSTS OFF) SELECT (SELECT v.y + 1), y FROM (VALUES (1), (2)) v(y) WHERE y > 0;
SELECT (SELECT v.y + 1), y FROM (VALUES (1), (2)) v(y) WHERE y > 0 ORDER BY y;
SELECT y FROM (VALUES (1), (2)) v(y) GROUP BY v.y + 1;
-- ORDER BY keys the subquery does not return keep its Subquery Scan; the LIMIT above bounds the Sort (top-N)
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT pk, c2 FROM sp_t ORDER BY c1, pk) AS x LIMIT 3;
CREATE FUNCTION sp_explain() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE ln text;
BEGIN
  FOR ln IN EXPLAIN (ANALYZE, SUMMARY OFF, TIMING OFF, COSTS OFF)
      SELECT * FROM (SELECT pk, c2 FROM sp_t ORDER BY c1, pk) AS x LIMIT 3
  LOOP
    RETURN NEXT regexp_replace(ln, 'Memory: \S*', 'Memory: xxx');
  END LOOP;
END $$;
SELECT * FROM sp_explain();
SELECT * FROM (SELECT pk, c2 FROM sp_t ORDER BY c1, pk) AS x LIMIT 3;
SELECT * FROM (SELECT pk, c2 FROM sp_t ORDER BY c1, pk) AS x LIMIT 2 OFFSET 5;
SELECT * FROM (SELECT pk, c2 FROM sp_t ORDER BY c1, pk) AS x WHERE pk > 2 LIMIT 3;
DROP FUNCTION sp_explain();
-- an uncorrelated ALL subplan is materialized; the InitPlan inside it is planned (and numbered) first
EXPLAIN (VERBOSE, COSTS OFF) SELECT 1 = ALL (SELECT (SELECT 1));
SELECT 1 = ALL (SELECT (SELECT 1));
EXPLAIN (COSTS OFF) SELECT 2 > ALL (SELECT c1 FROM sp_t);
SELECT 2 > ALL (SELECT c1 FROM sp_t), 9 > ALL (SELECT c1 FROM sp_t);
-- a FOR UPDATE subquery is not pulled up
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT pk FROM sp_t FOR UPDATE) ss;
SELECT * FROM (SELECT pk FROM sp_t FOR UPDATE) ss ORDER BY pk;
-- CREATE TABLE AS as a SQL function's statement
CREATE FUNCTION sp_make() RETURNS void AS $$ CREATE TABLE sp_made AS SELECT pk, c1 FROM sp_t WHERE pk < 3; $$ LANGUAGE sql;
SELECT sp_make();
SELECT * FROM sp_made ORDER BY pk;
DROP TABLE sp_made;
DROP FUNCTION sp_make();
DROP TABLE sp_t;
