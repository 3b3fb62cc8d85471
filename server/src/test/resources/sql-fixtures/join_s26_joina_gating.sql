-- a subplan's (or a LATERAL subquery's) condition that reads only the enclosing query's values is checked once per run, above its scan: PostgreSQL's gating Result with a One-Time Filter
drop table if exists js26_gq_a
drop table if exists js26_gq_b
create table js26_gq_a (q1 int8, q2 int8)
create table js26_gq_b (q1 int8, q2 int8)
insert into js26_gq_a values (123, 456), (123, 4567890123456789), (4567890123456789, 123), (-5, 7), (0, null)
insert into js26_gq_b values (1, 2), (3, 123), (456, 5), (7, 8)
analyze js26_gq_a
analyze js26_gq_b
explain (costs off) select * from js26_gq_a a where 1 = (select 1 from js26_gq_b b where a.q1 is not null limit 1)
explain (costs off) select * from js26_gq_a a where a.q1 = (select max(q2) from js26_gq_b b where a.q2 > 0)
explain (costs off) select (select a.q1 + 1 from js26_gq_b b where a.q2 > 0 limit 1) from js26_gq_a a
explain (costs off) select * from js26_gq_a a, lateral (select * from js26_gq_b b where a.q1 > 0 limit 1) s
explain (costs off) select * from js26_gq_a a where a.q1 in (select q2 from js26_gq_b b where a.q2 > 0)
select * from js26_gq_a a where 1 = (select 1 from js26_gq_b b where a.q2 is not null limit 1) order by 1, 2
select (select a.q1 + 1 from js26_gq_b b where a.q2 > 0 limit 1) from js26_gq_a a order by 1
select * from js26_gq_a a, lateral (select * from js26_gq_b b where a.q1 > 0 order by b.q1 limit 1) s order by 1, 2
select * from js26_gq_a a where a.q2 in (select q2 from js26_gq_b b where a.q1 > 0) order by 1, 2
drop table js26_gq_a
drop table js26_gq_b
