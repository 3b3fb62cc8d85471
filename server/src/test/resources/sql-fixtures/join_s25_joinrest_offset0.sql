-- OFFSET 0 / LIMIT ALL / LIMIT NULL need no Limit node (limit_needed): EXPLAIN shows none, while OFFSET 1 and LIMIT 0 keep it
drop table if exists js25_o0
create table js25_o0 (a int, b int)
insert into js25_o0 select g, g from generate_series(1, 100) g
analyze js25_o0
explain (costs off) select * from (select * from js25_o0 offset 0) ss
explain (costs off) select * from js25_o0 x where exists (select 1 from js25_o0 y where y.b = x.b offset 0)
explain (costs off) select * from js25_o0 limit all
explain (costs off) select * from js25_o0 limit null offset null
explain (costs off) select * from js25_o0 offset 1
explain (costs off) select * from js25_o0 limit 0
explain (analyze, costs off, timing off, summary off) select * from (select * from js25_o0 offset 0) ss
select count(*) from (select * from js25_o0 offset 0) ss
select count(*) from js25_o0 x where exists (select 1 from js25_o0 y where y.b = x.b offset 0)
drop table js25_o0
