-- a view finds its names where they were when it was made, whatever the search_path is later (helper objects)
drop schema if exists obj_vp cascade
create schema obj_vp
create table obj_vp.t (a int)
insert into obj_vp.t values (5)
set local search_path = obj_vp; create view obj_vp_v as select a from t
select * from obj_vp.obj_vp_v
insert into obj_vp.obj_vp_v values (6)
update obj_vp.obj_vp_v set a = a + 1 where a = 6
select a from obj_vp.t order by a
set local search_path = obj_vp; create materialized view obj_vp_m as select count(*) as n from t
refresh materialized view obj_vp.obj_vp_m
select n from obj_vp.obj_vp_m
drop schema obj_vp cascade
