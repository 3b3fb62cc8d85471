-- a semi join's nested loop reads its inner side directly when outer rows stop at an early match, and through a
-- Materialize only when rescanning from memory costs less (match_unsorted_outer offers both); an expression of a
-- small table has as many distinct values as the table has rows (get_variable_numdistinct)
drop table if exists subq_s25_sm_o, subq_s25_sm_i, subq_s25_sm_o2;
create table subq_s25_sm_o (a int); create table subq_s25_sm_o2 (a int); create table subq_s25_sm_i (k int, pad text);
insert into subq_s25_sm_o values (0), (1), (2), (3), (4); insert into subq_s25_sm_o2 select g from generate_series(0, 49) g;
insert into subq_s25_sm_i select g % 10, repeat('x', 30) from generate_series(1, 10000) g;
analyze subq_s25_sm_o; analyze subq_s25_sm_i; analyze subq_s25_sm_o2;
explain (costs off) select * from subq_s25_sm_o o where (case when a > 1 then a else null end) in (select k from subq_s25_sm_i);
select * from subq_s25_sm_o o where (case when a > 1 then a else null end) in (select k from subq_s25_sm_i) order by a;
explain (costs off) select * from subq_s25_sm_o o where exists (select 1 from subq_s25_sm_i i where o.a + 1 = i.k);
explain (costs off) select * from subq_s25_sm_o o where a + 100 in (select k from subq_s25_sm_i);
select * from subq_s25_sm_o o where a + 100 in (select k from subq_s25_sm_i);
select count(*) from subq_s25_sm_o2 o where (case when a > 1 then a else null end) in (select k from subq_s25_sm_i);
explain (costs off) select * from subq_s25_sm_o2 o where not exists (select 1 from subq_s25_sm_i i where i.k = o.a * 2);
select count(*) from subq_s25_sm_o2 o where not exists (select 1 from subq_s25_sm_i i where i.k = o.a * 2);
drop table subq_s25_sm_o, subq_s25_sm_i, subq_s25_sm_o2;
