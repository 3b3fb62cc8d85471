-- merge joins over inputs already in order (match_unsorted_outer): a side read through a B-tree index, a partial one
-- when the conditions imply its predicate, is merged on the clauses its order delivers; the others are the Join Filter
drop table if exists join_s24_mo_a, join_s24_mo_b;
create table join_s24_mo_a (id1 int, id2 int, primary key (id1, id2)); create table join_s24_mo_b (id1 int, id2 int, primary key (id1, id2));
insert into join_s24_mo_a values (1, 1), (1, 2), (2, 1), (1001, 1), (2001, 7); insert into join_s24_mo_b values (1, 1), (1, 2), (2, 2), (1001, 1), (1001, 5); analyze join_s24_mo_a; analyze join_s24_mo_b;
create index join_s24_mo_a_idx on join_s24_mo_a (id1) where id1 % 1000 = 1; create index join_s24_mo_b_idx on join_s24_mo_b (id1) where id1 % 1000 = 1;
set enable_nestloop = 0; set enable_hashjoin = 0; set enable_sort = 0; explain (costs off) select * from join_s24_mo_a a join join_s24_mo_b b on a.id1 = b.id1 and a.id2 = b.id2 where a.id1 % 1000 = 1 and b.id1 % 1000 = 1; reset enable_nestloop; reset enable_hashjoin; reset enable_sort;
set enable_nestloop = 0; set enable_hashjoin = 0; set enable_sort = 0; select * from join_s24_mo_a a join join_s24_mo_b b on a.id1 = b.id1 and a.id2 = b.id2 where a.id1 % 1000 = 1 and b.id1 % 1000 = 1 order by 1, 2; reset enable_nestloop; reset enable_hashjoin; reset enable_sort;
set enable_nestloop = 0; set enable_hashjoin = 0; explain (costs off) select * from join_s24_mo_a a left join join_s24_mo_b b on a.id1 = b.id1 and a.id2 = b.id2; reset enable_nestloop; reset enable_hashjoin;
set enable_nestloop = 0; set enable_hashjoin = 0; select * from join_s24_mo_a a left join join_s24_mo_b b on a.id1 = b.id1 and a.id2 = b.id2; reset enable_nestloop; reset enable_hashjoin;
set enable_nestloop = 0; set enable_hashjoin = 0; set enable_sort = 0; explain (costs off) select * from join_s24_mo_a a full join join_s24_mo_b b on a.id1 = b.id1; reset enable_nestloop; reset enable_hashjoin; reset enable_sort;
set enable_nestloop = 0; set enable_hashjoin = 0; set enable_sort = 0; select * from join_s24_mo_a a full join join_s24_mo_b b on a.id1 = b.id1; reset enable_nestloop; reset enable_hashjoin; reset enable_sort;
drop table join_s24_mo_a, join_s24_mo_b;
