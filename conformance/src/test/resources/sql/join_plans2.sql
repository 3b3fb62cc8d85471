-- Nested loops probing multi-column indexes with the outer row's values (parameterized index scans) and
-- equivalence classes with a constant (a column joined to one compared with a constant is compared with it too).
CREATE TABLE jp_f (a int, b int, c int UNIQUE, PRIMARY KEY (a, b));
CREATE TABLE jp_f1 (a int, b int, PRIMARY KEY (a, b));
INSERT INTO jp_f SELECT x / 10, x % 10, x FROM generate_series(1, 1000) x;
INSERT INTO jp_f1 SELECT x / 10, x % 10 FROM generate_series(1, 1000) x;
INSERT INTO jp_f1 VALUES (500, 1), (500, 2);
ANALYZE jp_f;
ANALYZE jp_f1;
-- each outer row probes the two-column primary key of jp_f1 with both of its values
EXPLAIN (COSTS OFF)
SELECT f.*, f1.a, f2.b FROM jp_f f
  LEFT JOIN jp_f1 f1 ON f.a = f1.a AND f.b = f1.b
  LEFT JOIN jp_f1 f2 ON f.a = f2.a AND f.b = f2.b
WHERE f.c = 1;
SELECT f.*, f1.a, f2.b FROM jp_f f
  LEFT JOIN jp_f1 f1 ON f.a = f1.a AND f.b = f1.b
  LEFT JOIN jp_f1 f2 ON f.a = f2.a AND f.b = f2.b
WHERE f.c IN (1, 5, 1000) ORDER BY f.c;
-- an outer row without a match keeps its NULLs; the leading column alone bounds the scan too
SELECT f.c, f1.a, f1.b FROM jp_f f LEFT JOIN jp_f1 f1 ON f1.a = f.a + 50 AND f1.b = f.b WHERE f.c < 4 ORDER BY 1, 2, 3;
SELECT f.c, count(f1.b) FROM jp_f f JOIN jp_f1 f1 ON f1.a = f.a * 10 WHERE f.c IN (5, 50, 51) GROUP BY f.c ORDER BY 1;
-- the constant reaches the other side of the equality: an index condition there
CREATE TABLE jp_small (k int, v text);
INSERT INTO jp_small VALUES (0, 'zero'), (1, 'one'), (1, 'uno'), (NULL, 'null');
ANALYZE jp_small;
EXPLAIN (COSTS OFF) SELECT * FROM jp_small s, jp_f f WHERE s.k = f.c AND s.k = 1;
SELECT s.*, f.a, f.b FROM jp_small s, jp_f f WHERE s.k = f.c AND s.k = 1 ORDER BY v;
SELECT s.*, f.a, f.b FROM jp_small s, jp_f f WHERE f.c = s.k AND 1 = f.c ORDER BY v;
-- two different constants: no row
EXPLAIN (COSTS OFF) SELECT * FROM jp_small s, jp_f f WHERE s.k = f.c AND s.k = 1 AND f.c = 2;
SELECT * FROM jp_small s, jp_f f WHERE s.k = f.c AND s.k = 1 AND f.c = 2;
-- three inputs in one class
SELECT s.v, f.c, f1.b FROM jp_small s, jp_f f, jp_f1 f1 WHERE s.k = f.c AND f.c = f1.a AND f1.a = 1 ORDER BY 1, 3;
-- a LEFT join's right side is compared with the constant the WHERE holds its left column to; the join keeps its condition
EXPLAIN (COSTS OFF) SELECT * FROM jp_small s LEFT JOIN jp_f f ON s.k = f.c WHERE s.k = 0;
SELECT s.*, f.a FROM jp_small s LEFT JOIN jp_f f ON s.k = f.c WHERE s.k = 1 ORDER BY v;
SELECT s.*, f.a FROM jp_small s LEFT JOIN jp_f f ON s.k + 0 = f.c WHERE s.k = 0 ORDER BY v;
DROP TABLE jp_f, jp_f1, jp_small;
