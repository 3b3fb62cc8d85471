-- window functions defined with LANGUAGE internal WINDOW over the built-in code, named arguments and defaults
create or replace function vw_nth(val anyelement, n integer = 1) returns anyelement language internal window immutable strict as 'window_nth_value';
select prokind from pg_proc where proname = 'vw_nth';
select vw_nth(x) over (order by x), vw_nth(n := 2, val := x) over (order by x rows between unbounded preceding and unbounded following) from generate_series(1, 3) x;
select vw_nth(x, 3) over (order by x) from generate_series(1, 4) x;
select vw_nth(x) from generate_series(1, 3) x;
create or replace function vw_bad(int) returns int language internal window as 'no_such_window_code';
drop function vw_nth(anyelement, integer);
