-- schemas and search_path (helper objects); every line runs in its own session when recorded
drop schema if exists obj_s1 cascade
drop schema if exists obj_s2 cascade
drop schema if exists obj_s3 cascade
drop table if exists obj_t
create schema obj_s1
create schema obj_s1
create schema if not exists obj_s1
create schema pg_obj
create table obj_s1.t (a int, b text)
insert into obj_s1.t values (1, 'one'), (2, 'two')
select * from obj_s1.t order by a
create table obj_t (x int)
insert into obj_t values (10)
select * from obj_s1.obj_t
select * from nosuch_schema.t
create table nosuch_schema.t (a int)
select * from t
set local search_path = obj_s1; select a, b from t order by a
set local search_path = obj_s1, public; select x from obj_t
set local search_path = obj_s1, public; create table obj_s1_made (a int); select * from obj_s1.obj_s1_made
select * from obj_s1_made
set local search_path = nosuch; create table obj_zz (a int)
set local search_path = nosuch; select current_schema() is null, current_schemas(true), current_schemas(false)
select current_schema(), current_schemas(true), current_schemas(false)
set local search_path = obj_s1, public; select current_schema(), current_schemas(false)
set local search_path = "$user", obj_s1; select current_schemas(true)
set local search_path = obj_s1, pg_catalog; select current_schemas(true)
create table obj_s1.t (a int)
create table if not exists obj_s1.t (a int)
drop schema obj_s1
drop schema nosuch_schema
drop schema if exists nosuch_schema
alter schema obj_s1 rename to obj_s2
alter schema nosuch_schema rename to obj_s3
alter schema obj_s2 rename to public
select * from obj_s2.t order by a
select * from obj_s1.t
create schema obj_s3
drop schema obj_s2, obj_s3
drop schema obj_s2, obj_s3 cascade
select * from obj_s2.t
drop schema obj_s3
create schema obj_s3
drop table obj_s3.nosuch
drop table if exists obj_s3.nosuch, nosuch_schema.nosuch
drop schema obj_s3
drop table obj_t
