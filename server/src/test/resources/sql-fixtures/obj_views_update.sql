-- INSERT/UPDATE/DELETE through automatically updatable views (helper objects)
drop view if exists obj_uv7, obj_uv1, obj_uv2, obj_uv3, obj_uv4, obj_uv5, obj_uv6
drop table if exists obj_uvt
create table obj_uvt (a int, b text, c int)
create view obj_uv1 as select a, b from obj_uvt where a > 0
create view obj_uv2 as select a as x, b, c + 1 as c1 from obj_uvt
create view obj_uv3 as select count(*) from obj_uvt
create view obj_uv4 as select distinct a from obj_uvt
create view obj_uv5 as select u.a from obj_uvt u, obj_uvt w
create view obj_uv6 as select * from obj_uvt
insert into obj_uv1 values (1, 'one')
insert into obj_uv1 (b, a) values ('two', 2)
insert into obj_uv1 values (-1, 'neg')
select * from obj_uvt order by a
select * from obj_uv1 order by a
update obj_uv1 set b = 'ONE' where a = 1
update obj_uv1 set b = 'x'
select * from obj_uvt order by a
delete from obj_uv1 where b = 'x' and a = 2
select * from obj_uvt order by a
delete from obj_uv1
select * from obj_uvt order by a
insert into obj_uv2 values (5, 'five')
insert into obj_uv2 (x, b) values (6, 'six')
insert into obj_uv2 (x, c1) values (7, 1)
update obj_uv2 set c1 = 3
update obj_uv2 set b = 'X'
select * from obj_uv2 order by x
insert into obj_uv3 values (1)
update obj_uv3 set count = 1
delete from obj_uv3
insert into obj_uv4 values (1)
insert into obj_uv5 values (1)
update obj_uv5 set a = 1
delete from obj_uv5
insert into obj_uv6 values (9, 'nine', 9)
update obj_uv6 set c = 10 where a = 9 returning *
delete from obj_uv6 where a = 9 returning a, b
insert into obj_uv1 (zz) values (1)
create view obj_uv7 as select b as bee, a from obj_uv1 where a < 100
insert into obj_uv7 (a, bee) values (50, 'fifty'), (150, 'big')
select * from obj_uv7 order by a
update obj_uv7 set bee = 'FIFTY'
select a, b from obj_uvt where a > 10 order by a
delete from obj_uv7
select a, b from obj_uvt where a > 10 order by a
drop view obj_uv7
drop view obj_uv1, obj_uv2, obj_uv3, obj_uv4, obj_uv5, obj_uv6
drop table obj_uvt
