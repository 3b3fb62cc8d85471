-- roles, GRANT/REVOKE and permission checks (helper objects); SET LOCAL keeps each line's role to itself
drop table if exists obj_rt, obj_rt2, obj_rmine
drop view if exists obj_rv
drop schema if exists obj_rs cascade
drop role if exists obj_r1, obj_r2, obj_r3, obj_ru, obj_rnew, obj_radmin
create role obj_r1
create role obj_r1
create user obj_ru password 'secret' createdb
create role public
create role pg_obj
create role obj_r2 login connection limit 5 in role obj_r1
alter role obj_r2 nologin createdb
alter role obj_nosuch login
alter role obj_r2 rename to obj_r3
alter role obj_r3 rename to obj_ru
alter role obj_r3 rename to obj_r2
grant obj_r1 to obj_ru
grant obj_r1 to obj_ru
grant obj_nosuch to obj_ru
grant obj_r1 to obj_r1
revoke obj_r1 from obj_ru
revoke obj_r1 from obj_ru
drop role obj_nosuch
drop role if exists obj_nosuch
drop role postgres
set local role obj_nosuch
set local role obj_r1; select current_user, session_user
set local session authorization obj_r1; select current_user, session_user
set local role obj_r1; create role obj_rnew
set local role obj_r1; set local role postgres
create role obj_radmin createrole
set local role obj_radmin; create role obj_rnew; drop role obj_rnew
create table obj_rt (a int)
insert into obj_rt values (1), (2)
create table obj_rt2 (a int)
create view obj_rv as select a from obj_rt2
set local role obj_r1; select * from obj_rt
set local role obj_r1; insert into obj_rt values (3)
set local role obj_r1; update obj_rt set a = 5
set local role obj_r1; delete from obj_rt
set local role obj_r1; select * from obj_rv
grant select on obj_rt to obj_r1
grant select on obj_nosuch to obj_r1
grant select on obj_rt to obj_nosuch
grant frob on obj_rt to obj_r1
grant execute on obj_rt to obj_r1
set local role obj_r1; select * from obj_rt order by a
set local role obj_r1; insert into obj_rt values (3)
grant insert, update on obj_rt to obj_r1
set local role obj_r1; insert into obj_rt values (3); select count(*) from obj_rt
set local role obj_r1; update obj_rt set a = a + 10 where a = 3
set local role obj_r1; update obj_rt set a = 0
set local role obj_r1; delete from obj_rt where a = 13
grant all on obj_rt to public
set local role obj_r1; delete from obj_rt where a = 0
revoke all on obj_rt from public
set local role obj_r1; delete from obj_rt
set local role obj_r2; select * from obj_rt order by a
grant obj_r1 to obj_r2
set local role obj_r2; select count(*) from obj_rt
revoke select on obj_rt from obj_r1
set local role obj_r2; select count(*) from obj_rt
grant select on obj_rv to obj_r1
set local role obj_r1; select * from obj_rv
set local role obj_r1; select * from obj_rt2
set local role obj_r1; create table obj_rmine (a int)
grant create on schema public to obj_r1
set local role obj_r1; create table obj_rmine (a int); insert into obj_rmine values (7); select * from obj_rmine
set local role obj_r1; select * from obj_rmine
set local role obj_r1; drop table obj_rt2
set local role obj_r1; create schema obj_rs
create schema obj_rs authorization obj_r1
set local role obj_r1; create table obj_rs.t (a int); insert into obj_rs.t values (9); select a from obj_rs.t
drop role obj_r1
revoke create on schema public from obj_r1
drop schema obj_rs cascade
drop table obj_rmine
drop view obj_rv
drop table obj_rt, obj_rt2
drop role obj_r1, obj_r2, obj_ru, obj_radmin
