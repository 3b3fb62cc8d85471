-- Which uncorrelated ANY subplans PostgreSQL hashes (testexpr_is_hashable): a strict hashable operator with the
-- test value on the left, never anonymous records; the others rescan their input through a Materialize node, but
-- in a VALUES list of several rows neither. FOR UPDATE passes over WITH items (transformLockingClause).
CREATE TABLE sh_int8 (q1 int8, q2 int8);
INSERT INTO sh_int8 VALUES (123, 456), (4567890123456789, 123), (-123, 7);
CREATE TABLE sh_text (c1 text, c2 text);
INSERT INTO sh_text VALUES ('123', 'a'), ('-123', 'b'), ('x', 'c');
CREATE TABLE sh_t (f1 int, f2 int);
INSERT INTO sh_t VALUES (1, 2), (2, 3), (3, 4);
-- anonymous records: compared one by one, the subquery's rows materialized
EXPLAIN (COSTS OFF) SELECT row(row(row(1))) = any (SELECT row(row(1)));
SELECT row(row(row(1))) = any (SELECT row(row(1)));
EXPLAIN (VERBOSE, COSTS OFF) SELECT row(1, 2) = any (SELECT f1, f2 FROM sh_t);
SELECT row(1, 2) = any (SELECT f1, f2 FROM sh_t), row(1, 3) = any (SELECT f1, f2 FROM sh_t);
-- ROW(x) with one field compares as x
EXPLAIN (VERBOSE, COSTS OFF) SELECT row(2) = any (SELECT f1 FROM sh_t);
SELECT row(2) = any (SELECT f1 FROM sh_t), row(7) IN (SELECT f1 FROM sh_t);
SELECT row(1) = any (SELECT 1, 2);
-- an operator whose SQL function inlines: hashed when the inlined comparison still hashes with the sides in place
BEGIN;
CREATE FUNCTION sh_int8_text_eq(int8, text) RETURNS boolean LANGUAGE sql AS 'select $1::text = $2';
CREATE OPERATOR = (procedure = sh_int8_text_eq, leftarg = int8, rightarg = text);
EXPLAIN (COSTS OFF) SELECT * FROM sh_int8 WHERE q1 IN (SELECT c1 FROM sh_text);
SELECT * FROM sh_int8 WHERE q1 IN (SELECT c1 FROM sh_text) ORDER BY q1;
CREATE OR REPLACE FUNCTION sh_int8_text_eq(int8, text) RETURNS boolean LANGUAGE sql
  AS 'select $1::text = $2 and $1::text = $2';
EXPLAIN (COSTS OFF) SELECT * FROM sh_int8 WHERE q1 IN (SELECT c1 FROM sh_text);
SELECT * FROM sh_int8 WHERE q1 IN (SELECT c1 FROM sh_text) ORDER BY q1;
CREATE OR REPLACE FUNCTION sh_int8_text_eq(int8, text) RETURNS boolean LANGUAGE sql AS 'select $2 = $1::text';
EXPLAIN (COSTS OFF) SELECT * FROM sh_int8 WHERE q1 IN (SELECT c1 FROM sh_text);
SELECT * FROM sh_int8 WHERE q1 IN (SELECT c1 FROM sh_text) ORDER BY q1;
ROLLBACK;
-- a hashable ANY, and an ALL (never hashed)
EXPLAIN (COSTS OFF) SELECT * FROM sh_t WHERE f1 NOT IN (SELECT f2 FROM sh_t);
EXPLAIN (COSTS OFF) SELECT * FROM sh_t WHERE f1 > ALL (SELECT f1 - 1 FROM sh_t);
SELECT * FROM sh_t WHERE f1 NOT IN (SELECT f2 FROM sh_t);
-- subplans of a VALUES list of several rows are the Values Scan's
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM (VALUES (3 NOT IN (SELECT * FROM (VALUES (1), (2)) ss1)), (false)) ss;
SELECT * FROM (VALUES (3 NOT IN (SELECT * FROM (VALUES (1), (2)) ss1)), (false)) ss;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM (VALUES (3 IN (SELECT f1 FROM sh_t)), (false)) ss;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM (VALUES (3 > ALL (SELECT f1 FROM sh_t)), (false)) ss;
SELECT * FROM (VALUES (3 IN (SELECT f1 FROM sh_t)), (3 > ALL (SELECT f1 FROM sh_t))) ss;
-- FOR UPDATE locks no rows of a query that reads only WITH items, inlined or not
EXPLAIN (VERBOSE, COSTS OFF) WITH x AS (SELECT * FROM sh_t) SELECT * FROM x FOR UPDATE;
EXPLAIN (VERBOSE, COSTS OFF) WITH x AS MATERIALIZED (SELECT * FROM sh_t) SELECT * FROM x FOR SHARE;
WITH x AS (SELECT * FROM sh_t) SELECT * FROM x ORDER BY f1 FOR UPDATE;
WITH x AS (SELECT * FROM sh_t) SELECT * FROM x FOR UPDATE OF x;
WITH x AS (SELECT * FROM sh_t) SELECT * FROM x FOR NO KEY UPDATE OF x NOWAIT;
WITH x AS (SELECT * FROM sh_t) SELECT count(*) FROM x FOR UPDATE;
DROP TABLE sh_int8, sh_text, sh_t;
