-- two one-row relations joined first (no condition of their own), so that a third's index is keyed by both
-- (have_relevant_joinclause: a condition reading both, with another relation, makes them worth joining)
drop table if exists jp_ck_big
drop table if exists jp_ck_a
drop table if exists jp_ck_b
drop table if exists jp_ck_side
create table jp_ck_big (id int, grp int, two int, pad text)
insert into jp_ck_big select i, i % 1000, i % 2000, repeat('z', 150) from generate_series(0, 9999) i
create index jp_ck_big_grp on jp_ck_big (grp)
create table jp_ck_a as select 1 as a
create table jp_ck_b as select 0 as b
create table jp_ck_side as select i as f from generate_series(1, 5) i
vacuum analyze jp_ck_big
analyze jp_ck_a
analyze jp_ck_b
analyze jp_ck_side
explain (costs off) select * from jp_ck_big join jp_ck_side on f = two, jp_ck_a, jp_ck_b where grp = (a + b)
select count(*), sum(id) from jp_ck_big join jp_ck_side on f = two, jp_ck_a, jp_ck_b where grp = (a + b)
explain (costs off) select * from jp_ck_big, jp_ck_a, jp_ck_b where grp = (a + b)
select id, grp from jp_ck_big, jp_ck_a, jp_ck_b where grp = (a + b) order by id
drop table jp_ck_big
drop table jp_ck_a
drop table jp_ck_b
drop table jp_ck_side
