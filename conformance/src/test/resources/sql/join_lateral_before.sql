-- LATERAL references from a join's right side to the FROM items before the join, x.* in expressions as the whole
-- row even when a column is named x, untyped literals of IN taking the left side's type, oidvector as an array,
-- and EXPLAIN qualifying names when a pulled-up subquery makes the range table longer than one entry.
CREATE TABLE lb_a (q1 int8, q2 int8);
INSERT INTO lb_a VALUES (123, 456), (123, 4567890123456789), (4567890123456789, 123),
  (4567890123456789, 4567890123456789), (4567890123456789, -4567890123456789);
CREATE TABLE lb_b (f1 int4);
INSERT INTO lb_b VALUES (0), (123456), (-123456), (2147483647), (-2147483647);
CREATE TABLE lb_big (u1 int, u2 int);
INSERT INTO lb_big SELECT g, (g * 7919) % 5000 FROM generate_series(0, 4999) g;
ANALYZE lb_big;
-- the right side of the join reads the item before it
SELECT count(*) FROM lb_big a, lb_big b JOIN LATERAL (VALUES (a.u1)) ss(x) ON b.u2 = ss.x;
SELECT count(*) FROM lb_big a, lb_big b JOIN LATERAL (VALUES (a.u1), (-1)) ss(x) ON b.u2 = ss.x;
SELECT * FROM lb_a a, lb_a x LEFT JOIN LATERAL (SELECT a.q1 FROM lb_b y) ss(z) ON x.q2 = ss.z
  ORDER BY a.q1, a.q2, x.q1, x.q2, ss.z;
-- ... and both it and the join's left side
SELECT * FROM lb_b a, lb_b b JOIN LATERAL (SELECT a.f1, b.f1) ss(x, y) ON ss.x = b.f1 ORDER BY 1, 2;
SELECT * FROM lb_b a, lb_b b LEFT JOIN LATERAL (SELECT a.f1 WHERE a.f1 > 0) ss(x) ON ss.x = b.f1
  ORDER BY 1, 2;
SELECT a.*, ss.* FROM lb_b a, lb_a b CROSS JOIN LATERAL (SELECT a.f1 + b.q1 AS s) ss ORDER BY 1, 2 LIMIT 5;
-- the items before the join are still not visible to a plain subquery or to the ON condition
SELECT * FROM lb_b a, lb_b b JOIN (SELECT a.f1) ss ON true;
-- inside another join a LATERAL item sees the enclosing join's left side too: a name both have is ambiguous
SELECT * FROM lb_a x CROSS JOIN (lb_b x CROSS JOIN LATERAL (SELECT x.f1) ss);
SELECT * FROM lb_a x CROSS JOIN (lb_b y CROSS JOIN LATERAL (SELECT y.f1) ss) ORDER BY 1, 2, 3 LIMIT 3;
-- a star reference in an expression is the whole row, not a column of that name
CREATE TABLE lb_x (x int, y text);
INSERT INTO lb_x VALUES (1, 'one'), (NULL, NULL);
SELECT count(x.*), count(x.x) FROM lb_x x;
SELECT x.* IS NULL AS all_null, row_to_json(x.*) FROM lb_x x ORDER BY x.x;
SELECT o.x, count(x.*) FROM lb_x o LEFT JOIN lb_x x ON x.x = o.x GROUP BY o.x ORDER BY 1;
-- untyped literals of IN take the left side's type
SELECT relname FROM pg_class WHERE oid::regclass IN ('lb_a', 'lb_b') ORDER BY 1;
SELECT 'lb_a'::regclass IN ('lb_a', 'lb_b') AS yes, 'lb_x'::regclass IN ('lb_a', 'lb_b') AS no;
SELECT relname FROM pg_class WHERE oid::regclass NOT IN ('lb_a', 'lb_b') AND relname LIKE 'lb\_%' ORDER BY 1;
-- ... a domain's base type: its check does not apply to the literals
CREATE DOMAIN lb_small AS int CHECK (VALUE < 10);
SELECT 5::lb_small IN ('5', '50') AS yes, 5::lb_small IN ('6', '50') AS no;
DROP DOMAIN lb_small;
-- oidvector and int2vector are arrays of oid and int2
CREATE INDEX lb_a_q1 ON lb_a (q1, q2);
SELECT c.relname, count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid, pg_opclass o
  WHERE c.relname = 'lb_a_q1' AND o.oid = ANY (i.indclass) GROUP BY 1;
SELECT 2::int2 = ANY ('1 2'::int2vector) AS yes, 3::oid = ANY ('1 2'::oidvector) AS no, 3::oid <> ALL ('1 2'::oidvector);
-- a pulled-up subquery or inlined CTE is a range table entry: names are qualified
EXPLAIN (VERBOSE, COSTS OFF) WITH x AS (SELECT * FROM (SELECT f1 FROM lb_b) ss) SELECT * FROM x WHERE f1 = 1;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM (SELECT f1, f1 + 1 AS g FROM lb_b) ss;
EXPLAIN (COSTS OFF) SELECT max(x), y FROM (SELECT u1 AS x, u1 + u2 AS y FROM lb_big) ss GROUP BY y;
EXPLAIN (VERBOSE, COSTS OFF) SELECT f1 FROM lb_b;
EXPLAIN (COSTS OFF) SELECT u1 + u2 FROM lb_big GROUP BY u1 + u2;
-- a repeated name gets _1, cut to stay under NAMEDATALEN
EXPLAIN (COSTS OFF) SELECT * FROM lb_b xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx UNION ALL SELECT * FROM lb_b xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;
DROP TABLE lb_a, lb_b, lb_big, lb_x;
