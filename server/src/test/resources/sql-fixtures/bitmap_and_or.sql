-- BitmapOr: a Bitmap Heap Scan over the union of one Bitmap Index Scan per OR arm, its Recheck Cond, and the same rows with bitmap scans off
drop table if exists bmo_t;
create table bmo_t (a int, b int, c text);
insert into bmo_t select g, g % 1000, 'x' || g from generate_series(1, 20000) g
create index bmo_t_a on bmo_t (a)
create index bmo_t_b on bmo_t (b)
create index bmo_t_c_part on bmo_t (b) where c < 'x2'
analyze bmo_t
explain (costs off) select * from bmo_t where a = 1 or b = 2
explain (costs off) select * from bmo_t where a < 3 or a > 19990
explain (costs off) select * from bmo_t where (a = 1 or b = 2) and c like 'x1%'
explain (costs off) select * from bmo_t where a = 5 or (b = 7 and c > 'x5')
explain (costs off) select * from bmo_t where a = 1 or b = 2 or a = 3
explain (costs off) select * from bmo_t where a = 1 or c = 'x3'
select a, b, c from bmo_t where a = 1 or b = 2 order by a
set enable_bitmapscan = off; select a, b, c from bmo_t where a = 1 or b = 2 order by a; reset enable_bitmapscan
select count(*), sum(a) from bmo_t where a < 3 or a > 19990
set enable_bitmapscan = off; select count(*), sum(a) from bmo_t where a < 3 or a > 19990; reset enable_bitmapscan
select a, b, c from bmo_t where (a = 1 or b = 2) and c like 'x1%' order by a
select a, b, c from bmo_t where a = 5 or (b = 7 and c > 'x5') order by a
set enable_bitmapscan = off; select a, b, c from bmo_t where a = 5 or (b = 7 and c > 'x5') order by a; reset enable_bitmapscan
select count(*) from bmo_t where a = 1 or b = 2 or a = 1
set enable_bitmapscan = off; explain (costs off) select * from bmo_t where a = 1 or b = 2; reset enable_bitmapscan
drop table bmo_t
