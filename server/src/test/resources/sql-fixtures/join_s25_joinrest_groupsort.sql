-- GROUP BY grouped by sorting or hashing by cost (add_paths_to_grouping_rel): a few rows are sorted (Group without aggregates, GroupAggregate with), many are hashed; enable_hashagg off sorts; costs rounded as C printf does (1.035 is 1.03)
drop table if exists js25_gs_small
drop table if exists js25_gs_big
drop table if exists js25_gs_j
create table js25_gs_small (id int, v int)
insert into js25_gs_small values (1, 10), (1, 20)
create table js25_gs_big (id int, v int)
insert into js25_gs_big select i % 100, i from generate_series(1, 10000) i
create table js25_gs_j (id int primary key)
insert into js25_gs_j values (1), (2), (3)
analyze js25_gs_small
analyze js25_gs_big
analyze js25_gs_j
explain select id from js25_gs_small group by id
explain select id, sum(v) from js25_gs_small group by id
explain select id from js25_gs_small order by id
explain (costs off) select id, sum(v) from js25_gs_big group by id
explain (costs off) select id from js25_gs_big group by id
explain (verbose, costs off) select * from js25_gs_j j inner join (select id from js25_gs_small group by id) s on j.id = s.id
select * from js25_gs_j j inner join (select id from js25_gs_small group by id) s on j.id = s.id
select id, count(*), sum(v) from js25_gs_small group by id
select count(*) from (select id, sum(v) from js25_gs_big group by id) s
set enable_hashagg = off; explain (costs off) select id from js25_gs_big group by id; reset enable_hashagg
set enable_hashagg = off; explain (costs off) select id, count(*) from js25_gs_big group by id; reset enable_hashagg
drop table js25_gs_small
drop table js25_gs_big
drop table js25_gs_j
