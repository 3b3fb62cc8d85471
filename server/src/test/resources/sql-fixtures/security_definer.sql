-- SECURITY DEFINER functions run as their owner (current_user, privileges); SECURITY INVOKER ones as the caller
drop function if exists secdef_count(), secdef_invoker_count(), secdef_whoami(), secdef_sql_whoami(), secdef_setrole(), secdef_nothrow(int)
drop table if exists secdef_t
drop role if exists secdef_r
create role secdef_r
create table secdef_t (a int); insert into secdef_t values (1), (2)
create function secdef_count() returns bigint language plpgsql security definer as $$ begin return (select count(*) from secdef_t); end $$
create function secdef_invoker_count() returns bigint language plpgsql as $$ begin return (select count(*) from secdef_t); end $$
create function secdef_whoami() returns text language plpgsql security definer as $$ begin return current_user || '/' || session_user; end $$
create function secdef_sql_whoami() returns name language sql security definer as 'select current_user'
set role secdef_r; select secdef_count(); reset role
set role secdef_r; select secdef_invoker_count(); reset role
set role secdef_r; select current_user, secdef_whoami(), secdef_sql_whoami(); reset role
alter function secdef_whoami() owner to secdef_r
alter function secdef_sql_whoami() owner to secdef_r
select current_user, secdef_whoami(), secdef_sql_whoami(), current_user
select proname, proowner::regrole, prosecdef from pg_proc where proname like 'secdef%' order by 1
create function secdef_setrole() returns void language plpgsql security definer as $$ begin set role secdef_r; end $$
select secdef_setrole()
create function secdef_nothrow(pid int) returns bool language plpgsql security definer as $$ begin return pg_terminate_backend($1); exception when others then return false; end $$
alter function secdef_nothrow(int) owner to pg_signal_backend
select secdef_nothrow(pg_backend_pid())
select 'still connected'
drop function secdef_count(), secdef_invoker_count(), secdef_whoami(), secdef_sql_whoami(), secdef_setrole(), secdef_nothrow(int)
drop table secdef_t
drop role secdef_r
drop operator if exists <<<< (int, int)
drop function if exists secdef_op_fn(int, int)
drop role if exists secdef_op_owner
create role secdef_op_owner; create function secdef_op_fn(int, int) returns bool language sql as 'select $1 < $2'; alter function secdef_op_fn(int, int) owner to secdef_op_owner
create operator <<<< (procedure = secdef_op_fn, leftarg = int, rightarg = int)
select 1 <<<< 2
drop owned by secdef_op_owner
select 5 <<<< 6, 'operator and function kept'
create operator <<<< (procedure = int4lt, leftarg = int, rightarg = int)
select 3 <<<< 2
drop operator <<<< (int, int)
drop owned by secdef_op_owner
drop role secdef_op_owner
