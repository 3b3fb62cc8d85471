-- EXPLAIN VERBOSE of lateral joins: what each node outputs. An index-only scan's physical target list is its index's
-- columns (not the table's row)
drop table if exists join_s23_lv_t, join_s23_lv_s;
create table join_s23_lv_t (a int primary key, b int, c text); create table join_s23_lv_s (x int, y int);
insert into join_s23_lv_t select g, g % 10, 'v' || g from generate_series(1, 20000) g; insert into join_s23_lv_s values (1, 10), (10000, 20), (19999, null);
vacuum analyze join_s23_lv_t;
vacuum analyze join_s23_lv_s;
explain (verbose, costs off) select s.x, t.a from join_s23_lv_s s join join_s23_lv_t t on t.a = s.x;
explain (verbose, costs off) select t.a, s.y from join_s23_lv_s s join join_s23_lv_t t on t.a = s.x where s.y > 0;
explain (verbose, costs off) select s.y from join_s23_lv_s s join join_s23_lv_t t on t.a = s.x + 1;
select s.x, t.a, s.y from join_s23_lv_s s join join_s23_lv_t t on t.a = s.x order by 1;
-- a relation proven empty keeps its columns, shown by their bare names (no plan node scans it)
explain (verbose, costs off) select * from join_s23_lv_s s left join lateral (select *, s.y from join_s23_lv_t where false) ss on true;
explain (verbose, costs off) select * from join_s23_lv_s s left join lateral (select t1.c, t2.a, s.x from join_s23_lv_t t1, join_s23_lv_t t2 where false) ss on true;
select * from join_s23_lv_s s left join lateral (select t1.c, t2.a, s.x from join_s23_lv_t t1, join_s23_lv_t t2 where false) ss on true order by 1;
explain (verbose, costs off) select * from join_s23_lv_t where false;
select c, a + 1 from join_s23_lv_t where false;
-- a nested loop's parameter that is a column its outer side computes shows as a reference to it: (count(*))
explain (verbose, costs off) select * from (select x, count(*) c from join_s23_lv_s group by x) g join join_s23_lv_t t on t.a = g.c;
select * from (select x, count(*) c from join_s23_lv_s group by x) g join join_s23_lv_t t on t.a = g.c order by 1;
-- a LEFT JOIN ... ON true of a FROM-less lateral subquery goes: its values are computed over the left row
explain (verbose, costs off) select * from join_s23_lv_s s left join lateral (select s.y + 1 as v, s.x * 2 as w) ss on true;
select * from join_s23_lv_s s left join lateral (select s.y + 1 as v, s.x * 2 as w) ss on true order by 1;
explain (verbose, costs off) select s.x, ss.v from join_s23_lv_s s left join join_s23_lv_t t on t.a = s.x left join lateral (select t.b + 1 as v) ss on true where s.y > 0;
select s.x, ss.v from join_s23_lv_s s left join join_s23_lv_t t on t.a = s.x left join lateral (select t.b + 1 as v) ss on true order by 1;
select s.x, ss.v from join_s23_lv_s s left join join_s23_lv_t t on t.a = s.x + 1 left join lateral (select t.b + 1 as v) ss on true order by 1;
explain (verbose, costs off) select s.x, ss.v from join_s23_lv_s s left join lateral (select s.y + 1 as v) ss on ss.v > 15;
select s.x, ss.v from join_s23_lv_s s left join lateral (select s.y + 1 as v) ss on ss.v > 15 order by 1;
drop table join_s23_lv_t, join_s23_lv_s;
