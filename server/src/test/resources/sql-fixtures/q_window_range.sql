select x, sum(x) over (order by x range between 1 preceding and current row) from (values (1),(2),(2),(4),(7),(null)) v(x) order by x
select x, sum(x) over (order by x desc range between 2 preceding and 1 following) from (values (1),(2),(2),(4),(7),(null)) v(x) order by x desc
select x, count(*) over (order by x range between current row and 2 following) from generate_series(1,6) x
select x, first_value(x) over (order by x range between 1.5 preceding and 1.5 following) from (values (1.0),(2.0),(3.5),(5.0)) v(x)
select x, sum(x) over (order by x range between unbounded preceding and 2 following) from generate_series(1,5) x
select x, sum(x) over (order by x range between -1 preceding and current row) from generate_series(1,3) x
select d, count(*) over (order by d range between '1 day' preceding and current row) from (values ('2020-01-01'::date), ('2020-01-02'), ('2020-01-05')) v(d)
select x, sum(x) over (order by x::float8 range between 0.5 preceding and 0.5 following) from generate_series(1,3) x
