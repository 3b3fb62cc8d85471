-- materialized views (helper objects)
drop materialized view if exists obj_mv, obj_mv2
drop table if exists obj_mt
create table obj_mt (k int, v numeric)
insert into obj_mt values (1, 10), (1, 5), (2, 7)
create materialized view obj_mv as select k, sum(v) as total from obj_mt group by k
select * from obj_mv order by k
insert into obj_mt values (2, 100), (3, 1)
select * from obj_mv order by k
refresh materialized view obj_mv
select * from obj_mv order by k
create materialized view obj_mv as select 1
create materialized view if not exists obj_mv as select 1
create materialized view obj_mv2 (a) as select k from obj_mt with no data
select * from obj_mv2
refresh materialized view obj_mv2
select count(*) from obj_mv2
refresh materialized view obj_mv2 with no data
select count(*) from obj_mv2
refresh materialized view concurrently obj_mv
alter materialized view obj_mv rename to obj_mv_renamed
select count(*) from obj_mv_renamed
alter materialized view obj_mv_renamed rename to obj_mv
drop schema if exists obj_mvs
create schema obj_mvs
alter materialized view obj_mv set schema obj_mvs
select count(*) from obj_mvs.obj_mv
alter materialized view obj_mvs.obj_mv set schema public
drop schema obj_mvs
refresh materialized view obj_mt
refresh materialized view obj_nosuch
insert into obj_mv values (9, 9)
drop view obj_mv
drop table obj_mv
drop table obj_mt
drop materialized view obj_mv, obj_mv2
drop materialized view obj_mv
drop materialized view if exists obj_mv
drop table obj_mt
