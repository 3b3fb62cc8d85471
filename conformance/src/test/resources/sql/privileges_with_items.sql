-- Data-modifying WITH items are checked for their own command's privilege on their target (not only SELECT), and a
-- statement's target is its own relation even when its WITH items name other tables first.
DROP TABLE IF EXISTS pwi_t, pwi_u;
DROP ROLE IF EXISTS pwi_reader;
DROP ROLE IF EXISTS pwi_writer;
CREATE ROLE pwi_reader;
CREATE ROLE pwi_writer;
CREATE TABLE pwi_t (a int);
CREATE TABLE pwi_u (a int);
INSERT INTO pwi_u VALUES (7);
GRANT SELECT ON pwi_t, pwi_u TO pwi_reader;
GRANT INSERT, UPDATE, DELETE ON pwi_t TO pwi_writer;
GRANT SELECT ON pwi_u TO pwi_writer;
SET ROLE pwi_reader;
WITH x AS (INSERT INTO pwi_t VALUES (1) RETURNING *) SELECT * FROM x;
WITH x AS (INSERT INTO pwi_t SELECT a FROM pwi_u RETURNING *) SELECT * FROM x;
WITH x AS (DELETE FROM pwi_u RETURNING *) SELECT * FROM x;
WITH x AS (UPDATE pwi_u SET a = 8 RETURNING *) SELECT * FROM x;
WITH x AS (SELECT * FROM pwi_u) INSERT INTO pwi_t SELECT * FROM x;
WITH x AS (INSERT INTO pwi_t VALUES (2)) DELETE FROM pwi_u;
RESET ROLE;
SET ROLE pwi_writer;
-- INSERT without RETURNING needs no SELECT on the target; RETURNING, WHERE and reading it do
WITH x AS (INSERT INTO pwi_t VALUES (3)) SELECT 1 AS done;
WITH x AS (INSERT INTO pwi_t VALUES (4) RETURNING a) SELECT * FROM x;
WITH x AS (DELETE FROM pwi_t WHERE a = 3) SELECT 1 AS done;
WITH x AS (UPDATE pwi_t SET a = 5) SELECT 1 AS done;
WITH x AS (INSERT INTO pwi_t VALUES (6)) SELECT * FROM pwi_t;
WITH x AS (SELECT * FROM pwi_u) INSERT INTO pwi_t SELECT a FROM x;
WITH x AS (DELETE FROM pwi_t) INSERT INTO pwi_t SELECT a FROM pwi_u;
RESET ROLE;
SELECT * FROM pwi_t ORDER BY a;
SELECT * FROM pwi_u ORDER BY a;
DROP TABLE pwi_t, pwi_u;
DROP ROLE pwi_reader;
DROP ROLE pwi_writer;
