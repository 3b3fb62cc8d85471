-- Errors of constant folding come when PostgreSQL plans a statement, not when it only analyzes it:
-- PREPARE, CREATE VIEW, CREATE TABLE AS before its existence check (and WITH NO DATA, never planned).
PREPARE pe_q AS SELECT 1 / 0;
EXECUTE pe_q;
CREATE VIEW pe_v AS SELECT 1 / 0 AS x;
SELECT * FROM pe_v;
DROP VIEW pe_v;
CREATE TABLE pe_t AS SELECT 1 AS a;
CREATE TABLE pe_t AS SELECT 1 / 0; -- exists
CREATE TABLE IF NOT EXISTS pe_t AS SELECT 1 / 0; -- skipped
CREATE TABLE IF NOT EXISTS pe_t AS EXECUTE pe_q; -- skipped
CREATE TABLE pe_new AS SELECT 1 / 0; -- planned: fails
CREATE TABLE pe_new AS EXECUTE pe_q; -- fails
CREATE TABLE pe_nodata AS SELECT 1 / 0 AS z WITH NO DATA; -- not planned
SELECT * FROM pe_nodata;
DROP TABLE pe_nodata;
-- analysis errors still come first
CREATE TABLE pe_t AS SELECT nosuch FROM pe_t;
-- EXPLAIN of CREATE TABLE AS / SELECT INTO: the plan; under ANALYZE the table is created and filled
EXPLAIN (COSTS OFF) CREATE TABLE pe_e1 AS SELECT generate_series(1, 3) AS a;
SELECT * FROM pe_e1;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF) CREATE TABLE pe_e1 (a) AS SELECT generate_series(1, 3);
SELECT * FROM pe_e1;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF) CREATE TABLE pe_e2 (a) AS SELECT generate_series(1, 3) WITH NO DATA;
SELECT * FROM pe_e2;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF) SELECT a * 10 AS b INTO pe_e3 FROM pe_e1;
SELECT * FROM pe_e3;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF) CREATE TABLE IF NOT EXISTS pe_e3 AS SELECT 1 / 0;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF) CREATE TABLE pe_e3 AS SELECT 1 / 0;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF) CREATE TABLE pe_e4 AS EXECUTE pe_q;
DROP TABLE pe_e1, pe_e2, pe_e3;
-- SELECT ... INTO where it cannot create a table
SELECT * FROM (SELECT 1 INTO pe_f) bar;
INSERT INTO pe_t SELECT 1 INTO pe_f;
SELECT (SELECT 1 INTO pe_f);
WITH w AS (SELECT 1 INTO pe_f) SELECT 1;
BEGIN;
DECLARE pe_c CURSOR FOR SELECT 1 INTO pe_t;
ROLLBACK;
COPY (SELECT 1 INTO pe_f UNION SELECT 2) TO STDOUT;
CREATE VIEW pe_v AS SELECT 1 INTO pe_t;
DROP TABLE pe_t;
DEALLOCATE pe_q;
-- an UPDATE rule action's own columns are its target's, not those of the view it is on
CREATE TABLE pe_shipped (ttype char(2), ordnum int, value float8);
CREATE VIEW pe_shipped_view AS SELECT * FROM pe_shipped WHERE ttype = 'wt';
CREATE RULE pe_upd AS ON UPDATE TO pe_shipped_view DO INSTEAD
    UPDATE pe_shipped SET value = new.value WHERE ttype = new.ttype AND ordnum = new.ordnum;
INSERT INTO pe_shipped VALUES ('wt', 0, 1.5), ('wt', 1, 2.5), ('xx', 0, 3.5);
UPDATE pe_shipped_view SET value = 11 FROM (VALUES (0)) a(f1) WHERE ordnum = a.f1;
SELECT * FROM pe_shipped ORDER BY ttype, ordnum;
DROP VIEW pe_shipped_view;
DROP TABLE pe_shipped;
-- a whole-row reference under a cast is named after its table
CREATE VIEW pe_va AS SELECT 42 AS x;
SELECT (SELECT (a.*)::text) FROM pe_va a;
SELECT (a.*)::text FROM pe_va a;
DROP VIEW pe_va;
-- PL/pgSQL FOR over an EXPLAIN's lines
CREATE FUNCTION pe_explain() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE ln text;
BEGIN
    FOR ln IN EXPLAIN (COSTS OFF) SELECT 1 LOOP
        RETURN NEXT ln;
    END LOOP;
END $$;
SELECT * FROM pe_explain();
DROP FUNCTION pe_explain();
