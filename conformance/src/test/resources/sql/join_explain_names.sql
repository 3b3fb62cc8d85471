-- EXPLAIN names: a function scan's columns by the names the query gives them (arrayd(ad) is arrayd.ad, not
-- the alias), its own Filter without the relation outside VERBOSE (show_scan_qual), and a nested loop's
-- parameter as the expression it holds: the column of a pulled-up subquery is shown as the table's column.
CREATE TABLE en_a (id int PRIMARY KEY, b_id int);
CREATE TABLE en_b (id int PRIMARY KEY, c_id int);
INSERT INTO en_a VALUES (1, 1), (2, 2), (3, NULL);
INSERT INTO en_b VALUES (1, 1), (2, 2);
CREATE TABLE en_t (f1 int);
INSERT INTO en_t VALUES (0), (1), (3);
EXPLAIN (COSTS OFF) SELECT * FROM unnest(array[1, 2]) AS arrayd(ad) WHERE ad > 1;
SELECT * FROM unnest(array[1, 2]) AS arrayd(ad) WHERE ad > 1;
EXPLAIN (COSTS OFF) SELECT * FROM en_t i, LATERAL generate_series(1, i.f1) gs(x) WHERE x > 2;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM en_t i, LATERAL generate_series(1, i.f1) gs(x) WHERE x > 2;
SELECT * FROM en_t i, LATERAL generate_series(1, i.f1) gs(x) WHERE x > 2;
EXPLAIN (COSTS OFF)
SELECT 1 FROM (SELECT en_a.id FROM en_a LEFT JOIN en_b ON en_a.b_id = en_b.id) q,
  LATERAL generate_series(1, q.id) gs(i) WHERE q.id = gs.i;
SELECT q.id FROM (SELECT en_a.id FROM en_a LEFT JOIN en_b ON en_a.b_id = en_b.id) q,
  LATERAL generate_series(1, q.id) gs(i) WHERE q.id = gs.i ORDER BY 1;
EXPLAIN (VERBOSE, COSTS OFF)
SELECT q.id, gs.i FROM (SELECT en_a.id FROM en_a WHERE en_a.b_id > 0) q,
  LATERAL generate_series(1, q.id) gs(i) WHERE q.id = gs.i;
-- a SQL function in FROM whose body is a ROW(...) of its arguments: folded to one constant for constant arguments
CREATE TABLE en_pair (q1 int8, q2 int8);
CREATE FUNCTION en_mk(bigint, bigint) RETURNS en_pair AS 'SELECT row($1, $2)::en_pair' LANGUAGE sql;
CREATE FUNCTION en_mk1(int) RETURNS en_t AS 'SELECT row($1)::en_t' LANGUAGE sql;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM en_mk(1, 2);
SELECT * FROM en_mk(1, 2);
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM en_mk1(42);
SELECT * FROM en_mk1(42);
SELECT * FROM en_t i, en_mk(i.f1, i.f1 * 2) m ORDER BY 1;
SELECT * FROM en_mk(NULL, 1);
DROP FUNCTION en_mk(bigint, bigint);
DROP FUNCTION en_mk1(int);
DROP TABLE en_a, en_b, en_t, en_pair;
