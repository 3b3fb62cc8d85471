-- a LEFT join's preserved constant row: its values are put into the ON condition, whose parts that then read the
-- nullable side alone filter that side (a FULL join below shows them as its Filter)
drop table if exists join_s25_phv_t;
create table join_s25_phv_t (u1 int, u2 int primary key);
insert into join_s25_phv_t select g, g * 3 from generate_series(1, 1000) g;
vacuum analyze join_s25_phv_t;
explain (costs off) select * from (select 1 as id) as xx left join (join_s25_phv_t as a1 full join (select 1 as id) as yy on (a1.u1 = yy.id)) on (xx.id = coalesce(yy.id));
select * from (select 1 as id) as xx left join (join_s25_phv_t as a1 full join (select 1 as id) as yy on (a1.u1 = yy.id)) on (xx.id = coalesce(yy.id));
explain (costs off) select * from (select 3 as x) s left join join_s25_phv_t t on t.u2 = s.x;
select * from (select 3 as x) s left join join_s25_phv_t t on t.u2 = s.x;
explain (costs off) select * from (select 3 as x) s left join join_s25_phv_t t on t.u1 > s.x and s.x = 3;
select count(*) from (select 3 as x) s left join join_s25_phv_t t on t.u1 > s.x and s.x = 3;
explain (costs off) select * from (select 3 as x) s left join join_s25_phv_t t on s.x = 3 and t.u2 < 10;
select * from (select 3 as x) s left join join_s25_phv_t t on s.x = 3 and t.u2 < 10 order by t.u1;
select * from (select 3 as x) s left join join_s25_phv_t t on s.x = 4;
drop table join_s25_phv_t;
