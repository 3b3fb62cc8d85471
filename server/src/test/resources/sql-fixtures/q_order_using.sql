select x from generate_series(1,3) x order by x using >
select x from generate_series(1,3) x order by x using <
select x from (values (1),(null),(2)) v(x) order by x using >
select x from (values (1),(null),(2)) v(x) order by x using > nulls last
select x from generate_series(1,3) x order by x using =
select distinct on (x % 2) x from generate_series(1,5) x order by x % 2 using >, x using <
