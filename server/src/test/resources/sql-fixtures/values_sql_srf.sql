-- set-returning SQL-language functions (in FROM and in the select list), polymorphic ones, RETURNS TABLE coercion
create or replace function vsrf_unnest(anyarray) returns setof anyelement as $$ select $1[s] from generate_subscripts($1,1) g(s) $$ language sql immutable;
select * from vsrf_unnest(array[1,2,3]);
select * from vsrf_unnest(array['a','b']::text[]);
select vsrf_unnest(array[4.5, 6]) as v;
create or replace function vsrf_silly(int) returns setof int as 'values (1),(10),(2),($1)' language sql immutable;
select vsrf_silly(42);
select vsrf_silly(-1) order by 1;
select * from vsrf_silly(null);
create or replace function vsrf_table(x int) returns table (a int, b text) language sql as $$ select sum(g)::bigint, 'n' || g from generate_series(1, x) g group by g order by g $$;
select * from vsrf_table(3);
select a + 1, b from vsrf_table(2) order by 1;
create or replace function vsrf_atomic(x int) returns table (a int) language sql begin atomic select g * 2 from generate_series(1, x) g; end;
select * from vsrf_atomic(4);
select count(*) from vsrf_atomic(0);
create or replace function vsrf_poly(anyelement) returns anyelement language sql as $$ select $1 from generate_series(1, 1) $$;
select vsrf_poly(3), vsrf_poly('x'::text);
drop function vsrf_unnest(anyarray), vsrf_silly(int), vsrf_table(int), vsrf_atomic(int), vsrf_poly(anyelement);
-- built-in SQL functions evaluated with constant arguments
select log(0.0);
select log(-12.34);
select log(100.0);
select substring('abcdefg' similar 'a*#"%#"g*#"x' escape '#');
select substring('abcdefg' similar 'a#"%#"g' escape '#');
-- window frame offsets: column references and RANGE offset types
select sum(x) over (rows between y preceding and 1 following) from (values (1, 1), (2, 1)) v(x, y);
select sum(x) over (order by x::text range between '1 year'::interval preceding and '2 years'::interval following) from generate_series(1, 3) x;
select sum(x) over (order by x range between '1 year'::interval preceding and current row) from generate_series(1, 3) x;
select E'{{1,2},\\{2,3}}'::text[];
select E'{{1,2},"x"}'::text[];
