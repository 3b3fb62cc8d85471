-- CREATE OPERATOR / DROP OPERATOR: user operators resolved with the built-in ones, over SQL and PL/pgSQL functions.
CREATE FUNCTION sqlop_plus(int, int) RETURNS int LANGUAGE sql AS 'SELECT $1 + $2 + 1000';
CREATE OPERATOR ### (FUNCTION = sqlop_plus, LEFTARG = int, RIGHTARG = int);
SELECT 1 ### 2;
SELECT 1 ### 2 ### 3;
-- an operator on a domain: CASE and NULLIF use it
CREATE DOMAIN sqlop_arr AS int[];
CREATE FUNCTION sqlop_make(int, int) RETURNS sqlop_arr LANGUAGE plpgsql VOLATILE AS
  'DECLARE x sqlop_arr; BEGIN x := array[$1, $2]; RETURN x; END';
CREATE FUNCTION sqlop_eq(sqlop_arr, sqlop_arr) RETURNS boolean LANGUAGE plpgsql AS
  'BEGIN RETURN array_eq($1, $2); END';
CREATE OPERATOR = (PROCEDURE = sqlop_eq, LEFTARG = sqlop_arr, RIGHTARG = sqlop_arr);
SELECT CASE sqlop_make(1, 2) WHEN array[2, 4]::sqlop_arr THEN 'wrong' WHEN array[1, 2]::sqlop_arr THEN 'right' END;
SELECT NULLIF(sqlop_make(1, 2), array[2, 3]::sqlop_arr);
SELECT NULLIF(sqlop_make(1, 2), array[1, 2]::sqlop_arr);
-- errors
CREATE OPERATOR ### (FUNCTION = sqlop_plus, LEFTARG = int, RIGHTARG = int);
CREATE OPERATOR ## (FUNCTION = sqlop_plus, LEFTARG = int);
CREATE OPERATOR ## (LEFTARG = int, RIGHTARG = int);
CREATE OPERATOR ## (FUNCTION = sqlop_plus, LEFTARG = text, RIGHTARG = int);
-- drop
DROP OPERATOR = (sqlop_arr, sqlop_arr);
DROP OPERATOR ### (int, int);
DROP OPERATOR IF EXISTS ### (int, int);
DROP OPERATOR ### (int, int);
SELECT 1 ### 2;
DROP FUNCTION sqlop_plus(int, int);
DROP FUNCTION sqlop_eq(sqlop_arr, sqlop_arr);
DROP FUNCTION sqlop_make(int, int);
DROP DOMAIN sqlop_arr;
