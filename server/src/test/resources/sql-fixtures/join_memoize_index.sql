-- Memoize over parameterized index scans (Cache Mode: logical): chosen when the outer key repeats, not for unique keys, a join filter beside a unique inner or with enable_memoize off
drop table if exists jmi_inner
drop table if exists jmi_outer
create table jmi_inner (u int, v int, pad text)
insert into jmi_inner select i, i % 7, 'x' || i from generate_series(0, 1999) i
create unique index jmi_inner_u on jmi_inner (u)
create index jmi_inner_vu on jmi_inner (v, u)
create table jmi_outer (id int, k int, d int)
insert into jmi_outer select i, i % 20, i from generate_series(0, 999) i
analyze jmi_inner
analyze jmi_outer
explain (costs off) select count(*), avg(t1.u) from jmi_inner t1 join jmi_outer t2 on t1.u = t2.k where t2.id < 500
select count(*), avg(t1.u) from jmi_inner t1 join jmi_outer t2 on t1.u = t2.k where t2.id < 500
set enable_hashjoin = off; explain (costs off) select t1.pad, t2.id from jmi_inner t1 join jmi_outer t2 on t1.u = t2.k where t2.id < 500; reset enable_hashjoin
select t1.pad, t2.id from jmi_inner t1 join jmi_outer t2 on t1.u = t2.k where t2.id < 500 order by t2.id limit 5
explain (costs off) select count(*), avg(t1.u) from jmi_outer t2 left join jmi_inner t1 on t1.u = t2.k where t2.id < 500
select count(*), avg(t1.u) from jmi_outer t2 left join jmi_inner t1 on t1.u = t2.k + 1990 where t2.id < 500
set enable_memoize = off; set enable_mergejoin = off; set enable_hashjoin = off; explain (costs off) select count(*), avg(t1.u) from jmi_inner t1 join jmi_outer t2 on t1.u = t2.k where t2.id < 500; reset enable_memoize; reset enable_mergejoin; reset enable_hashjoin
select count(*) from jmi_outer t2 join jmi_inner t1 on t1.u = t2.k and t1.v > t2.id where t2.id < 500
set enable_hashjoin = off; explain (costs off) select count(*) from jmi_outer a, jmi_inner b join lateral (values(a.d),(-1)) ss(x) on b.u = ss.x; reset enable_hashjoin
select count(*) from jmi_outer a, jmi_inner b join lateral (values(a.d),(-1)) ss(x) on b.u = ss.x
drop table jmi_inner
drop table jmi_outer
