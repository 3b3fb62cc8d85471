-- views (helper objects)
drop view if exists obj_v1, obj_v2, obj_v3, obj_vnames, obj_vv
drop table if exists obj_vt
drop schema if exists obj_vs cascade
create table obj_vt (id int, name text, price numeric(6,2))
insert into obj_vt values (1, 'apple', 1.50), (2, 'pear', 2.25), (3, 'fig', null)
create view obj_v1 as select id, name from obj_vt where price is not null
select * from obj_v1 order by id
select name from obj_v1 where id > 1
select v.id, t.price from obj_v1 v join obj_vt t on t.id = v.id order by v.id
create view obj_v2 as select count(*) as n, max(price) as top from obj_vt
select n, top from obj_v2
create view obj_v3 as select * from obj_v1 where id < 2
select * from obj_v3
create view obj_vnames (a, b) as select id, name from obj_vt
select a, b from obj_vnames order by a
select id from obj_vnames
create view obj_vv (a, b, c, d) as select 1, 2, 3
create view obj_vv as select 1 as a, 2 as a
create view obj_vv as select 'x' as c, null as d, 1.5 as e
select * from obj_vv
create view obj_vt as select 1
create or replace view obj_vt as select 1
create view obj_v1 as select 1
create view obj_vbad as select * from nosuch_table
create or replace view obj_v1 as select id as ident, name from obj_vt
create or replace view obj_v1 as select id::bigint as id, name from obj_vt
create or replace view obj_v1 as select id from obj_vt
create or replace view obj_v1 as select id, name, price from obj_vt; select * from obj_v1 order by id
select * from obj_v1 order by id
insert into obj_vt values (4, 'kiwi', 3)
select count(*) from obj_v1
drop table obj_v1
drop view obj_vt
drop view obj_v3, nosuch_view
drop view if exists obj_v3, nosuch_view
select * from obj_v3
alter view obj_vnames rename to obj_vnames2
select a from obj_vnames2 order by a limit 1
alter table obj_vnames2 rename to obj_vnames
alter view nosuch_view rename to x
alter view if exists nosuch_view rename to x
create schema obj_vs
create view obj_vs.v as select 42 as answer
select answer from obj_vs.v
select * from obj_vs.nosuch
drop view obj_vs.v
drop view nosuch_schema.v
drop view if exists nosuch_schema.v
drop view obj_v1, obj_v2, obj_vnames, obj_vv
drop table obj_vt
drop schema obj_vs
