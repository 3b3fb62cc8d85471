-- an equality moved into a parameterized inner join is written parameter side first (generate_join_implied_equalities for the required outer relations); a Join Filter names a grouped subquery's computed outputs as references, in parentheses
drop table if exists js26_eq_t
drop table if exists js26_eq_i
create table js26_eq_t (thousand int, tenthous int, pad text)
create table js26_eq_i (f1 int)
insert into js26_eq_t select g % 1000, g, repeat('x', 100) from generate_series(0, 9999) g
insert into js26_eq_i values (0), (123456), (-123456), (2147483647), (-2147483647)
create index js26_eq_t_tt on js26_eq_t (thousand, tenthous)
analyze js26_eq_t
analyze js26_eq_i
explain (costs off) select a.f1, b.f1, t.thousand, t.tenthous from js26_eq_t t, (select sum(f1)+1 as f1 from js26_eq_i i4a) a, (select sum(f1) as f1 from js26_eq_i i4b) b where b.f1 = t.thousand and a.f1 = b.f1 and (a.f1+b.f1+999) = t.tenthous
explain (costs off) select a.f1, b.f1, t.thousand, t.tenthous from js26_eq_t t, (select sum(f1)+1 as f1 from js26_eq_i i4a) a, (select sum(f1) as f1 from js26_eq_i i4b) b where b.f1 = t.thousand and b.f1 = a.f1 and (a.f1+b.f1+999) = t.tenthous
select a.f1, b.f1, t.thousand, t.tenthous from js26_eq_t t, (select sum(f1)+1 as f1 from js26_eq_i i4a) a, (select sum(f1) as f1 from js26_eq_i i4b) b where b.f1 = t.thousand and a.f1 = b.f1 and (a.f1+b.f1+999) = t.tenthous
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from (select sum(f1)+1 as s from js26_eq_i) a, js26_eq_i b where a.s < b.f1; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from (select sum(f1)+1 as s from js26_eq_i) a, js26_eq_i b where a.s = b.f1; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from (select sum(f1) as s from js26_eq_i) a, js26_eq_i b where a.s + 1 = b.f1; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from (select f1, count(*) as n from js26_eq_i group by f1) a, js26_eq_i b where a.n + a.f1 < b.f1; reset enable_hashjoin; reset enable_mergejoin
select * from (select sum(f1) as s from js26_eq_i where f1 < 1000) a, js26_eq_i b where a.s + 1 < b.f1 order by b.f1
drop table js26_eq_t
drop table js26_eq_i
