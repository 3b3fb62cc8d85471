-- pg_describe_object as psql's \dx+ and error details use it
drop view if exists td_other.td_names
drop table if exists td_other.td_lines
drop table if exists td_people cascade
drop sequence if exists td_seq
drop schema if exists td_other
create table td_people (id int primary key, name text not null, age int check (age > 0))
create schema td_other
create table td_other.td_lines (a int primary key, person int references td_people (id))
create view td_other.td_names as select id, name from td_people
create sequence td_seq
select pg_describe_object('pg_class'::regclass, 'td_people'::regclass, 0), pg_describe_object('pg_class'::regclass, 'td_people'::regclass, 2), pg_describe_object('pg_class'::regclass, 'td_other.td_lines'::regclass, 0)
select pg_describe_object('pg_class'::regclass, 'td_people_pkey'::regclass, 0), pg_describe_object('pg_class'::regclass, 'td_seq'::regclass, 0), pg_describe_object('pg_class'::regclass, 'td_other.td_names'::regclass, 1)
select pg_describe_object('pg_class'::regclass, 'pg_class'::regclass, 0), pg_describe_object('pg_class'::regclass, 'pg_tables'::regclass, 1), pg_describe_object('pg_proc'::regclass, 'lower(text)'::regprocedure, 0)
select pg_describe_object('pg_type'::regclass, 'int4'::regtype, 0), pg_describe_object('pg_type'::regclass, 'varchar'::regtype, 0), pg_describe_object('pg_namespace'::regclass, 'td_other'::regnamespace, 0), pg_describe_object('pg_authid'::regclass, 10, 0)
select pg_describe_object(classid, objid, objsubid) from pg_depend where refclassid = 'pg_extension'::regclass order by 1
select conname, conkey from pg_constraint where conrelid = 'td_people'::regclass order by 1
select pg_describe_object('pg_class'::regclass, 999999, 0) is null, pg_describe_object('pg_namespace'::regclass, 999999, 0) is null
select pg_describe_object('pg_constraint'::regclass, c.oid, 0) from pg_constraint c where conrelid in ('td_people'::regclass, 'td_other.td_lines'::regclass) order by 1
select pg_describe_object(classid, objid, objsubid), pg_describe_object(refclassid, refobjid, refobjsubid), deptype from pg_depend where refobjid = 'td_people'::regclass and classid = 'pg_constraint'::regclass order by 1, 2, 3
drop view td_other.td_names
drop table td_other.td_lines
drop table td_people
drop sequence td_seq
drop schema td_other
