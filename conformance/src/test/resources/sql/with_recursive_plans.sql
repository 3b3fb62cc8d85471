-- WITH RECURSIVE plans as PostgreSQL 15 makes them: the work table estimated at ten times the non-recursive
-- term (a Merge Join in the recursive term over a fresh table), hash join matches in PostgreSQL's bucket order,
-- SEARCH/CYCLE rewritten as rewriteSearchCycle.c does (array_cat, NOT mark), work-table columns named by the WITH
-- item, unique names for CTE and work-table scans, constant ROW()s shown folded.
CREATE TEMP TABLE wrp_graph (f int, t int, label text);
INSERT INTO wrp_graph VALUES (1, 2, 'arc 1 -> 2'), (1, 3, 'arc 1 -> 3'), (2, 3, 'arc 2 -> 3'),
  (1, 4, 'arc 1 -> 4'), (4, 5, 'arc 4 -> 5'), (5, 1, 'arc 5 -> 1');
EXPLAIN (COSTS OFF)
WITH RECURSIVE sg(f, t, label) AS (
  SELECT * FROM wrp_graph g
  UNION ALL
  SELECT g.* FROM wrp_graph g, sg WHERE g.f = sg.t
) SELECT * FROM sg;
WITH RECURSIVE sg(f, t, label, depth) AS (
  SELECT *, 0 FROM wrp_graph g
  UNION ALL
  SELECT g.*, depth + 1 FROM wrp_graph g, sg WHERE g.f = sg.t AND depth < 2
) SELECT * FROM sg;
EXPLAIN (VERBOSE, COSTS OFF)
WITH RECURSIVE sg(f, t, label) AS (
  SELECT * FROM wrp_graph g
  UNION ALL
  SELECT g.* FROM wrp_graph g, sg s WHERE g.f = s.t
) CYCLE f, t SET is_cycle USING path
SELECT * FROM sg;
WITH RECURSIVE sg(f, t, label) AS (
  SELECT * FROM wrp_graph g
  UNION ALL
  SELECT g.* FROM wrp_graph g, sg s WHERE g.f = s.t
) CYCLE f, t SET is_cycle USING path
SELECT * FROM sg;
WITH RECURSIVE sg(f, t, label) AS (
  SELECT * FROM wrp_graph g
  UNION ALL
  SELECT g.* FROM wrp_graph g, sg s WHERE g.f = s.t
) CYCLE f, t SET is_cycle TO 'Y' DEFAULT 'N' USING path
SELECT * FROM sg;
EXPLAIN (VERBOSE, COSTS OFF)
WITH RECURSIVE sg(f, t, label) AS (
  SELECT * FROM wrp_graph g
  UNION ALL
  SELECT g.* FROM wrp_graph g, sg s WHERE g.f = s.t
) SEARCH DEPTH FIRST BY f, t SET seq
SELECT * FROM sg ORDER BY seq;
WITH RECURSIVE sg(f, t, label) AS (
  SELECT * FROM wrp_graph g
  UNION ALL
  SELECT g.* FROM wrp_graph g, sg s WHERE g.f = s.t AND g.f < g.t
) SEARCH DEPTH FIRST BY f, t SET seq
SELECT * FROM sg ORDER BY seq;
EXPLAIN (VERBOSE, COSTS OFF)
WITH RECURSIVE test AS (
  SELECT 0 AS x
  UNION ALL
  SELECT (x + 1) % 10 FROM test
) CYCLE x SET is_cycle USING path
SELECT * FROM test;
EXPLAIN (VERBOSE, COSTS OFF)
WITH RECURSIVE test AS (
  SELECT 1 AS x
  UNION ALL
  SELECT x + 1 FROM test
) SEARCH DEPTH FIRST BY x SET y
SELECT * FROM test LIMIT 5;
-- hash join: inner rows of one key come out last-inserted first
WITH RECURSIVE
graph(f, t, label) AS (VALUES (1, 2, 'arc 1 -> 2'), (1, 3, 'arc 1 -> 3'), (2, 3, 'arc 2 -> 3'), (1, 4, 'arc 1 -> 4'),
  (4, 5, 'arc 4 -> 5'), (5, 1, 'arc 5 -> 1')),
sg(f, t, label) AS (
  SELECT * FROM graph g
  UNION ALL
  SELECT g.* FROM graph g, sg s WHERE g.f = s.t
) CYCLE f, t SET is_cycle USING path
SELECT f, t, label FROM sg;
SELECT ROW(1, 'a b', NULL::int, ''::text)::record, ARRAY[ROW(1, 'x,y'::text)];
EXPLAIN (VERBOSE, COSTS OFF) SELECT ARRAY[ROW(1, 'x,y'::text)], ROW(2, '"q"'::text);
