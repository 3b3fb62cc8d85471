-- subselect/union/with plan shapes: LATERAL EXCEPT keeps its Subquery Scan, WITH items reading a recursion's working
-- table are inlined, FROM subqueries with a WITH clause stay apart (unread columns NULL, conditions pushed in),
-- pseudoconstant conditions over pulled-up select-list entries gate the join, IN with a sublink in its test joins
drop table if exists subunion_i8, subunion_o, subunion_t, subunion_i4;
create table subunion_i8 (q1 int8, q2 int8)
insert into subunion_i8 values (123, 456), (123, 4567890123456789), (4567890123456789, 123), (4567890123456789, -4567890123456789)
create table subunion_o (unique1 int primary key, unique2 int, ten int)
insert into subunion_o select g, (g * 7) % 100, g % 10 from generate_series(0, 99) g
create table subunion_t (f1 int, n int)
insert into subunion_t values (1, 1), (2, 2)
create table subunion_i4 (f1 int)
insert into subunion_i4 values (0), (123456), (-123456), (2147483647), (-2147483647)
analyze subunion_i8, subunion_o, subunion_t, subunion_i4
explain (costs off) select count(*) from subunion_o o cross join lateral (select * from subunion_o i1 where i1.unique1 = o.unique1 except select * from subunion_o i2 where i2.unique1 = o.unique2) ss where o.ten = 1
select count(*) from subunion_o o cross join lateral (select * from subunion_o i1 where i1.unique1 = o.unique1 except select * from subunion_o i2 where i2.unique1 = o.unique2) ss where o.ten = 1
select replace(x, E'\n', ' ') from (select string_agg(l, E'\n') x from (explain (verbose, costs off) with recursive x(a) as ((values ('a'), ('b')) union all (with z as not materialized (select * from x) select z.a || z.a as a from z where length(z.a || z.a) < 5)) select * from x) e(l)) s
with recursive x(a) as ((values ('a'), ('b')) union all (with z as not materialized (select * from x) select z.a || z.a as a from z where length(z.a || z.a) < 5)) select * from x
explain (costs off) with recursive x(a) as ((values ('a'), ('b')) union all (with z as not materialized (select * from x) select z.a || z1.a as a from z cross join z as z1 where length(z.a || z1.a) < 5)) select * from x
with recursive x(a) as ((values ('a'), ('b')) union all (with z as not materialized (select * from x) select z.a || z1.a as a from z cross join z as z1 where length(z.a || z1.a) < 5)) select count(*) from x
explain (verbose, costs off) select q1 from (with t_cte as (select * from subunion_i8 t) select q1, (select q2 from t_cte where t_cte.q1 = i8.q1) as t_sub from subunion_i8 i8) ss
select q1 from (with t_cte as (select * from subunion_i8 t) select q1, (select q2 from t_cte where t_cte.q1 = i8.q1) as t_sub from subunion_i8 i8) ss
explain (verbose, costs off) select q1 from (with t_cte as (select * from subunion_i8 t) select q1, q2 from t_cte) ss
explain (verbose, costs off) select * from (with t_cte as (select * from subunion_i8 t) select q1, q2 from subunion_i8) ss where q1 > 5
explain (verbose, costs off) select m from (with c as (select * from subunion_t) select f1, n * 2 as m from c) ss where f1 > 1
select m from (with c as (select * from subunion_t) select f1, n * 2 as m from c) ss where f1 > 1
explain (costs off) select * from (select f1, 1 as n from subunion_t) a, (select f1, 1 as n from subunion_t) b where a.n = b.n
explain (costs off) select * from (select f1, now() as n from subunion_t) a, (select f1, now() as n from subunion_t) b where a.n = b.n
select a.f1, b.f1 from (select f1, now() as n from subunion_t) a, (select f1, now() as n from subunion_t) b where a.n = b.n order by 1, 2
select * from subunion_i4 where (case when f1 in (select unique1 from subunion_o a) then f1 else null end) in (select ten from subunion_o b)
drop table subunion_i8, subunion_o, subunion_t, subunion_i4
