-- REASSIGN OWNED and DROP OWNED (helper objects)
drop schema if exists obj_os cascade
drop table if exists obj_ot, obj_oshared
drop role if exists obj_oa, obj_ob
create role obj_oa
create role obj_ob
create table obj_oshared (a int)
grant select on obj_oshared to obj_oa
create schema obj_os authorization obj_oa
grant create on schema public to obj_oa
set local role obj_oa; create table obj_ot (a int); create view obj_os.v as select 1 as x
revoke create on schema public from obj_oa
drop role obj_oa
reassign owned by obj_oa to obj_ob
set local role obj_oa; select * from obj_ot
set local role obj_ob; insert into obj_ot values (1); select count(*) from obj_ot
set local role obj_ob; drop view obj_os.v
drop owned by obj_ob
select * from obj_ot
select * from obj_os.v
set local role obj_oa; select count(*) from obj_oshared
drop owned by obj_oa
set local role obj_oa; select count(*) from obj_oshared
drop role obj_oa, obj_ob
drop table obj_oshared
