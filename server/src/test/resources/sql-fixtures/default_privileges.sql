-- ALTER DEFAULT PRIVILEGES: pg_default_acl, and the ACLs of tables, sequences, functions and schemas created afterwards
drop schema if exists dpx_s cascade
drop schema if exists dpx_s2 cascade
drop role if exists dpx_owner, dpx_reader
create role dpx_owner; create role dpx_reader
create schema dpx_s authorization dpx_owner
alter default privileges for role dpx_owner in schema dpx_s grant select on tables to dpx_reader
alter default privileges for role dpx_owner grant usage on sequences to dpx_reader with grant option
alter default privileges for role dpx_owner revoke execute on functions from public
alter default privileges for role dpx_owner grant usage on types to dpx_reader
select pg_get_userbyid(defaclrole), defaclnamespace::regnamespace, defaclobjtype, defaclacl from pg_default_acl where defaclrole = 'dpx_owner'::regrole order by defaclobjtype, defaclnamespace
set role dpx_owner; create table dpx_s.t1 (id serial, v text); create function dpx_s.f1() returns int language sql as 'select 1'; reset role
select relname, relacl from pg_class where relnamespace = 'dpx_s'::regnamespace order by relname
set role dpx_owner; create view dpx_s.v1 as select 1 as one; reset role
select relname, relacl from pg_class where relname = 'v1' and relnamespace = 'dpx_s'::regnamespace
select proname, proacl from pg_proc where proname = 'f1' and pronamespace = 'dpx_s'::regnamespace
select has_table_privilege('dpx_reader', 'dpx_s.t1', 'select'), has_table_privilege('dpx_reader', 'dpx_s.t1', 'insert'), has_function_privilege('dpx_reader', 'dpx_s.f1()', 'execute')
alter default privileges for role dpx_owner in schema dpx_s revoke select on tables from dpx_reader
select count(*) from pg_default_acl where defaclrole = 'dpx_owner'::regrole and defaclobjtype = 'r'
alter default privileges for role dpx_owner grant all on schemas to dpx_reader
create schema dpx_s2 authorization dpx_owner
select nspname, nspacl from pg_namespace where nspname = 'dpx_s2'
alter default privileges for role dpx_owner in schema dpx_s grant usage on schemas to dpx_reader
alter default privileges in schema dpx_nosuch grant select on tables to dpx_reader
alter default privileges for role dpx_owner grant insert on sequences to dpx_reader
alter default privileges for role dpx_owner revoke all on schemas from dpx_reader; alter default privileges for role dpx_owner revoke all on sequences from dpx_reader; alter default privileges for role dpx_owner grant execute on functions to public; alter default privileges for role dpx_owner revoke usage on types from dpx_reader
select count(*) from pg_default_acl where defaclrole = 'dpx_owner'::regrole
set role dpx_reader; alter default privileges for role dpx_owner grant select on tables to dpx_reader
drop schema dpx_s cascade
drop schema dpx_s2 cascade
drop owned by dpx_owner
drop role dpx_owner, dpx_reader
