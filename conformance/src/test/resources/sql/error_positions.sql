-- Where psql's caret points: at the string literal whose input failed (not at the operator or function using it),
-- and inside a function body written as a string constant, at the place in the CREATE FUNCTION statement.
DROP TABLE IF EXISTS errpos_t;
CREATE TABLE errpos_t (a int, b text, c date);
SELECT * FROM errpos_t WHERE a = 'zz';
SELECT * FROM errpos_t WHERE c > 'not a date' AND a = 1;
SELECT * FROM errpos_t WHERE a IN (1, 'x');
SELECT abs('nope');
SELECT greatest(1, 'two');
SELECT CASE WHEN true THEN 1 ELSE 'one' END;
UPDATE errpos_t SET c = 'bad' WHERE a = 1;
INSERT INTO errpos_t VALUES (1, 'x', '2020-13-01');
SELECT 1 + 'x', 2;
CREATE FUNCTION errpos_f1(int) RETURNS int LANGUAGE sql AS 'select $1 + nosuch';
CREATE FUNCTION errpos_f2(int) RETURNS int LANGUAGE sql AS 'select ''it''''s'' || $1 + nosuch';
CREATE FUNCTION errpos_f3(int) RETURNS int LANGUAGE sql AS $$
  select $1
    + nosuch_column
$$;
CREATE FUNCTION errpos_f4(int) RETURNS int LANGUAGE sql AS $body$select $1 +$body$;
CREATE FUNCTION errpos_f5(int) RETURNS int LANGUAGE sql AS 'select no_such_function($1)';
CREATE FUNCTION errpos_f6() RETURNS int LANGUAGE plpgsql AS $$ begin retur 1; end $$;
CREATE FUNCTION errpos_f8() RETURNS int LANGUAGE plpgsql AS 'begin return 1 +; end';
CREATE FUNCTION errpos_f9() RETURNS int LANGUAGE plpgsql AS 'declare x int := ; begin return 1; end';
CREATE FUNCTION errpos_f11() RETURNS int LANGUAGE plpgsql AS $$
declare
    r record;
begin
    for r in select I fought the law, the law won LOOP
        return 1;
    end loop;
end$$;
CREATE FUNCTION errpos_f12() RETURNS int LANGUAGE plpgsql AS $$
begin
    if then return 1; end if;
end$$;
SELECT 1; CREATE FUNCTION errpos_f7(int) RETURNS int LANGUAGE sql AS 'select $1 + nosuch';
DROP TABLE errpos_t;
