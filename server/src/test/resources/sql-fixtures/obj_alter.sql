-- ALTER FUNCTION / VIEW / ... OWNER / SET SCHEMA / RENAME (helper objects)
drop function if exists obj_af(int), obj_af2(int)
drop view if exists obj_av
drop schema if exists obj_as cascade
drop role if exists obj_arole
create role obj_arole
create schema obj_as
create function obj_af(int) returns int language sql return $1 + 1
alter function obj_af(int) immutable strict
select obj_af(1), obj_af(null)
alter function obj_af(int) rename to obj_af2
select obj_af2(2)
select obj_af(2)
create function obj_af(int) returns int language sql return 0
alter function obj_af(int) rename to obj_af2
drop function obj_af(int)
alter function obj_af2(int) set schema obj_as
select obj_as.obj_af2(3)
alter function obj_as.obj_af2(int) owner to obj_arole
set local role obj_arole; alter function obj_as.obj_af2(int) stable
alter function obj_nosuch(int) immutable
set local role obj_arole; alter function obj_as.obj_af2(int) leakproof
create function obj_as.obj_lp(int) returns int language sql leakproof return 1
set local role obj_arole; create function obj_as.obj_lp2(int) returns int language sql leakproof return 1
alter procedure obj_as.obj_af2(int) immutable
create view obj_av as select 1 as one, 2 as two
alter view obj_av rename column one to uno
select uno, two from obj_av
alter view obj_av rename column nosuch to x
alter view obj_av rename column two to uno
alter view obj_av set schema obj_as
select * from obj_as.obj_av
alter view obj_as.obj_av owner to obj_arole
set local role obj_arole; drop view obj_as.obj_av
drop schema obj_as cascade
drop role obj_arole
