-- Data-modifying WITH items run as PostgreSQL runs them: each writes only as far as it is read, so its writes
-- interleave with the query's and the other items' (the heap order shows it), the query runs to its end (a LIMIT
-- stops reading, the item still completes), then unread items complete. An ON CONFLICT DO UPDATE whose SET
-- subquery made a WITH item update the conflicting row skips that row. A breadth-first SEARCH computes its depth
-- as int8inc((seq)."*DEPTH*").
CREATE TEMP TABLE wml_y (a int);
INSERT INTO wml_y SELECT generate_series(11, 21);
WITH RECURSIVE t AS (
  INSERT INTO wml_y SELECT a + 5 FROM t2 WHERE a > 5 RETURNING *
), t2 AS (
  UPDATE wml_y SET a = a - 11 RETURNING *
)
SELECT * FROM t UNION ALL SELECT * FROM t2;
SELECT * FROM wml_y;
WITH t AS (UPDATE wml_y SET a = a * 100 RETURNING *)
SELECT * FROM t LIMIT 3;
SELECT * FROM wml_y;
WITH d AS (DELETE FROM wml_y WHERE a < 500 RETURNING *),
     i AS (INSERT INTO wml_y SELECT -a FROM d RETURNING *)
SELECT count(*) FROM wml_y;
SELECT * FROM wml_y;
WITH i AS (INSERT INTO wml_y VALUES (7) RETURNING *)
SELECT (SELECT count(*) FROM wml_y) AS before, (SELECT a FROM i) AS inserted;
SELECT count(*) FROM wml_y;
CREATE TEMP TABLE wml_z (k int UNIQUE, v text);
INSERT INTO wml_z SELECT i, 'v' FROM generate_series(0, 4) i;
WITH simpletup AS (SELECT 2 k, 'Green' v),
upsert_cte AS (
  INSERT INTO wml_z VALUES (2, 'Blue') ON CONFLICT (k) DO
    UPDATE SET (k, v) = (SELECT k, v FROM simpletup WHERE simpletup.k = wml_z.k)
    RETURNING k, v)
INSERT INTO wml_z VALUES (2, 'Red') ON CONFLICT (k) DO
UPDATE SET (k, v) = (SELECT k, v FROM upsert_cte WHERE upsert_cte.k = wml_z.k)
RETURNING k, v;
SELECT * FROM wml_z ORDER BY k;
CREATE TEMP TABLE wml_graph (f int, t int, label text);
INSERT INTO wml_graph VALUES (1, 2, 'arc 1 -> 2'), (1, 3, 'arc 1 -> 3'), (2, 3, 'arc 2 -> 3'),
  (1, 4, 'arc 1 -> 4'), (4, 5, 'arc 4 -> 5');
EXPLAIN (VERBOSE, COSTS OFF)
WITH RECURSIVE sg(f, t, label) AS (
  SELECT * FROM wml_graph g
  UNION ALL
  SELECT g.* FROM wml_graph g, sg WHERE g.f = sg.t
) SEARCH BREADTH FIRST BY f, t SET seq
SELECT * FROM sg ORDER BY seq;
WITH RECURSIVE sg(f, t, label) AS (
  SELECT * FROM wml_graph g
  UNION ALL
  SELECT g.* FROM wml_graph g, sg WHERE g.f = sg.t
) SEARCH BREADTH FIRST BY f, t SET seq
SELECT * FROM sg ORDER BY seq;
WITH RECURSIVE test AS (
  SELECT 1 AS x UNION ALL SELECT x + 1 FROM test
) SEARCH BREADTH FIRST BY x SET y
SELECT * FROM test LIMIT 5;
SELECT (r)."*DEPTH*" FROM (SELECT ROW(1, 2) r) s;
