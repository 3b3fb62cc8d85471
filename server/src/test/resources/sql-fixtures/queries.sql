-- VALUES, FROM subqueries, joins, WHERE, GROUP BY/aggregates, HAVING, DISTINCT, ORDER BY, LIMIT, set operations
values (1, 'a'), (2, 'b')
values (1), (2.5), (null)
values (1, 2), (3)
select * from (values (3, 'c'), (1, 'a'), (2, 'b')) as t(id, name) order by id
select name from (values (3, 'c'), (1, 'a'), (2, 'b')) as t(id, name) where id >= 2 order by name desc
select t.* from (values (1, 2)) t
select x from (values (1), (2)) t(y)
select * from (values (1)) t, (values (2)) u
select a, b from (values (1), (2)) t(a) join (values (2), (3)) u(b) on a = b
select a, b from (values (1), (2)) t(a) left join (values (2), (3)) u(b) on a = b order by a
select a, b from (values (1), (2)) t(a) right join (values (2), (3)) u(b) on a = b order by b
select a, b from (values (1), (2)) t(a) full join (values (2), (3)) u(b) on a = b order by a, b
select a, b from (values (1), (2)) t(a) cross join (values (10), (20)) u(b) order by a, b
select count(*), sum(x), avg(x), min(x), max(x) from (values (1), (2), (3), (null)) t(x)
select count(*), sum(x), avg(x) from (values (1)) t(x) where x > 5
select count(x), count(*) from (values (null::int), (null)) t(x)
select sum(x), avg(x) from (values (1.5), (2.25)) t(x)
select sum(x), avg(x) from (values (1::int8), (2)) t(x)
select sum(x), avg(x), max(x) from (values (1.5::float8), (2.5)) t(x)
select g, count(*), sum(v) from (values ('a', 1), ('b', 2), ('a', 3)) t(g, v) group by g order by g
select g, count(*) from (values ('a', 1), ('b', 2), ('a', 3)) t(g, v) group by g having count(*) > 1
select g, sum(v) from (values ('a', 1), ('b', 2), ('a', 3)) t(g, v) group by 1 order by 2 desc
select g, v from (values ('a', 1), ('b', 2)) t(g, v) group by g
select count(distinct x), sum(distinct x) from (values (1), (1), (2)) t(x)
select count(*) filter (where x > 1) from (values (1), (2), (3)) t(x)
select string_agg(s, ',') from (values ('a'), ('b'), (null), ('c')) t(s)
select bool_and(b), bool_or(b) from (values (true), (false)) t(b)
select max(s), min(s) from (values ('apple'), ('pear'), ('fig')) t(s)
select distinct x from (values (2), (1), (2), (null), (null)) t(x) order by x
select distinct x, y from (values (1, 'a'), (1, 'a'), (1, 'b')) t(x, y) order by x, y
select x from (values (3), (null), (1)) t(x) order by x
select x from (values (3), (null), (1)) t(x) order by x desc
select x from (values (3), (null), (1)) t(x) order by x nulls first
select x from (values (3), (null), (1)) t(x) order by x desc nulls last
select x, -x as y from (values (3), (1), (2)) t(x) order by y
select x from (values (3), (1), (2)) t(x) order by x limit 2
select x from (values (3), (1), (2)) t(x) order by x limit 2 offset 1
select x from (values (3), (1), (2)) t(x) order by x offset 5
select x from (values (3), (1), (2)) t(x) order by x fetch first 1 row only
select 1 union select 2 union select 1 order by 1
select 1 union all select 1 union all select 2
select 1 intersect select 1
select 1 except select 2
select x from (values (1), (1), (2)) t(x) except all select 1
select 1 union select 'a'
select 1, 2 union select 3
select 1 as a union select 2.5 order by a
select count(*) from (select 1 union all select 2) s
select sum(x) where false
select 1 where x > 0
select nosuch from (values (1)) t(x)
select t.nosuch from (values (1)) t(x)
select u.x from (values (1)) t(x)
select x from (values (1)) t(x), (values (2)) u(x)
select * from (values (1))
select sum(count(*)) from (values (1)) t(x)
select x from (values (1)) t(x) where sum(x) > 0
select x from (values (1)) t(x) order by 2
select array[1, 2, 3], array['a', null], array[1, 2.5]
select x from (values (1)) t(x) limit -1
select avg(x) from (values (1::int2), (2::int2)) t(x)
select x + y from (values (1, 2)) t(x, y) group by x + y
