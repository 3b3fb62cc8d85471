-- pg_cancel_backend / pg_terminate_backend: who may signal whom (a superuser's session only by a superuser)
drop role if exists sigfx_r
create role sigfx_r
set role sigfx_r; select pg_cancel_backend(pg_backend_pid())
set role sigfx_r; select pg_terminate_backend(pg_backend_pid())
grant pg_signal_backend to sigfx_r
set role sigfx_r; select pg_terminate_backend(pg_backend_pid())
select pg_terminate_backend(2147483647)
select pg_cancel_backend(2147483647)
drop role sigfx_r
select has_table_privilege(-999999, 'pg_authid', 'update'), has_table_privilege(-999999, 'pg_class', 'select'), has_table_privilege(1, 'select'), has_schema_privilege(-5, 'public', 'usage'), pg_has_role(-5, 'postgres', 'member'), has_function_privilege(-5, 'now()', 'execute')
