-- uncorrelated subqueries in expressions
select (select 1), (select 2 where false)
select (select x from (values (1), (2)) t(x))
select exists (select 1), exists (select 1 where false), not exists (select 1 where false)
select 2 in (select x from (values (1), (2)) t(x)), 3 in (select x from (values (1), (2)) t(x))
select 3 not in (select x from (values (1), (null)) t(x)), 1 not in (select x from (values (1), (null)) t(x))
select 3 in (select x from (values (1), (null)) t(x))
select 5 > all (select x from (values (1), (2)) t(x)), 1 > any (select x from (values (1), (2)) t(x))
select array(select x from (values (3), (1)) t(x) order by x)
select x from (values (1), (2), (3)) t(x) where x > (select min(y) from (values (1), (2)) u(y)) order by x
select (select 1, 2)
select 'a' in (select 'a'), 'b' = any (select 'a')
select x, (select max(y) from (values (5), (7)) u(y)) from (values (1), (2)) t(x) order by x
