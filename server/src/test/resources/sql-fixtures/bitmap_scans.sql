-- Bitmap Heap Scans over B-tree Bitmap Index Scans: the plan shape, Recheck Cond, Heap Blocks, and the same rows with enable_bitmapscan off
drop table if exists bm_t;
create table bm_t (a int, b int, c text);
insert into bm_t select g, g % 100, 'x' || g from generate_series(1, 10000) g
create index bm_t_a on bm_t (a)
create index bm_t_b on bm_t (b)
analyze bm_t
explain (costs off) select * from bm_t where b = 5
set enable_indexscan = off; explain (costs off) select a from bm_t where b = 5 and a < 2000
reset enable_indexscan
explain (costs off) select count(*) from bm_t where b = 5 and c like 'x1%'
explain (costs off) select * from bm_t where b = 5 order by a
set enable_bitmapscan = off; explain (costs off) select * from bm_t where b = 5
select a, b, c from bm_t where b = 5 and a < 1000 order by a
set enable_bitmapscan = off; select a, b, c from bm_t where b = 5 and a < 1000 order by a
select count(*), sum(a) from bm_t where b in (5, 6)
set enable_bitmapscan = off; select count(*), sum(a) from bm_t where b in (5, 6)
