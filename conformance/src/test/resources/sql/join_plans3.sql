-- Constant FROM items (PostgreSQL's pull_up_constant_function and remove_useless_result_rtes): a one-row item of
-- constants -- (select 123 as x), an immutable function of constants in any language -- takes no part in the
-- joins; its values take the place of its columns in the conditions.
CREATE TABLE jc_t (unique1 int, unique2 int, hundred int);
INSERT INTO jc_t SELECT g, 9999 - g, g % 100 FROM generate_series(0, 9999) g;
CREATE UNIQUE INDEX jc_t_u1 ON jc_t (unique1);
CREATE TABLE jc_s (q1 int8, q2 int8);
INSERT INTO jc_s VALUES (123, 456), (123, 4567890123456789), (4567890123456789, 123),
  (4567890123456789, 4567890123456789), (4567890123456789, -4567890123456789);
VACUUM ANALYZE jc_t;
ANALYZE jc_s;
CREATE FUNCTION jc_imm(i int) RETURNS int AS $$ begin return i; end; $$ LANGUAGE plpgsql IMMUTABLE;
-- the function is evaluated while planning: the scan probes the index with its value
EXPLAIN (COSTS OFF) SELECT unique1 FROM jc_t, jc_imm(1) x WHERE x = unique1;
SELECT unique1, x FROM jc_t, jc_imm(1) x WHERE x = unique1;
EXPLAIN (COSTS OFF) SELECT unique1 FROM jc_t, (SELECT * FROM jc_imm(5) x) x WHERE x = unique1;
SELECT unique1 FROM jc_t, (SELECT * FROM jc_imm(5) x) x WHERE x = unique1;
EXPLAIN (COSTS OFF) SELECT unique1, x FROM jc_t JOIN jc_imm(1) x ON unique1 = x;
EXPLAIN (COSTS OFF) SELECT unique1 FROM jc_t, LATERAL jc_imm(7) x WHERE x = unique1;
-- a LEFT join's constant right row: the condition reads the left side only, a join filter
EXPLAIN (COSTS OFF) SELECT unique1, x FROM jc_t LEFT JOIN jc_imm(1) x ON unique1 = x;
SELECT count(*), count(x), sum(x) FROM jc_t LEFT JOIN jc_imm(1) x ON unique1 = x;
-- the value makes the condition false: no rows, nothing scanned
EXPLAIN (COSTS OFF) SELECT unique1 FROM jc_t, jc_imm(1) x WHERE x = 42;
SELECT unique1 FROM jc_t, jc_imm(1) x WHERE x = 42;
-- a cross join with a constant row is the other side
EXPLAIN (COSTS OFF) SELECT count(*) FROM jc_t, jc_imm(2) x;
SELECT count(*), min(x) FROM jc_t, jc_imm(2) x;
-- a constant subquery joined inside the nullable side of an outer join
EXPLAIN (COSTS OFF)
SELECT * FROM jc_s i1 LEFT JOIN (jc_s i2 JOIN (SELECT 123 AS x) ss ON i2.q1 = x) ON i1.q2 = i2.q2 ORDER BY 1, 2;
SELECT * FROM jc_s i1 LEFT JOIN (jc_s i2 JOIN (SELECT 123 AS x) ss ON i2.q1 = x) ON i1.q2 = i2.q2 ORDER BY 1, 2, 3, 4;
-- volatile and set-returning items stay scans
SELECT count(*) FROM jc_t, generate_series(1, 2) g WHERE g = unique1;
DROP FUNCTION jc_imm(int);
DROP TABLE jc_t, jc_s;
