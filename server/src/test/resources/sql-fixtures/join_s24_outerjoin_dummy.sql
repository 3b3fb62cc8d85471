-- Relations proven empty (PostgreSQL's dummy rels) and the joins they make empty
drop table if exists join_s24_od_a, join_s24_od_b, join_s24_od_c, join_s24_od_p;
create table join_s24_od_a (f1 int); create table join_s24_od_b (f1 int, g int);
create table join_s24_od_p (aa int, bb int); create table join_s24_od_c (cc int) inherits (join_s24_od_p);
insert into join_s24_od_a values (1), (2), (null); insert into join_s24_od_b values (1, 1), (2, null);
insert into join_s24_od_p values (1, 1), (2, null); insert into join_s24_od_c values (1, null, 5), (3, 3, 6);
-- an inheritance scan's members are excluded when their restrictions contradict themselves (x IS NULL and strict in x)
explain (costs off) select * from join_s24_od_p where bb < bb and bb is null;
explain (costs off) select * from join_s24_od_p where bb = 1 and bb = 2;
explain (costs off) select * from join_s24_od_p where bb is null and bb is not null;
explain (costs off) select * from join_s24_od_p where bb + 1 > 0 and bb is null;
select * from join_s24_od_p where bb < bb and bb is null;
-- not for a plain table (constraint_exclusion = partition)
explain (costs off) select * from join_s24_od_a where f1 is null and f1 < f1;
-- nor for IS NULL beside a non-strict use of the column
explain (costs off) select * from join_s24_od_p where bb is null and coalesce(bb, 0) = 0;
select * from join_s24_od_p where coalesce(bb, 0) = 0 and bb is null order by aa;
-- a join needing rows from an empty side is empty: the preserved side of an outer join, either side of an inner join
explain (costs off) select * from join_s24_od_b right join join_s24_od_p on aa = g where bb = 1 and bb = 2;
explain (costs off) select * from join_s24_od_b right join join_s24_od_p on aa = g where bb < bb and bb is null;
select * from join_s24_od_b right join join_s24_od_p on aa = g where bb < bb and bb is null;
explain (costs off) select * from join_s24_od_b join join_s24_od_p on aa = g where bb < bb and bb is null;
explain (costs off) select * from join_s24_od_b left join join_s24_od_p on aa = g where bb < bb and bb is null;
explain (costs off) select * from join_s24_od_a a full join join_s24_od_p b on a.f1 = b.aa where b.bb < b.bb and b.bb is null;
explain (costs off) select * from join_s24_od_a a where f1 in (select bb from join_s24_od_p where bb < bb and bb is null);
select * from join_s24_od_a a where f1 in (select bb from join_s24_od_p where bb < bb and bb is null);
-- the nullable side empty: the join stays, over the empty side
select * from join_s24_od_a a left join join_s24_od_p b on a.f1 = b.aa and b.bb < b.bb and b.bb is null order by 1;
-- a WHERE holding a column to two constants over a join: the join relation is dummy (not yet when only a LEFT
-- join's outer side is held: join removal runs after join planning in lakepg, so that side is gated instead)
explain (costs off) select * from join_s24_od_b right join join_s24_od_a b on b.f1 = join_s24_od_b.g where b.f1 = 1 and b.f1 = 2;
select * from join_s24_od_b right join join_s24_od_a b on b.f1 = join_s24_od_b.g where b.f1 = 1 and b.f1 = 2;
explain (costs off) select * from join_s24_od_a a, join_s24_od_b b where a.f1 = 1 and a.f1 = 2 and b.g = a.f1;
-- only a single table keeps its scan under the gate
explain (costs off) select * from join_s24_od_a where f1 = 1 and f1 = 2;
drop table join_s24_od_a, join_s24_od_b, join_s24_od_c, join_s24_od_p;
