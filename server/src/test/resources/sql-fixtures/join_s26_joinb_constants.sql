-- reconsider_full_join_clause through a FULL JOIN USING's merged column, and a merge join whose keys are fixed by
-- constants (redundant pathkeys: no Sort); reconsider_outer_join_clause inside a tree of LEFT joins
drop table if exists jb_oj_a
drop table if exists jb_oj_b
drop table if exists jb_oj_c
create table jb_oj_a (k int primary key, v int, pad text)
create table jb_oj_b (k int primary key, w int, pad text)
create table jb_oj_c (k int primary key, x int)
insert into jb_oj_a select i, i % 100, repeat('a', 100) from generate_series(1, 5000) i
insert into jb_oj_b select i * 2, i % 50, repeat('b', 100) from generate_series(1, 5000) i
insert into jb_oj_c select i, i % 7 from generate_series(1, 3000) i
vacuum analyze jb_oj_a
vacuum analyze jb_oj_b
vacuum analyze jb_oj_c
explain (costs off) select * from jb_oj_a a full join jb_oj_b b using (k) where k = 42
select k, a.v, b.w from jb_oj_a a full join jb_oj_b b using (k) where k = 42
select k, a.v, b.w from jb_oj_a a full join jb_oj_b b using (k) where k = 43
select k, a.v, b.w from jb_oj_a a full join jb_oj_b b using (k) where k = 9000
select count(*) from jb_oj_a a full join jb_oj_b b using (k) where k = 7001
explain (costs off) select a.k, b.k, c.k from jb_oj_a a left join jb_oj_b b on b.w = a.v left join jb_oj_c c on c.k = coalesce(b.k, a.k) where a.k < 5 and coalesce(b.k, a.k) = 44
select a.k, b.k, c.k, c.x from jb_oj_a a left join jb_oj_b b on b.w = a.v left join jb_oj_c c on c.k = coalesce(b.k, a.k) where a.k < 5 and coalesce(b.k, a.k) = 44 order by 1, 2
select a.k, b.k, c.x from jb_oj_a a left join jb_oj_b b on b.k = a.k left join jb_oj_c c on c.k = a.k where a.k = 8 order by 1
drop table jb_oj_a
drop table jb_oj_b
drop table jb_oj_c
