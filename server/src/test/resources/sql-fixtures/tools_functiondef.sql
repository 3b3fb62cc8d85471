-- pg_get_functiondef and reg* names of user functions
drop function if exists tf_twice(int)
drop function if exists tf_names(text, int)
create function tf_twice(x int) returns int language sql immutable as 'select x * 2'
create function tf_names(a text, b int default 3) returns setof text language sql stable strict security definer as 'select a'
select replace(pg_get_functiondef('int4pl'::regproc), chr(10), '~')
select replace(pg_get_functiondef('lower(text)'::regprocedure), chr(10), '~')
select replace(pg_get_functiondef('tf_twice'::regproc), chr(10), '~')
select replace(pg_get_functiondef('tf_names'::regproc), chr(10), '~')
select 'tf_twice'::regproc, 'tf_twice(integer)'::regprocedure, 'tf_twice'::regproc::oid = (select oid from pg_proc where proname = 'tf_twice')
select 'public.tf_twice'::regproc
select 'tf_missing'::regproc
select pg_get_function_arguments('tf_names'::regproc), pg_get_function_result('tf_names'::regproc), pg_get_function_identity_arguments('tf_names'::regproc)
drop function tf_twice(int)
drop function tf_names(text, int)
