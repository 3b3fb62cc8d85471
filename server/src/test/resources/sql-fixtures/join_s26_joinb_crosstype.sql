-- equivalence classes over integers of several widths (btree integer_ops): a constant reaches every member through
-- the cross-type equality the query already uses, and the equalities between members go
drop table if exists jb_ct_big
drop table if exists jb_ct_small
drop table if exists jb_ct_other
create table jb_ct_big (id bigint, v int)
create table jb_ct_small (f int, g smallint)
create table jb_ct_other (h int)
insert into jb_ct_big select i, i % 10 from generate_series(1, 20) i
insert into jb_ct_small select i, i % 3 from generate_series(1, 8) i
insert into jb_ct_other select i from generate_series(1, 6) i
analyze jb_ct_big
analyze jb_ct_small
analyze jb_ct_other
explain (costs off) select * from jb_ct_big b join jb_ct_small s on b.id = s.f, jb_ct_other o where s.f = 3
select b.id, b.v, s.f, o.h from jb_ct_big b join jb_ct_small s on b.id = s.f, jb_ct_other o where s.f = 3 order by o.h
explain (costs off) select * from jb_ct_other o left join (jb_ct_big b join jb_ct_small s on b.id = s.f) on o.h = s.f where s.f = 2
select o.h, b.id, s.f from jb_ct_other o left join (jb_ct_big b join jb_ct_small s on b.id = s.f) on o.h = s.f where s.f = 2
explain (costs off) select * from jb_ct_big b, jb_ct_small s, jb_ct_other o where b.id = s.g and s.g = o.h and o.h = 1
select b.id, s.f, s.g, o.h from jb_ct_big b, jb_ct_small s, jb_ct_other o where b.id = s.g and s.g = o.h and o.h = 1 order by s.f
select count(*) from jb_ct_big b, jb_ct_small s, jb_ct_other o where b.id = s.f and s.f = o.h and o.h = 1 and b.id = 2
drop table jb_ct_big
drop table jb_ct_small
drop table jb_ct_other
