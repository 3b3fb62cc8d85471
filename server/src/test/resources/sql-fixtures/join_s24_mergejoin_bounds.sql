-- a B-tree scan whose conditions leave its leading column free reads the whole index (btcostestimate's boundary
-- conditions): a condition on a later key column does not make an ordered scan cheap, for a merge join or on its own
drop table if exists join_s24_mb_f;
create table join_s24_mb_f (x integer, x10 integer, x10b integer, x100 integer); insert into join_s24_mb_f select x, x/10, x/10, x/100 from generate_series(1,1000) x; create unique index join_s24_mb_f_idx on join_s24_mb_f (x, x10, x100); analyze join_s24_mb_f;
explain (costs off) select * from join_s24_mb_f f1 join join_s24_mb_f f2 on (f1.x = f2.x and f1.x10 = f2.x10b and f1.x100 = f2.x100) where f1.x100 = 2;
explain (costs off) select f1.x, f2.x10b from join_s24_mb_f f1 join join_s24_mb_f f2 on (f1.x = f2.x and f1.x10 = f2.x10b and f1.x100 = f2.x100) where f1.x100 = 2;
explain (costs off) select x from join_s24_mb_f where x100 = 2;
explain (costs off) select * from join_s24_mb_f where x10 = 3;
explain (costs off) select * from join_s24_mb_f where x = 3 and x100 = 0;
set enable_hashjoin = 0; set enable_nestloop = 0; set enable_sort = 0; explain (costs off) select * from join_s24_mb_f f1 join join_s24_mb_f f2 on (f1.x = f2.x and f1.x10 = f2.x10b and f1.x100 = f2.x100) where f1.x100 = 2; reset enable_hashjoin; reset enable_nestloop; reset enable_sort;
select count(*), sum(f1.x) from join_s24_mb_f f1 join join_s24_mb_f f2 on (f1.x = f2.x and f1.x10 = f2.x10b and f1.x100 = f2.x100) where f1.x100 = 2;
drop table join_s24_mb_f;
