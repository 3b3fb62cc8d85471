-- privileges through views: the view's for the user, the table's for the view's owner (helper objects)
drop view if exists obj_gv
drop table if exists obj_gt
drop role if exists obj_gr
create role obj_gr
create table obj_gt (a int, b text)
insert into obj_gt values (1, 'x')
create view obj_gv as select a, b from obj_gt
set local role obj_gr; select * from obj_gv
grant select, insert, update, delete on obj_gv to obj_gr
set local role obj_gr; select * from obj_gv
set local role obj_gr; select * from obj_gt
set local role obj_gr; insert into obj_gv values (2, 'y')
set local role obj_gr; update obj_gv set b = 'z' where a = 2
set local role obj_gr; delete from obj_gv where a = 1
select * from obj_gt order by a
revoke insert on obj_gv from obj_gr
set local role obj_gr; insert into obj_gv values (3, 'q')
drop view obj_gv
drop table obj_gt
drop role obj_gr
