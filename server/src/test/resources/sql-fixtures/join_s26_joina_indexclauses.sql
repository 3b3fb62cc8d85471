-- an index scan chosen for a join input or a constant row's condition checks every clause its index can (build_index_paths), the equivalence-class equality after the other restrictions: (u < 42) AND (u = 11), not an equality probe under a Filter
drop table if exists js26_ic_t
drop table if exists js26_ic_i
create table js26_ic_t (u int, v int, pad text)
create table js26_ic_i (f1 int)
insert into js26_ic_t select g, g % 100, repeat('x', 50) from generate_series(0, 9999) g
insert into js26_ic_i values (0), (11), (123456), (-123456), (2147483647)
create index js26_ic_t_u on js26_ic_t (u)
analyze js26_ic_t
analyze js26_ic_i
explain (costs off) select * from js26_ic_t where u = 11 and u < 42
explain (costs off) select * from (select 11 as d) s join js26_ic_t t on t.u = s.d where t.u < 42
explain (costs off) select * from js26_ic_i i join js26_ic_t t on t.u = i.f1 where t.u < 42 and i.f1 = 11
explain (costs off) select * from js26_ic_i i left join js26_ic_t t on t.u = i.f1 and t.u < 42 where i.f1 = 11
explain (costs off) select * from js26_ic_t t1 join js26_ic_t t2 on t1.u = t2.v where t1.u = 5 and t1.u > 2 and t2.v < 100
select t.u, t.v from (select 11 as d) s join js26_ic_t t on t.u = s.d where t.u < 42
select i.f1, t.u from js26_ic_i i join js26_ic_t t on t.u = i.f1 where t.u < 42 and i.f1 = 11
select i.f1, t.u from js26_ic_i i left join js26_ic_t t on t.u = i.f1 and t.u < 42 where i.f1 = 11
drop table js26_ic_t
drop table js26_ic_i
