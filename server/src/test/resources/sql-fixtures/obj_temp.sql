-- temporary tables and views live in the session's pg_temp schema, searched first (helper objects); each line makes and drops its own
drop table if exists obj_tmp
create table obj_tmp (a int)
insert into obj_tmp values (1)
create temp table obj_tmp (a int, b text); insert into obj_tmp values (2, 'temp'); select a, b from obj_tmp; drop table obj_tmp
create temp table obj_tmp (a int, b text); insert into obj_tmp values (3, 't'); select count(*) from public.obj_tmp; drop table pg_temp.obj_tmp
create temp table obj_tmp2 as select 7 as seven; select seven from pg_temp.obj_tmp2; drop table obj_tmp2
create temp table obj_tmp3 (x int); create view obj_tmpv as select x from obj_tmp3; insert into obj_tmp3 values (4); select * from obj_tmpv; drop view obj_tmpv; drop table obj_tmp3
create temp view obj_tmpv2 as select 42 as answer; select answer from obj_tmpv2; drop view obj_tmpv2
create temp table public.obj_tmp4 (a int)
select a from obj_tmp
drop table obj_tmp
