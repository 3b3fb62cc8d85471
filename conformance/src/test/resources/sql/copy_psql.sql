-- COPY through psql: FROM STDIN (text and csv), TO STDOUT, \copy, and COPY errors.
DROP TABLE IF EXISTS sqltest_copy;
CREATE TABLE sqltest_copy (id int, name text, note text);
COPY sqltest_copy FROM STDIN;
1	alpha	\N
2	beta	tab\there
3	gamma	back\\slash
\.
COPY sqltest_copy (id, name) FROM STDIN WITH (FORMAT csv, HEADER true);
id,name
4,"delta, with comma"
5,"quote "" inside"
\.
SELECT * FROM sqltest_copy ORDER BY id;
COPY sqltest_copy TO STDOUT;
COPY (SELECT id, name FROM sqltest_copy WHERE id > 3 ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER true);
COPY sqltest_copy (id, note) TO STDOUT WITH (DELIMITER '|', NULL 'null');
\copy sqltest_copy (id, name) from stdin
6	via backslash copy
\.
\copy (select count(*) from sqltest_copy) to stdout
-- a bad row aborts the whole COPY
COPY sqltest_copy (id, name) FROM STDIN;
7	fine
eight	not a number
\.
COPY sqltest_copy FROM STDIN;
9	too	many	columns
\.
SELECT count(*) FROM sqltest_copy;
COPY no_such_table FROM STDIN;
DROP TABLE sqltest_copy;
