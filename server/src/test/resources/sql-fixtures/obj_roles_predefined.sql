-- predefined roles and groups (helper objects)
drop table if exists obj_pt
drop role if exists obj_pu, obj_pg
create role obj_pu
create group obj_pg
create table obj_pt (a int)
insert into obj_pt values (1)
set local role obj_pu; select count(*) from obj_pt
grant pg_read_all_data to obj_pu
set local role obj_pu; select count(*) from obj_pt
set local role obj_pu; insert into obj_pt values (2)
grant pg_write_all_data to obj_pu
set local role obj_pu; insert into obj_pt values (2); select count(*) from obj_pt
revoke pg_read_all_data, pg_write_all_data from obj_pu
set local role obj_pu; select count(*) from obj_pt
grant select on obj_pt to obj_pg
alter group obj_pg add user obj_pu
set local role obj_pu; select count(*) from obj_pt
alter group obj_pg drop user obj_pu
set local role obj_pu; select count(*) from obj_pt
drop role pg_read_all_data
create role pg_mine
drop table obj_pt
drop role obj_pu, obj_pg
