-- Prepared statements through SQL: PREPARE / EXECUTE / DEALLOCATE and pg_prepared_statements.
DROP TABLE IF EXISTS sqltest_prep;
CREATE TABLE sqltest_prep (id int PRIMARY KEY, name text);
INSERT INTO sqltest_prep VALUES (1, 'one'), (2, 'two'), (3, 'three');
PREPARE by_id (int) AS SELECT name FROM sqltest_prep WHERE id = $1;
EXECUTE by_id(2);
EXECUTE by_id(42);
-- parameter types are inferred when not given
PREPARE add_row AS INSERT INTO sqltest_prep VALUES ($1, $2) RETURNING id, name;
EXECUTE add_row(4, 'four');
EXECUTE add_row('5', 'five');
SELECT name, statement, parameter_types, from_sql FROM pg_prepared_statements ORDER BY name;
-- wrong number of parameters, wrong type, unknown name, duplicate name
EXECUTE by_id(1, 2);
EXECUTE by_id('x');
EXECUTE no_such_statement(1);
PREPARE by_id (int) AS SELECT 1;
DEALLOCATE by_id;
EXECUTE by_id(1);
DEALLOCATE by_id;
PREPARE counted (text) AS UPDATE sqltest_prep SET name = $1 WHERE id > 3;
EXECUTE counted('many');
SELECT * FROM sqltest_prep ORDER BY id;
DEALLOCATE ALL;
SELECT count(*) FROM pg_prepared_statements;
DROP TABLE sqltest_prep;
