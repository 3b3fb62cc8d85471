-- PlaceHolderVars of FULL and LEFT joins' nullable sides: a pulled-up subquery's computed value that nulls would not
-- make NULL (a constant, a COALESCE) is read from its relation, shown as a reference in the join's conditions and above
drop table if exists join_s25_phv_a;
drop table if exists join_s25_phv_t;
create table join_s25_phv_a (q1 int8, q2 int8);
insert into join_s25_phv_a values (123, 456), (123, 4567890123456789), (4567890123456789, 123), (4567890123456789, 4567890123456789), (4567890123456789, -4567890123456789);
create table join_s25_phv_t (u1 int, u2 int primary key);
insert into join_s25_phv_t select g, g * 3 from generate_series(1, 1000) g;
vacuum analyze join_s25_phv_a;
vacuum analyze join_s25_phv_t;
explain (costs off) select * from (select q1 + 1 as x from join_s25_phv_a a) s1 full join (select q2 as y from join_s25_phv_a b) s2 on x = y;
explain (costs off) select * from (select coalesce(q1, 0) as x from join_s25_phv_a a) s1 full join (select q2 as y from join_s25_phv_a b) s2 on x = y;
explain (costs off) select * from (select 1 as x) s1 full join (select q2 as y from join_s25_phv_a b) s2 on x = y;
explain (costs off) select * from (select q1, 5 as x from join_s25_phv_a a) s1 full join (select q2 as y from join_s25_phv_a b) s2 on x = y;
select * from (select q1, 5 as x from join_s25_phv_a a) s1 full join (select q2 as y from join_s25_phv_a b) s2 on x = y order by 1, 2, 3;
explain (costs off) select * from join_s25_phv_a c left join (select coalesce(q1, 0) as x from join_s25_phv_a a) s1 on s1.x = c.q2;
explain (costs off) select * from join_s25_phv_a c left join (select coalesce(q1, 0) as x from join_s25_phv_a a) s1 on s1.x = c.q2 where s1.x is null;
explain (costs off) select * from join_s25_phv_a c left join (select coalesce(q1, 0) as x from join_s25_phv_a a) s1 on s1.x = c.q2 where coalesce(s1.x, 1) > 0;
explain (costs off) select qq, u1 from (select coalesce(q1, 0) as qq from join_s25_phv_a a) as ss1 full outer join (select coalesce(q2, -1) as qq from join_s25_phv_a b) as ss2 using (qq) inner join join_s25_phv_t c on qq = u2;
select qq, u1 from (select coalesce(q1, 0) as qq from join_s25_phv_a a) as ss1 full outer join (select coalesce(q2, -1) as qq from join_s25_phv_a b) as ss2 using (qq) inner join join_s25_phv_t c on qq = u2 order by 1, 2;
-- through an index nested loop: the join's columns are the parameters, the COALESCE of USING is computed inside
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select qq, u1 from (select coalesce(q1, 0) as qq from join_s25_phv_a a) as ss1 full outer join (select coalesce(q2, -1) as qq from join_s25_phv_a b) as ss2 using (qq) inner join join_s25_phv_t c on qq = u2; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; select qq, u1 from (select coalesce(q1, 0) as qq from join_s25_phv_a a) as ss1 full outer join (select coalesce(q2, -1) as qq from join_s25_phv_a b) as ss2 using (qq) inner join join_s25_phv_t c on qq = u2 order by 1, 2; reset enable_hashjoin; reset enable_mergejoin
drop table join_s25_phv_a;
drop table join_s25_phv_t;
