-- ALTER ROLE/DATABASE ... SET show in pg_db_role_setting (canonical names, ALL IN DATABASE, RESET ALL, transactional, who may)
drop database if exists drs_db
drop role if exists drs_a, drs_b, drs_c
create role drs_a; create role drs_b login; create role drs_c createdb login
create database drs_db
alter role drs_a set work_mem = '64MB'; alter role drs_a set TIMEZONE = 'UTC'; alter role drs_a in database drs_db set search_path = a, b; alter database drs_db set datestyle = 'ISO, DMY'; alter role all in database drs_db set statement_timeout = 1000
select d.datname, r.rolname, s.setconfig from pg_db_role_setting s left join pg_database d on d.oid = s.setdatabase left join pg_roles r on r.oid = s.setrole where d.datname = 'drs_db' or r.rolname like 'drs%' order by 1 nulls first, 2 nulls first
begin; alter database drs_db set work_mem = '1MB'; alter role drs_a reset all; select d.datname, r.rolname, s.setconfig from pg_db_role_setting s left join pg_database d on d.oid = s.setdatabase left join pg_roles r on r.oid = s.setrole where d.datname = 'drs_db' or r.rolname like 'drs%' order by 1 nulls first, 2 nulls first; rollback
select d.datname, r.rolname, s.setconfig from pg_db_role_setting s left join pg_database d on d.oid = s.setdatabase left join pg_roles r on r.oid = s.setrole where d.datname = 'drs_db' or r.rolname like 'drs%' order by 1 nulls first, 2 nulls first
alter role drs_a reset timezone; alter database drs_db reset all; alter role drs_a in database drs_db reset search_path
select d.datname, r.rolname, s.setconfig from pg_db_role_setting s left join pg_database d on d.oid = s.setdatabase left join pg_roles r on r.oid = s.setrole where d.datname = 'drs_db' or r.rolname like 'drs%' order by 1 nulls first, 2 nulls first
alter role drs_a in database drs_nosuch set work_mem = '1MB'
alter role drs_a set work_mem = 'lots'
alter role drs_a set no_such_setting = 1
set role drs_b; alter role all set work_mem = '1MB'
set role drs_b; alter database drs_db set work_mem = '1MB'
set role drs_b; alter role drs_a set work_mem = '1MB'
set role drs_b; alter role drs_b set work_mem = '1MB'; select r.rolname, s.setconfig from pg_db_role_setting s join pg_roles r on r.oid = s.setrole where r.rolname = 'drs_b'; reset role
select datname, datdba::regrole from pg_database where datname like 'drs%' order by 1
drop role drs_a, drs_b, drs_c
drop database drs_db
select count(*) from pg_db_role_setting s left join pg_database d on d.oid = s.setdatabase where d.datname like 'drs%'
