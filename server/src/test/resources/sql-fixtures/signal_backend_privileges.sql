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
