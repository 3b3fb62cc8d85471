-- A FOR UPDATE/SHARE subquery is never pulled up: its outer WHERE (or a join's condition on it) filters below
-- LockRows, as set_subquery_pathlist pushes a safe qual, so only the rows the query returns are locked; LockRows
-- does not project (the subquery's select list and ctid are computed below it), and a volatile condition stays
-- above the Subquery Scan.
CREATE TABLE sl_t (f1 int, f2 int, f3 float);
INSERT INTO sl_t VALUES (1, 2, 3), (2, 3, 4), (3, 4, 5), (1, 1, 1), (2, 2, 2), (3, 3, 3), (6, 7, 8), (8, 9, NULL);
CREATE TABLE sl_k (id int PRIMARY KEY, v int);
INSERT INTO sl_k SELECT g, g * 10 FROM generate_series(1, 100) g;
ANALYZE sl_k;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM (SELECT f1 FROM sl_t FOR UPDATE) ss;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM (SELECT f1 FROM sl_t FOR UPDATE) ss WHERE f1 = 1;
SELECT * FROM (SELECT f1 FROM sl_t FOR UPDATE) ss WHERE f1 = 1;
EXPLAIN (VERBOSE, COSTS OFF)
WITH x AS (SELECT * FROM (SELECT f1 FROM sl_t FOR UPDATE) ss)
SELECT * FROM x WHERE f1 = 1;
WITH x AS (SELECT * FROM (SELECT f1 FROM sl_t FOR UPDATE) ss)
SELECT * FROM x WHERE f1 = 1;
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT id, v FROM sl_k FOR UPDATE) ss WHERE id = 5;
SELECT * FROM (SELECT id, v FROM sl_k FOR UPDATE) ss WHERE id = 5;
SELECT * FROM (SELECT id, v FROM sl_k ORDER BY id FOR UPDATE) ss WHERE v BETWEEN 20 AND 40;
SELECT * FROM (SELECT id, v + 1 AS w FROM sl_k FOR SHARE) ss WHERE w = 31 AND random() < 2;
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT id, v FROM sl_k FOR UPDATE) ss, sl_k l2 WHERE ss.id = l2.id AND ss.v = 50;
SELECT * FROM (SELECT id, v FROM sl_k FOR UPDATE) ss, sl_k l2 WHERE ss.id = l2.id AND ss.v = 50;
DROP TABLE sl_t, sl_k;
