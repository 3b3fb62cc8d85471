-- parameterized join paths: the inner side of a nested loop is itself a join, and the conditions between the two
-- sides move into it, keyed by the outer row (get_joinrel_parampathinfo): a bitmap scan keyed by the outer row drives
-- the inner join, the rest are that join's filter; an index scan keyed by both the inner loop and the outer one
drop table if exists pj_big
drop table if exists pj_small
drop table if exists pj_one
drop table if exists pj_zero
drop table if exists pj_dim
create table pj_big (u1 int, u2 int, ten int, hundred int, thousand int, tenthous int, pad text)
insert into pj_big select i, (i * 7919) % 10000, i % 10, i % 100, i % 1000, i, repeat('p', 150) from generate_series(0, 9999) i
create unique index pj_big_u1 on pj_big (u1)
create unique index pj_big_u2 on pj_big (u2)
create index pj_big_hundred on pj_big (hundred)
create index pj_big_tt on pj_big (thousand, tenthous)
create table pj_small (q1 int, q2 int)
insert into pj_small select i * 3, i % 4 from generate_series(1, 10) i
vacuum analyze pj_big
analyze pj_small
explain (costs off) select * from pj_big t1 left join (pj_big t2 join pj_big t3 on t2.thousand = t3.u2) on t1.hundred = t2.hundred and t1.ten = t3.ten where t1.u1 = 1
select count(*), sum(t2.u1), sum(t3.u1) from pj_big t1 left join (pj_big t2 join pj_big t3 on t2.thousand = t3.u2) on t1.hundred = t2.hundred and t1.ten = t3.ten where t1.u1 = 1
explain (costs off) select * from pj_big t1 left join (pj_big t2 join pj_big t3 on t2.thousand = t3.u2) on t1.hundred = t2.hundred and t1.ten + t2.ten = t3.ten where t1.u1 = 1
select count(*), sum(t2.u1), sum(t3.u1) from pj_big t1 left join (pj_big t2 join pj_big t3 on t2.thousand = t3.u2) on t1.hundred = t2.hundred and t1.ten + t2.ten = t3.ten where t1.u1 = 1
select count(*), count(t2.u1), sum(t2.u1), sum(t3.u1) from pj_big t1 left join (pj_big t2 join pj_big t3 on t2.thousand = t3.u2) on t1.hundred = t2.hundred and t1.ten = t3.ten where t1.u1 < 300
select count(*), count(t2.u1), sum(t2.u1), sum(t3.u1) from pj_big t1 left join (pj_big t2 join pj_big t3 on t2.thousand = t3.u2) on t1.hundred = t2.hundred and t1.ten + t2.ten = t3.ten where t1.u1 < 300
select t1.u1, t2.u1, t3.u1 from pj_big t1 left join (pj_big t2 join pj_big t3 on t2.thousand = t3.u2) on t1.hundred = t2.hundred and t1.ten + t2.ten = t3.ten where t1.u1 < 4 order by 1, 2, 3
explain (costs off) select * from pj_big, pj_small a, pj_small b where thousand = a.q1 and tenthous = b.q1 and a.q2 = 1 and b.q1 < 10 and b.q2 = 2
select pj_big.u1, a.q1, b.q1 from pj_big, pj_small a, pj_small b where thousand = a.q1 and tenthous = b.q1 and a.q2 = 2 and b.q2 = 2 order by 1
create table pj_one as select 1 as o1
create table pj_zero as select 0 as o0
create table pj_dim as select i as f from generate_series(1, 5) i
analyze pj_one
analyze pj_zero
analyze pj_dim
explain (costs off) select * from pj_big join pj_dim on f = ten, pj_one, pj_zero where o1 = thousand or o0 = thousand
select count(*), sum(u1) from pj_big join pj_dim on f = ten, pj_one, pj_zero where o1 = thousand or o0 = thousand
explain (costs off) select * from pj_big join pj_dim on f = ten, pj_one, pj_zero where thousand = (o1 + o0)
select count(*), sum(u1) from pj_big join pj_dim on f = ten, pj_one, pj_zero where thousand = (o1 + o0)
drop table pj_big
drop table pj_small
drop table pj_one
drop table pj_zero
drop table pj_dim
