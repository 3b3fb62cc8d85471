-- views keep the relations they name from being dropped (helper objects)
drop view if exists obj_dv3, obj_dv2, obj_dv1
drop table if exists obj_dt, obj_dt2
create table obj_dt (a int)
create table obj_dt2 (b int)
insert into obj_dt values (1), (2)
create view obj_dv1 as select a from obj_dt
create view obj_dv2 as select a * 10 as a10 from obj_dv1
create view obj_dv3 as select b from obj_dt2
drop table obj_dt
drop table obj_dt, obj_dt2
drop view obj_dv1
select * from obj_dv2 order by a10
drop view obj_dv1 cascade
select * from obj_dv2
create view obj_dv1 as select a from obj_dt
create or replace view obj_dv1 as select a from obj_dt, obj_dt2
drop table obj_dt2
drop table obj_dt2 cascade
select * from obj_dv3
select * from obj_dv1
drop table obj_dt cascade
select count(*) from obj_dt
