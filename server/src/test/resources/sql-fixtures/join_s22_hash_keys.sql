-- a hash join hashes on all the equalities of its join at once (Hash Cond: ((a.x = b.x) AND (a.y = b.y))), for inner,
-- left, semi and anti joins; NULL in any key matches nothing; duplicates on both sides; spilled to batches too
drop table if exists join_s22_hk_a, join_s22_hk_b;
create table join_s22_hk_a (x int, y int, v text); create table join_s22_hk_b (x int8, y int, w int);
insert into join_s22_hk_a select g % 50, g % 7, 'a' || g from generate_series(1, 1000) g; insert into join_s22_hk_a values (null, 1, 'n1'), (1, null, 'n2'), (null, null, 'n3');
insert into join_s22_hk_b select g % 40, g % 5, g from generate_series(1, 300) g; insert into join_s22_hk_b values (null, 1, -1), (1, null, -2);
analyze join_s22_hk_a; analyze join_s22_hk_b;
explain (costs off) select * from join_s22_hk_a a join join_s22_hk_b b on a.x = b.x and a.y = b.y;
select count(*), sum(w), count(distinct v) from join_s22_hk_a a join join_s22_hk_b b on a.x = b.x and a.y = b.y;
explain (costs off) select * from join_s22_hk_a a join join_s22_hk_b b on a.x = b.x and a.y = b.y and a.v < b.w::text;
select count(*), sum(w) from join_s22_hk_a a join join_s22_hk_b b on a.x = b.x and a.y = b.y and a.v < b.w::text;
explain (costs off) select * from join_s22_hk_a a left join join_s22_hk_b b on a.x = b.x and b.y = a.y;
explain (costs off) select * from join_s22_hk_a a left join join_s22_hk_b b on a.x = b.x and b.y = a.y and b.w > 100;
select count(*), count(w), sum(w), count(*) filter (where v like 'n%') from join_s22_hk_a a left join join_s22_hk_b b on a.x = b.x and b.y = a.y and b.w > 100;
select v, w from join_s22_hk_a a left join join_s22_hk_b b on a.x = b.x and b.y = a.y where a.x = 1 and a.y = 1 order by 1, 2;
select count(*) from join_s22_hk_a a where exists (select 1 from join_s22_hk_b b where b.x = a.x and b.y = a.y);
explain (costs off) select * from join_s22_hk_a a where not exists (select 1 from join_s22_hk_b b where b.x = a.x and b.y = a.y);
select count(*), count(x), count(y) from join_s22_hk_a a where not exists (select 1 from join_s22_hk_b b where b.x = a.x and b.y = a.y);
set work_mem = '64kB'; select count(*), sum(w), count(distinct v) from join_s22_hk_a a join join_s22_hk_b b on a.x = b.x and a.y = b.y; reset work_mem;
set work_mem = '64kB'; select count(*), count(w), sum(w) from join_s22_hk_a a left join join_s22_hk_b b on a.x = b.x and b.y = a.y; reset work_mem;
set work_mem = '64kB'; select count(*), count(w), sum(w), count(v) from join_s22_hk_a a full join join_s22_hk_b b on a.x = b.x and b.y = a.y and b.w > 50; reset work_mem;
select count(*), count(w), sum(w), count(v) from join_s22_hk_b b full join join_s22_hk_a a on a.x = b.x and b.y = a.y and b.w > 50;
drop table join_s22_hk_a, join_s22_hk_b;
