drop table if exists q_ex, q_ex2
drop table if exists q_ex, q_ex2
create table q_ex (a int, b text, c int)
create table q_ex2 (a int, d int)
create index q_ex_a on q_ex (a)
explain (costs off) select * from q_ex
explain (costs off) select * from q_ex where b = 'x'
explain (costs off) select * from q_ex order by a desc, b
explain (costs off) select count(*) from q_ex
explain (costs off) select b, count(*) from q_ex group by b
explain (costs off) select b, count(*) from q_ex group by b having count(*) > 1
explain (costs off) select 1
explain (costs off) select * from generate_series(1,3) g
explain (costs off) with t as (select * from q_ex) select * from t, t t2
explain (costs off) select a, row_number() over (order by b) from q_ex
explain (costs off) select * from q_ex where c = (select max(d) from q_ex2)
explain (costs off) select distinct b from q_ex
explain (costs off) select a from q_ex union select a from q_ex2
explain (costs off) select a from q_ex union all select a from q_ex2
explain (costs off) select generate_series(1,3)
explain (costs off) insert into q_ex values (1, 'a', 2)
explain (costs off) update q_ex set c = 1 where b = 'z'
explain (analyze, costs off, timing off, summary off) select * from q_ex
drop table q_ex, q_ex2
