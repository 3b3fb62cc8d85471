-- WITH items are computed once per statement, so a CTE scan is an uncorrelated input to a join: it may be sorted
-- for a merge join, hashed, or drive a loop (a recursive item's work table still only inside its own recursion);
-- a CTE scan costs two tuple costs a row (cost_ctescan), so the recursive self-join below is a Merge Join and its
-- rows come out in id order. The subqueries of a target list computed in a scan are that scan's SubPlans in
-- EXPLAIN, and a correlated subquery's outer values are numbered before its InitPlans.
CREATE TEMP TABLE aw_tree (id int PRIMARY KEY, parent_id int);
INSERT INTO aw_tree VALUES (1, NULL), (2, 1), (3, 1), (4, 2), (5, 2), (6, 2), (7, 3), (8, 3),
  (9, 4), (10, 4), (11, 7), (12, 7), (13, 7), (14, 9), (15, 11), (16, 11);
WITH RECURSIVE t(id, path) AS (
  VALUES (1, ARRAY[]::integer[])
  UNION ALL
  SELECT aw_tree.id, t.path || aw_tree.id FROM aw_tree JOIN t ON (aw_tree.parent_id = t.id)
)
SELECT t1.id, t2.path, t2 FROM t AS t1 JOIN t AS t2 ON (t1.id = t2.id);
-- a plain WITH item read twice, joined on its key
EXPLAIN (COSTS OFF)
WITH c AS MATERIALIZED (SELECT id, parent_id FROM aw_tree WHERE id > 3)
SELECT a.id, b.parent_id FROM c a JOIN c b ON a.id = b.id;
WITH c AS MATERIALIZED (SELECT id, parent_id FROM aw_tree WHERE id > 3)
SELECT a.id, b.parent_id FROM c a JOIN c b ON a.id = b.id;
-- a WITH item joined with a table
EXPLAIN (COSTS OFF)
WITH c AS MATERIALIZED (SELECT id FROM aw_tree WHERE parent_id = 7)
SELECT t.id, t.parent_id FROM aw_tree t JOIN c ON t.parent_id = c.id;
WITH c AS MATERIALIZED (SELECT id FROM aw_tree WHERE parent_id = 7)
SELECT t.id, t.parent_id FROM aw_tree t JOIN c ON t.parent_id = c.id ORDER BY 1;
-- subqueries of the select list shown under the scan that computes them
CREATE TEMP TABLE aw_outer (f1 int);
INSERT INTO aw_outer VALUES (0), (5), (-3), (12);
EXPLAIN (COSTS OFF)
SELECT f1, (SELECT min(id) FROM aw_tree WHERE id > f1) AS gt FROM aw_outer;
SELECT f1, (SELECT min(id) FROM aw_tree WHERE id > f1) AS gt FROM aw_outer;
EXPLAIN (COSTS OFF)
SELECT f1, (SELECT parent_id FROM aw_tree WHERE id = f1) AS p FROM aw_outer;
SELECT f1, (SELECT parent_id FROM aw_tree WHERE id = f1) AS p FROM aw_outer;
