-- Semi and anti joins (EXISTS / NOT EXISTS / IN pulled up), constant folding, gating Results with One-Time Filter.
-- Results must stay those of the subqueries: NULL keys and duplicates on both sides.
CREATE TABLE jg_o (id int, k int);
CREATE TABLE jg_i (k int, v int);
CREATE TABLE jg_u (k int PRIMARY KEY, w text);
INSERT INTO jg_o VALUES (1, 1), (2, 2), (3, 2), (4, NULL), (5, 7), (6, 3);
INSERT INTO jg_i VALUES (1, 10), (2, 20), (2, 21), (NULL, 30), (5, 50);
INSERT INTO jg_u VALUES (1, 'a'), (2, 'b'), (9, 'z');
ANALYZE jg_o;
ANALYZE jg_i;
ANALYZE jg_u;
-- EXISTS: a semi join, each outer row at most once
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o WHERE EXISTS (SELECT 1 FROM jg_i i WHERE i.k = o.k);
SELECT * FROM jg_o o WHERE EXISTS (SELECT 1 FROM jg_i i WHERE i.k = o.k) ORDER BY id;
-- a LIMIT, DISTINCT or ORDER BY in EXISTS changes nothing
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o WHERE EXISTS (SELECT DISTINCT v FROM jg_i i WHERE i.k = o.k ORDER BY v LIMIT 1);
-- NOT EXISTS: an anti join; a NULL key has no match, so its row stays
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o WHERE NOT EXISTS (SELECT 1 FROM jg_i i WHERE i.k = o.k);
SELECT * FROM jg_o o WHERE NOT EXISTS (SELECT 1 FROM jg_i i WHERE i.k = o.k) ORDER BY id;
-- conditions of the subquery alone filter its rows below the join
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o WHERE EXISTS (SELECT 1 FROM jg_i i WHERE i.k = o.k AND i.v > 20);
SELECT * FROM jg_o o WHERE EXISTS (SELECT 1 FROM jg_i i WHERE i.k = o.k AND i.v > 20) ORDER BY id;
-- a condition that is not an equality: a nested loop semi join
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o WHERE EXISTS (SELECT 1 FROM jg_i i WHERE i.k > o.k);
SELECT * FROM jg_o o WHERE EXISTS (SELECT 1 FROM jg_i i WHERE i.k > o.k) ORDER BY id;
SELECT * FROM jg_o o WHERE NOT EXISTS (SELECT 1 FROM jg_i i WHERE i.k > o.k) ORDER BY id;
-- IN (subquery): a semi join too
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o WHERE k IN (SELECT k FROM jg_i);
SELECT * FROM jg_o o WHERE k IN (SELECT k FROM jg_i) ORDER BY id;
-- a subquery unique on the compared column: a plain join
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o WHERE k IN (SELECT k FROM jg_u);
SELECT * FROM jg_o o WHERE k IN (SELECT k FROM jg_u) ORDER BY id;
-- NOT IN is never an anti join: a NULL in the subquery leaves no row
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o WHERE k NOT IN (SELECT k FROM jg_i);
SELECT * FROM jg_o o WHERE k NOT IN (SELECT k FROM jg_i) ORDER BY id;
SELECT * FROM jg_o o WHERE k NOT IN (SELECT k FROM jg_i WHERE k IS NOT NULL) ORDER BY id;
-- under OR, EXISTS stays a subplan
SELECT * FROM jg_o o WHERE EXISTS (SELECT 1 FROM jg_i i WHERE i.k = o.k) OR o.id = 6 ORDER BY id;
-- EXISTS over a join and the rest of the WHERE
SELECT * FROM jg_o o, jg_u u WHERE o.k = u.k AND EXISTS (SELECT 1 FROM jg_i i WHERE i.k = o.k AND i.v <> o.id) ORDER BY o.id;
SELECT count(*) FROM jg_o o WHERE NOT EXISTS (SELECT 1 FROM jg_i i WHERE i.k = o.k) AND NOT EXISTS (SELECT 1 FROM jg_u u WHERE u.k = o.k);
-- constant folding: immutable calls of constants are evaluated while planning
EXPLAIN (COSTS OFF) SELECT * FROM jg_o WHERE k = 1 + 1;
EXPLAIN (COSTS OFF) SELECT * FROM jg_o WHERE NULLIF(1, 2) = 2;
EXPLAIN (COSTS OFF) SELECT * FROM jg_o WHERE CASE WHEN 1 = 1 THEN id ELSE 0 END > 4;
SELECT CASE WHEN id > 100 THEN 1/0 ELSE 0 END FROM jg_o;
SELECT CASE WHEN 1 = 2 THEN 1/0 ELSE id END AS x FROM jg_o ORDER BY x;
-- a WHERE that is never true: no relation is read
EXPLAIN (COSTS OFF) SELECT * FROM jg_o WHERE false;
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o, jg_i i WHERE o.k = i.k AND 1 = 2;
EXPLAIN (COSTS OFF) SELECT count(*) FROM jg_o WHERE NULL::boolean;
SELECT count(*) FROM jg_o WHERE NULL::boolean;
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o LEFT JOIN LATERAL (SELECT *, o.id FROM jg_i WHERE false) s ON true;
SELECT * FROM jg_o o LEFT JOIN LATERAL (SELECT *, o.id FROM jg_i WHERE false) s ON true ORDER BY 1;
-- conditions of no column: checked once, above the rows
EXPLAIN (COSTS OFF) SELECT * FROM jg_o WHERE now() = now() AND id > 4;
SELECT * FROM jg_o WHERE now() = now() AND id > 4 ORDER BY id;
EXPLAIN (COSTS OFF) SELECT * FROM jg_o o WHERE EXISTS (SELECT 1 FROM jg_u);
SELECT count(*) FROM jg_o o WHERE EXISTS (SELECT 1 FROM jg_u WHERE k = 99);
-- Memoize above a LATERAL function scan: repeated and NULL keys give the rows of running it each time
CREATE TABLE jg_m AS SELECT i, CASE WHEN i % 50 = 0 THEN NULL ELSE i % 3 END AS k FROM generate_series(1, 300) i;
ANALYZE jg_m;
EXPLAIN (COSTS OFF) SELECT count(*), sum(g) FROM jg_m m, LATERAL generate_series(1, m.k) g;
SELECT count(*), sum(g) FROM jg_m m, LATERAL generate_series(1, m.k) g;
EXPLAIN (COSTS OFF) SELECT m.k, count(g) FROM jg_m m LEFT JOIN LATERAL generate_series(1, m.k) g ON true GROUP BY m.k ORDER BY m.k;
SELECT m.k, count(g) FROM jg_m m LEFT JOIN LATERAL generate_series(1, m.k) g ON true GROUP BY m.k ORDER BY m.k;
SET enable_memoize = off;
EXPLAIN (COSTS OFF) SELECT count(*), sum(g) FROM jg_m m, LATERAL generate_series(1, m.k) g;
RESET enable_memoize;
DROP TABLE jg_m;
DROP TABLE jg_o, jg_i, jg_u;
