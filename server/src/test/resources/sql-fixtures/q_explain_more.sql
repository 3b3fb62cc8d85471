drop table if exists q_ea, q_eb
create table q_ea (a int, b int)
explain (costs off) select a from q_ea union all select b from q_ea
explain (costs off) select * from q_ea x, q_ea y where x.a < y.b
explain (costs off) select a from q_ea union all select b from q_ea union all select a + b from q_ea
create table q_eb (a int, b int)
explain (costs off) select a from q_eb except select b from q_eb where b <> 10
explain (costs off) select a from q_eb except all select b from q_eb
explain (costs off) select a from q_eb intersect select b from q_eb
drop table q_eb
drop table q_ea
