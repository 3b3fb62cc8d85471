-- aggregates nested in aggregates: directly, in FILTER and ORDER BY, and through subqueries whose aggregates belong
-- to an enclosing query (PostgreSQL's agglevelsup)
select max(a) filter (where sum(a) > 0) from (values (1)) t(a);
select count(*) filter (where count(*) > 0) from (values (1)) t(a);
select max(a order by sum(a)) from (values (1)) t(a);
select sum(sum(a)) from (values (1)) t(a);
select (select max(a) filter (where sum(b) > 0) from (values (1)) s(x)) from (values (1, 2)) t(a, b);
select (select max(a) filter (where bool_or(b > 0)) from (values (1)) s(x)) from (values (1, 2)) t(a, b);
select avg((select avg(t1.a order by (select avg(t2.a) from (values (1)) t3)) from (values (1)) t1(a))) from (values (1)) t2(a);
select (select count(*) filter (where x > 0) from (values (1)) s(x)), sum(a) from (values (1, 2), (3, 4)) t(a, b);
select (select max(a) filter (where b > 0) from (values (1)) s(x)) from (values (1, 2), (5, -1)) t(a, b);
select (select sum(a) filter (where x > 0) from (values (1)) s(x)) from (values (1, 2), (5, -1)) t(a, b);
-- direct arguments of ordered-set aggregates must use only grouped columns
select rank(x) within group (order by x) from generate_series(1,5) x;
select percentile_disc(x/10.0) within group (order by x) from generate_series(1,5) x group by x;
select ten, rank(ten) within group (order by ten) from (values (1),(2)) t(ten) group by ten;
select rank(3) within group (order by x), percentile_cont(0.5) within group (order by x) from generate_series(1,5) x;
