-- has_table_privilege, has_schema_privilege, pg_has_role (helper objects)
drop table if exists obj_hpt
drop schema if exists obj_hps
drop role if exists obj_hpr, obj_hpg
create role obj_hpr
create role obj_hpg
create table obj_hpt (a int)
create schema obj_hps
grant select on obj_hpt to obj_hpr
select has_table_privilege('obj_hpr', 'obj_hpt', 'select'), has_table_privilege('obj_hpr', 'obj_hpt', 'insert'), has_table_privilege('obj_hpr', 'obj_hpt', 'insert, select')
select has_table_privilege('obj_hpt', 'select, update'), has_table_privilege('obj_hpr', 'public.obj_hpt', 'SELECT WITH GRANT OPTION')
select has_table_privilege('obj_hpr', 'obj_nosuch', 'select')
select has_table_privilege('obj_nosuch_role', 'obj_hpt', 'select')
select has_table_privilege('obj_hpr', 'obj_hpt', 'frob')
select has_schema_privilege('obj_hpr', 'obj_hps', 'usage'), has_schema_privilege('obj_hpr', 'public', 'usage'), has_schema_privilege('obj_hpr', 'public', 'create'), has_schema_privilege('obj_hps', 'create')
select has_schema_privilege('obj_hpr', 'obj_nosuch', 'usage')
grant obj_hpg to obj_hpr
select pg_has_role('obj_hpr', 'obj_hpg', 'member'), pg_has_role('obj_hpg', 'obj_hpr', 'member'), pg_has_role('obj_hpr', 'obj_hpg', 'usage'), pg_has_role('obj_hpg', 'member')
select pg_has_role('obj_hpr', 'obj_nosuch', 'member')
select pg_has_role('obj_hpr', 'obj_hpg', 'frob')
drop table obj_hpt
drop schema obj_hps
drop role obj_hpr, obj_hpg
