-- WITH items read once (or NOT MATERIALIZED) are planned where they are read, as PostgreSQL 12+ inlines them;
-- MATERIALIZED, volatile or row-locking items and items read twice stay CTE Scans. Rows must not change.
CREATE TABLE ci_t (f1 int, f2 int);
INSERT INTO ci_t VALUES (1, 10), (2, 20), (3, 30);
EXPLAIN (COSTS OFF) WITH x AS (SELECT f1 FROM ci_t) SELECT * FROM x;
WITH x AS (SELECT f1 FROM ci_t) SELECT * FROM x ORDER BY f1;
EXPLAIN (COSTS OFF) WITH x AS MATERIALIZED (SELECT f1 FROM ci_t) SELECT * FROM x;
EXPLAIN (COSTS OFF) WITH x AS (SELECT f1, random() AS r FROM ci_t) SELECT f1 FROM x;
EXPLAIN (COSTS OFF) WITH x AS (SELECT * FROM ci_t) SELECT * FROM x a, x b WHERE a.f1 = b.f1;
WITH x AS (SELECT * FROM ci_t) SELECT * FROM x a, x b WHERE a.f1 = b.f1 ORDER BY 1;
-- the item's own names are those of its definition: an inner item of the same name does not capture them
WITH x AS (SELECT 1 AS y) SELECT * FROM (WITH x AS (SELECT 2 AS y) SELECT * FROM x) ss;
WITH x AS (SELECT f1 FROM ci_t), y AS (SELECT * FROM x WHERE f1 > 1) SELECT * FROM y ORDER BY 1;
-- a name the item's query reads is a table even where the item shadows it
WITH ci_t AS (SELECT f1 * 100 AS f1 FROM ci_t) SELECT * FROM ci_t ORDER BY 1;
-- column aliases of the item and of the reference
WITH x(a, b) AS (SELECT f1, f2 FROM ci_t) SELECT * FROM x AS z(c) ORDER BY c;
-- a correlated reference in the item's query
SELECT f1, (WITH w AS (SELECT count(*) AS n FROM ci_t i WHERE i.f1 < o.f1) SELECT n FROM w) FROM ci_t o ORDER BY f1;
-- FOR UPDATE of the reading query does not lock the item's rows
WITH x AS (SELECT * FROM ci_t) SELECT * FROM x ORDER BY f1 FOR UPDATE;
-- conditions over a subquery with set-returning functions: a stable one that reads none of their columns runs once
CREATE FUNCTION ci_tattle(x int, y int) RETURNS bool STABLE LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'x = %, y = %', x, y;
  RETURN x > y;
END $$;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM (SELECT 9 AS x, unnest(ARRAY[1, 2, 3]) AS u) ss WHERE ci_tattle(x, 8);
SELECT * FROM (SELECT 9 AS x, unnest(ARRAY[1, 2, 3]) AS u) ss WHERE ci_tattle(x, 8);
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM (SELECT 9 AS x, unnest(ARRAY[1, 2, 3]) AS u) ss WHERE ci_tattle(x, u);
SELECT * FROM (SELECT 9 AS x, unnest(ARRAY[1, 2, 3]) AS u) ss WHERE ci_tattle(x, u);
ALTER FUNCTION ci_tattle(int, int) VOLATILE;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM (SELECT 9 AS x, unnest(ARRAY[1, 2, 3]) AS u) ss WHERE ci_tattle(x, 8);
SELECT * FROM (SELECT 9 AS x, unnest(ARRAY[1, 2, 3]) AS u) ss WHERE ci_tattle(x, 8);
SELECT * FROM (SELECT f1, generate_series(1, f1) AS g FROM ci_t) s WHERE f1 > 1 AND g > 1 ORDER BY 1, 2;
DROP FUNCTION ci_tattle(int, int);
DROP TABLE ci_t;
