-- CREATE SCHEMA with embedded statements (helper objects)
drop schema if exists obj_se cascade
drop schema if exists obj_se2 cascade
create schema obj_se create table abc (a int, b int) create view abc_view as select a + 1 as a, b from abc create index abc_a_idx on abc (a)
insert into obj_se.abc values (1, 2), (5, 6)
select * from obj_se.abc_view order by a
select * from abc
create schema obj_se2 create view v as select c from obj_se.abc
select count(*) from obj_se2.v
create schema obj_se2 create table public.t (a int)
drop schema obj_se cascade
