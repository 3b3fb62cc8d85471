-- Error messages as psql shows them: position markers, DETAIL and HINT, and their SQLSTATEs.
SELECT * FROM sqltest_no_such_table;
SELECT no_such_column FROM pg_class LIMIT 1;
SELEC 1;
SELECT 1 +;
SELECT 1/0;
SELECT 'abc'::int;
SELECT no_such_function(1);
SELECT 1 + 'a'::text;
DROP TABLE IF EXISTS sqltest_err;
CREATE TABLE sqltest_err (id int PRIMARY KEY, v text NOT NULL, n int CHECK (n > 0));
INSERT INTO sqltest_err VALUES (1, 'a', 1);
INSERT INTO sqltest_err VALUES (1, 'b', 2);
INSERT INTO sqltest_err VALUES (2, NULL, 2);
INSERT INTO sqltest_err VALUES (3, 'c', -1);
CREATE TABLE sqltest_err (x int);
DROP TABLE sqltest_no_such_table;
DROP TABLE IF EXISTS sqltest_no_such_table;
-- the SQLSTATE of the last error, as psql keeps it
SELECT * FROM sqltest_no_such_table;
\echo :LAST_ERROR_SQLSTATE
SELECC;
\echo :LAST_ERROR_SQLSTATE :LAST_ERROR_MESSAGE
INSERT INTO sqltest_err VALUES (1, 'b', 2);
\echo :LAST_ERROR_SQLSTATE
SELECT 'abc'::int;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY sqlstate
SELECT 1/0;
\set VERBOSITY default
SELECT 1/0;
DROP TABLE sqltest_err;
