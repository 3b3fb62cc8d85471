-- WITH: PostgreSQL's errors (data-modifying items below the top level, forward references, unhashable recursive
-- UNION, cycle marks without equality, WITH RECURSIVE in MERGE, outer-level aggregates over nested CTEs, select list
-- analyzed before WHERE) and UPDATE ... FROM / DELETE ... USING over inheritance children inside WITH.
CREATE TABLE we_y (a int);
INSERT INTO we_y VALUES (1), (2);
SELECT * FROM (WITH t AS (UPDATE we_y SET a = a + 1 RETURNING *) SELECT * FROM t) ss;
SELECT (WITH t AS (DELETE FROM we_y RETURNING *) SELECT count(*) FROM t);
WITH s AS (WITH t AS (INSERT INTO we_y VALUES (3) RETURNING *) SELECT * FROM t) SELECT * FROM s;
INSERT INTO we_y WITH t AS (DELETE FROM we_y RETURNING *) SELECT * FROM t;
WITH t AS (UPDATE we_y SET a = a * 10 RETURNING *) SELECT * FROM t ORDER BY a;
SELECT * FROM we_y ORDER BY a;
-- a forward reference to a later item, or to the item itself without RECURSIVE
WITH a AS (SELECT * FROM b), b AS (SELECT 1 AS x) SELECT * FROM a;
WITH outermost(x) AS (
  SELECT 1
  UNION (WITH innermost AS (SELECT 2)
         SELECT * FROM outermost
         UNION SELECT * FROM innermost)
)
SELECT * FROM outermost ORDER BY 1;
WITH x AS (SELECT 1) SELECT * FROM nosuchtable_we;
-- UNION (not ALL) in a recursive query hashes its rows
WITH RECURSIVE t(n) AS (VALUES (1::money) UNION SELECT n + 1::money FROM t WHERE n < 5::money) SELECT sum(n) FROM t;
WITH RECURSIVE t(n) AS (VALUES (1::money) UNION ALL SELECT n + 1::money FROM t WHERE n < 5::money) SELECT sum(n) FROM t;
WITH RECURSIVE t(n) AS (VALUES (B'1'::varbit) UNION SELECT n FROM t) SELECT * FROM t;
WITH RECURSIVE t(n) AS (VALUES (ARRAY[1::money]) UNION SELECT n FROM t) SELECT * FROM t;
WITH RECURSIVE t(n) AS (VALUES (ARRAY[1]) UNION SELECT n FROM t) SELECT * FROM t;
-- the cycle mark needs an equality operator
CREATE TABLE we_graph (f int, t int);
INSERT INTO we_graph VALUES (1, 2), (2, 1);
WITH RECURSIVE g(f, t) AS (SELECT * FROM we_graph UNION ALL SELECT e.* FROM we_graph e, g WHERE e.f = g.t)
  CYCLE f, t SET is_cycle TO point '(1,1)' DEFAULT point '(0,0)' USING path
SELECT * FROM g;
WITH RECURSIVE g(f, t) AS (SELECT * FROM we_graph UNION ALL SELECT e.* FROM we_graph e, g WHERE e.f = g.t)
  CYCLE f, t SET is_cycle TO 'Y' DEFAULT 'N' USING path
SELECT * FROM g ORDER BY path;
-- MERGE refuses WITH RECURSIVE
CREATE TABLE we_m (k int UNIQUE, v text);
WITH RECURSIVE c AS (SELECT 1 a)
MERGE INTO we_m USING (SELECT 0 k, 'src' v) o ON we_m.k = o.k
WHEN NOT MATCHED THEN INSERT VALUES (o.k, o.v);
WITH c AS (SELECT 1 a)
MERGE INTO we_m USING (SELECT 0 k, 'src' v) o ON we_m.k = o.k
WHEN NOT MATCHED THEN INSERT VALUES (o.k, o.v);
SELECT * FROM we_m;
-- an aggregate of an outer level may not read a WITH item of an inner one
CREATE TABLE we_i4 (f1 int);
INSERT INTO we_i4 VALUES (1), (2);
SELECT f1, (WITH cte1(x, y) AS (SELECT 1, 2) SELECT count((SELECT i4.f1 FROM cte1))) AS ss FROM we_i4 i4;
SELECT (WITH cte1(x) AS (SELECT 1) SELECT count((SELECT x FROM cte1))) AS ss FROM we_i4 i4 ORDER BY 1;
SELECT (SELECT count((WITH c AS (SELECT i4.f1 AS v) SELECT v FROM c))) FROM we_i4 i4;
WITH a AS (SELECT id FROM (VALUES (1), (2)) AS v(id)), b AS (SELECT max((SELECT sum(id) FROM a)) AS agg)
SELECT agg FROM b;
-- the select list's error comes before WHERE's
WITH RECURSIVE t(n) AS (SELECT '7' UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT n, pg_typeof(n) FROM t;
SELECT nosuchcol_a FROM we_y WHERE nosuchcol_b > 0;
SELECT a FROM we_y WHERE nosuchcol_b > 0;
-- UPDATE ... FROM and DELETE ... USING reach the children of an inheritance parent
CREATE TABLE we_parent (id int, val text);
CREATE TABLE we_child1 () INHERITS (we_parent);
CREATE TABLE we_child2 () INHERITS (we_parent);
INSERT INTO we_parent VALUES (1, 'p1');
INSERT INTO we_child1 VALUES (11, 'c11'), (12, 'c12');
INSERT INTO we_child2 VALUES (23, 'c21'), (24, 'c22');
WITH rcte AS (SELECT sum(id) AS totalid FROM we_parent)
UPDATE we_parent SET id = id + totalid FROM rcte;
SELECT *, tableoid::regclass FROM we_parent ORDER BY id;
WITH wcte AS (INSERT INTO we_child1 VALUES (42, 'new') RETURNING id AS newid)
UPDATE we_parent SET id = id + newid FROM wcte;
SELECT *, tableoid::regclass FROM we_parent ORDER BY id;
WITH rcte AS (SELECT max(id) AS maxid FROM we_parent)
DELETE FROM we_parent USING rcte WHERE id = maxid RETURNING *;
WITH wcte AS (INSERT INTO we_child2 VALUES (42, 'new2') RETURNING id AS newid)
DELETE FROM we_parent USING wcte WHERE id = newid;
SELECT *, tableoid::regclass FROM we_parent ORDER BY id;
UPDATE ONLY we_parent p SET val = val || 'x' FROM (VALUES (114), (124)) v(i) WHERE p.id = v.i RETURNING p.*, v.i;
UPDATE we_parent p SET val = val || 'y' FROM (VALUES (114), (124)) v(i) WHERE p.id = v.i RETURNING p.*, v.i;
DELETE FROM we_parent p USING (VALUES (125), (136)) v(i) WHERE p.id = v.i RETURNING p.val, v.i;
SELECT *, tableoid::regclass FROM we_parent ORDER BY id;
-- partitions: a row moved by UPDATE ... FROM keeps the other items for RETURNING
CREATE TABLE we_pt (a int, b text) PARTITION BY LIST (a);
CREATE TABLE we_pt1 PARTITION OF we_pt FOR VALUES IN (1);
CREATE TABLE we_pt2 PARTITION OF we_pt FOR VALUES IN (2);
INSERT INTO we_pt VALUES (1, 'a'), (2, 'b');
UPDATE we_pt SET b = b || 'y' FROM (VALUES (1)) v(i) WHERE a = i RETURNING *;
UPDATE we_pt SET a = 2 FROM (VALUES (1, 'moved')) v(i, note) WHERE a = i RETURNING we_pt.*, v.note;
DELETE FROM we_pt USING (VALUES (2)) v(i) WHERE a = i AND b = 'b' RETURNING *;
SELECT *, tableoid::regclass FROM we_pt ORDER BY a, b;
DROP TABLE we_pt;
DROP TABLE we_parent CASCADE;
DROP TABLE we_y, we_graph, we_m, we_i4;
-- a subquery column the outer query does not read is not computed (remove_unused_subquery_outputs)
CREATE TABLE we_i8 (q1 int8, q2 int8);
INSERT INTO we_i8 VALUES (1, 2), (1, 3), (4, 5);
SELECT q1 FROM (WITH t_cte AS (SELECT * FROM we_i8 t)
  SELECT q1, (SELECT q2 FROM t_cte WHERE t_cte.q1 = i8.q1) AS t_sub FROM we_i8 i8) ss;
SELECT q1 FROM (WITH t_cte AS MATERIALIZED (SELECT * FROM we_i8 t)
  SELECT q1, (SELECT q2 FROM t_cte WHERE t_cte.q1 = i8.q1) AS t_sub FROM we_i8 i8) ss ORDER BY q1 DESC;
SELECT q1, t_sub FROM (SELECT q1, (SELECT q2 FROM we_i8 t WHERE t.q1 = i8.q1) AS t_sub FROM we_i8 i8) ss;
SELECT q1 FROM (SELECT q1, (SELECT q2 FROM we_i8) AS s FROM we_i8) ss WHERE q1 > 1;
SELECT q1 FROM (SELECT q1, (SELECT q2 FROM we_i8) AS s FROM we_i8) ss WHERE s > 0;
SELECT q1 FROM (SELECT q1, (SELECT q2 FROM we_i8 WHERE random() >= 0) AS s FROM we_i8) ss;
DROP TABLE we_i8;
