-- an array condition (= ANY) on a B-tree's first column is an index condition whose scan keeps the index order, so a
-- merge join or an ORDER BY needs no Sort; on a later column it is an index condition too
drop table if exists join_s24_ma_a, join_s24_ma_b;
create table join_s24_ma_a (id1 int, id2 int, primary key (id1, id2)); create table join_s24_ma_b (id1 int, id2 int, primary key (id1, id2));
insert into join_s24_ma_a values (1, 1), (1, 2); insert into join_s24_ma_b values (1, 1), (1, 2); analyze join_s24_ma_a; analyze join_s24_ma_b;
create index join_s24_ma_a_idx on join_s24_ma_a (id1) where id1 % 1000 = 1; create index join_s24_ma_b_idx on join_s24_ma_b (id1) where id1 % 1000 = 1;
set enable_nestloop = 0; set enable_hashjoin = 0; set enable_sort = 0; explain (costs off) select * from join_s24_ma_a a join join_s24_ma_b b on a.id1 = b.id1 and a.id2 = b.id2 where a.id1 % 1000 = 1 and b.id1 % 1000 = 1 and b.id1 = any (array[1]); reset enable_nestloop; reset enable_hashjoin; reset enable_sort;
set enable_nestloop = 0; set enable_hashjoin = 0; set enable_sort = 0; select * from join_s24_ma_a a join join_s24_ma_b b on a.id1 = b.id1 and a.id2 = b.id2 where a.id1 % 1000 = 1 and b.id1 % 1000 = 1 and b.id1 = any (array[1]); reset enable_nestloop; reset enable_hashjoin; reset enable_sort;
set enable_nestloop = 0; set enable_hashjoin = 0; set enable_sort = 0; explain (costs off) select * from join_s24_ma_a a join join_s24_ma_b b on a.id1 = b.id1 and a.id2 = b.id2 where a.id1 % 1000 = 1 and b.id1 % 1000 = 1 and b.id1 >= any (array[1, 5]); reset enable_nestloop; reset enable_hashjoin; reset enable_sort;
set enable_nestloop = 0; set enable_hashjoin = 0; set enable_sort = 0; select * from join_s24_ma_a a join join_s24_ma_b b on a.id1 = b.id1 and a.id2 = b.id2 where a.id1 % 1000 = 1 and b.id1 % 1000 = 1 and b.id1 >= any (array[1, 5]); reset enable_nestloop; reset enable_hashjoin; reset enable_sort;
insert into join_s24_ma_b select g % 50, g from generate_series(3, 2000) g; analyze join_s24_ma_b;
set enable_seqscan = 0; set enable_bitmapscan = 0; explain (costs off) select * from join_s24_ma_b where id1 = any ('{7,3,5}') order by id1; reset enable_seqscan; reset enable_bitmapscan;
set enable_seqscan = 0; set enable_bitmapscan = 0; select * from join_s24_ma_b where id1 = any ('{7,3,5,null}') and id2 < 300 order by id1, id2; reset enable_seqscan; reset enable_bitmapscan;
set enable_seqscan = 0; set enable_bitmapscan = 0; explain (costs off) select * from join_s24_ma_b where id1 = 7 and id2 = any ('{57,7,107}'); reset enable_seqscan; reset enable_bitmapscan;
set enable_seqscan = 0; set enable_bitmapscan = 0; explain (costs off) select * from join_s24_ma_b where id1 = 7 and id2 = any ('{57,7,107}') order by id1; reset enable_seqscan; reset enable_bitmapscan;
set enable_seqscan = 0; set enable_bitmapscan = 0; select * from join_s24_ma_b where id1 = 7 and id2 = any ('{57,7,107,3}') order by id1, id2; reset enable_seqscan; reset enable_bitmapscan;
select count(*) from join_s24_ma_b where id1 = any ('{}'::int[]);
drop table join_s24_ma_a, join_s24_ma_b;
