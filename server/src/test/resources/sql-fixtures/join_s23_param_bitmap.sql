-- nested loops whose inner side is a Bitmap Heap Scan keyed by the outer row (parameterized bitmap paths), and the
-- loop count of an inner index scan taken from the base relations its parameters come from (get_loop_count)
drop table if exists jp_bm_big
drop table if exists jp_bm_small
create table jp_bm_big (id int, grp int, sub int, pad text)
insert into jp_bm_big select i, (i * 37) % 1000, i % 100, repeat('y', 150) from generate_series(0, 9999) i
create unique index jp_bm_big_id on jp_bm_big (id)
create index jp_bm_big_grp on jp_bm_big (grp, sub)
create index jp_bm_big_sub on jp_bm_big (sub)
create table jp_bm_small (k int)
insert into jp_bm_small values (1), (7), (42), (500), (999)
vacuum analyze jp_bm_big
vacuum analyze jp_bm_small
explain (costs off) select * from jp_bm_small s join jp_bm_big b on b.grp = s.k
select count(*), sum(b.id) from jp_bm_small s join jp_bm_big b on b.grp = s.k
explain (costs off) select * from jp_bm_big a join jp_bm_big b on a.sub = b.sub where a.id = 3
select count(*), sum(b.id) from jp_bm_big a join jp_bm_big b on a.sub = b.sub where a.id = 3
explain (costs off) select count(*) from jp_bm_small s join jp_bm_big b on b.grp = s.k left join jp_bm_big c on c.grp = b.sub
explain (costs off) select * from jp_bm_small s left join jp_bm_big b on s.k = b.grp
select count(*), sum(c.id) from jp_bm_small s join jp_bm_big b on b.grp = s.k left join jp_bm_big c on c.grp = b.sub
select count(*), sum(b.id) from jp_bm_small s left join jp_bm_big b on s.k = b.grp
drop table jp_bm_big
drop table jp_bm_small
