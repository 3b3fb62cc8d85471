-- window frames and misuse of window functions, as PostgreSQL reports them
select count() over () from (values (1)) v(x)
select count() from (values (1)) v(x)
select rank() over (order by rank() over (order by x)) from (values (1)) v(x)
select sum(x) over (partition by row_number() over ()) from (values (1)) v(x)
select rank() over (order by 1), count(*) from (values (1)) v(x) group by 1
select x, first_value(x) over w, last_value(x) over w from (values (1::float8), ('inf'), ('-inf'), ('nan'), (2)) v(x) window w as (order by x range between 'inf' preceding and 'inf' following) order by x
select x, first_value(x) over w, last_value(x) over w from (values (1::float8), ('inf'), ('-inf'), ('nan'), (2)) v(x) window w as (order by x range between 1 preceding and 1 following) order by x
select x, first_value(x) over w, last_value(x) over w from (values (1::numeric), ('inf'), ('-inf'), ('nan'), (2)) v(x) window w as (order by x range between 'inf' preceding and 'inf' preceding) order by x
select x, first_value(x) over w, last_value(x) over w from (values (1::numeric), ('inf'), ('-inf'), ('nan'), (2)) v(x) window w as (order by x range between 'inf' following and 'inf' following) order by x
select x, first_value(x) over w from (values (1::numeric), (2)) v(x) window w as (order by x range between 1 preceding and 1.1::float8 following)
select x, first_value(x) over w from (values (1::numeric), (2)) v(x) window w as (order by x range between 1.1 preceding and 'NaN' following)
select x, first_value(x) over w from (values ('a'::varchar), ('b')) v(x) window w as (order by x range between 1 preceding and 1 following)
select x, sum(x) over (order by x rows between current row and 9223372036854775807 following) from generate_series(1, 4) x
select x, sum(x) over (order by x groups between 9223372036854775807 following and unbounded following) from generate_series(1, 4) x
