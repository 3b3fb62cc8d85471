drop table if exists q_ea
create table q_ea (a int, b int)
explain (costs off) select a from q_ea union all select b from q_ea
explain (costs off) select * from q_ea x, q_ea y where x.a < y.b
explain (costs off) select a from q_ea union all select b from q_ea union all select a + b from q_ea
drop table q_ea
