-- a join's side that reads an enclosing loop's parameters (a LATERAL item's or a correlated subquery's) may still be
-- hashed: the hash table is built again whenever the parameters change (join.sql 1947)
drop table if exists join_s21_ph_a, join_s21_ph_c;
create table join_s21_ph_a (f1 int4); create table join_s21_ph_c (q1 int8, q2 int8);
insert into join_s21_ph_a values (1),(2),(3),(4),(5);
insert into join_s21_ph_c values (1,1),(2,1),(3,2),(1,2),(5,3),(4,5),(null,1);
analyze join_s21_ph_a; analyze join_s21_ph_c;
explain (costs off) select * from join_s21_ph_a a, lateral (select * from join_s21_ph_a b left join join_s21_ph_c c on (b.f1 = q1 and a.f1 = q2)) ss;
select * from join_s21_ph_a a, lateral (select * from join_s21_ph_a b left join join_s21_ph_c c on (b.f1 = q1 and a.f1 = q2)) ss order by 1, 2, 3, 4;
explain (costs off) select a.f1, (select count(*) from join_s21_ph_a b join join_s21_ph_c c on b.f1 = c.q1 where c.q2 = a.f1) from join_s21_ph_a a;
select a.f1, (select count(*) from join_s21_ph_a b join join_s21_ph_c c on b.f1 = c.q1 where c.q2 = a.f1) from join_s21_ph_a a order by 1;
explain (costs off) select a.f1, (select count(*) from join_s21_ph_a b full join (select * from join_s21_ph_c where q2 = a.f1) c on b.f1 = c.q1) from join_s21_ph_a a;
select a.f1, (select count(*) from join_s21_ph_a b full join (select * from join_s21_ph_c where q2 = a.f1) c on b.f1 = c.q1) from join_s21_ph_a a order by 1;
explain (costs off) select * from join_s21_ph_a a, lateral (select b.f1, c.q1 from join_s21_ph_a b full join (select * from join_s21_ph_c where q2 = a.f1) c on b.f1 = c.q1) ss;
select * from join_s21_ph_a a, lateral (select b.f1, c.q1 from join_s21_ph_a b full join (select * from join_s21_ph_c where q2 = a.f1) c on b.f1 = c.q1) ss order by 1, 2, 3;
select * from join_s21_ph_a a, lateral (select b.f1, c.q1 from join_s21_ph_a b right join (select * from join_s21_ph_c where q2 = a.f1) c on b.f1 = c.q1) ss order by 1, 2, 3;
drop table join_s21_ph_a, join_s21_ph_c;
