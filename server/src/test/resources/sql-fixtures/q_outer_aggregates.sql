-- an aggregate whose arguments name only outer columns belongs to the outer query (agglevelsup)
drop table if exists q_oa
create table q_oa (a int, b int)
insert into q_oa values (1, 2), (3, 4), (5, 4)
select (select max(q_oa.a)) from q_oa
select b, (select sum(q_oa.a) + count(*) from q_oa q2) from q_oa group by b order by b
select (select max(x.a) from q_oa b2) from q_oa x
select (select count(*) filter (where outer_c <> 0) from (values (1)) t0(inner_c)) from (values (2),(3)) t1(outer_c)
select (select max(min(a)) from q_oa b2) from q_oa
select 1 from q_oa a, lateral (select max(a.a) from q_oa b) ss
select * from q_oa where a = (select max(q_oa.b))
select b from q_oa group by b having exists (select 1 from q_oa i where sum(q_oa.a) = i.a + 5) order by b
select (select array_agg(x.a order by x.a) from (values (1)) v(w)) from q_oa x
drop table q_oa
