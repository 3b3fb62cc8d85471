-- Whole-row references to an outer join's nullable side, FULL JOIN ON false, LATERAL join conditions checked in
-- the lateral scan, int8 values probing an int4 index, and when a nested loop materializes its inner side.
CREATE TABLE jn_a (q1 int8, q2 int8);
INSERT INTO jn_a VALUES (123, 456), (123, 4567890123456789), (4567890123456789, 123),
  (4567890123456789, 4567890123456789), (4567890123456789, -4567890123456789);
CREATE TABLE jn_b (id int PRIMARY KEY, v text, w int);
INSERT INTO jn_b SELECT g, 'v' || g, g % 3 FROM generate_series(1, 1000) g;
CREATE TABLE jn_one (x int);
INSERT INTO jn_one VALUES (1);
ANALYZE jn_b;
ANALYZE jn_one;
-- Memoize is another matter (fixture join_gating)
SET enable_memoize = off;
-- a null-extended row's whole-row value is NULL, a matched one is not
SELECT t1.q2, count(t2.*) FROM jn_a t1 LEFT JOIN jn_a t2 ON t1.q2 = t2.q1 GROUP BY t1.q2 ORDER BY 1;
SELECT t1.q2, count(t2.*) FROM jn_a t1 LEFT JOIN (SELECT * FROM jn_a OFFSET 0) t2 ON t1.q2 = t2.q1
  GROUP BY t1.q2 ORDER BY 1;
SELECT t1.q2, count(t2.*) FROM jn_a t1 LEFT JOIN (SELECT q1, CASE WHEN q2 = 1 THEN 1 ELSE q2 END AS q2 FROM jn_a) t2
  ON t1.q2 = t2.q1 GROUP BY t1.q2 ORDER BY 1;
SELECT t1.q1, t1.q2, t2 IS NULL AS missing FROM jn_a t1 LEFT JOIN jn_a t2 ON t1.q2 = t2.q1 ORDER BY 1, 2, 3;
SELECT count(t1.*), count(t2.*), count(*) FROM jn_a t1 FULL JOIN jn_b t2 ON t1.q2 = t2.id;
SELECT count(t1.*), count(t2.*), count(*) FROM jn_a t1 RIGHT JOIN jn_b t2 ON t1.q2 = t2.id;
-- FULL JOIN ON false: every row of both sides, padded, the right side's first
SELECT * FROM jn_one a FULL JOIN jn_a b ON false;
SELECT * FROM jn_a a FULL JOIN jn_one b ON false;
-- a LATERAL join's conditions are checked in the lateral side's scan
EXPLAIN (COSTS OFF) SELECT * FROM jn_a a LEFT JOIN LATERAL (SELECT *, a.q2 AS x FROM jn_a b) ss ON a.q2 = ss.q1;
SELECT * FROM jn_a a LEFT JOIN LATERAL (SELECT *, a.q2 AS x FROM jn_a b) ss ON a.q2 = ss.q1 ORDER BY 1, 2, 3, 4;
SELECT * FROM jn_a a JOIN LATERAL (SELECT *, coalesce(a.q2, 42) AS x FROM jn_a b) ss ON a.q2 = ss.q1
  ORDER BY 1, 2, 3, 4;
-- a LATERAL subquery reading the left row only in its WHERE is a plain join
SELECT a.q1, x.v FROM jn_a a LEFT JOIN LATERAL (SELECT * FROM jn_b b WHERE b.id = a.q1) x ON true ORDER BY 1, 2;
SELECT a.q1, x.v FROM jn_a a, LATERAL (SELECT v FROM jn_b b WHERE b.id = a.q1 - 122 AND b.w = 1) x ORDER BY 1, 2;
SELECT o.x, count(s.*) FROM jn_one o LEFT JOIN LATERAL (SELECT * FROM jn_b b WHERE b.w = o.x + 5) s ON true GROUP BY 1;
EXPLAIN (COSTS OFF) SELECT * FROM jn_one o, LATERAL (SELECT * FROM jn_b b WHERE b.w = o.x) x;
EXPLAIN (COSTS OFF) SELECT * FROM jn_one o, LATERAL (SELECT * FROM jn_b b WHERE b.id = o.x) x;
ANALYZE jn_a;
-- an int8 value probing an int4 index: the index finds exactly the equal keys, no re-check
SET enable_hashjoin = off;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT a.q1, b.v FROM jn_a a LEFT JOIN jn_b b ON a.q1 = b.id;
RESET enable_hashjoin;
RESET enable_mergejoin;
SELECT a.q1, b.v FROM jn_a a LEFT JOIN jn_b b ON a.q1 = b.id ORDER BY 1, 2;
SELECT a.q2, b.v FROM jn_a a JOIN jn_b b ON a.q2 - 4567890123456789 + 123 = b.id ORDER BY 1, 2;
-- a nested loop over one outer row rescans nothing: no Materialize
EXPLAIN (COSTS OFF) SELECT * FROM jn_one o JOIN jn_a a ON o.x::int8 < a.q1;
SELECT * FROM jn_one o JOIN jn_a a ON o.x::int8 < a.q1 ORDER BY 2, 3;
RESET enable_memoize;
DROP TABLE jn_a, jn_b, jn_one;
