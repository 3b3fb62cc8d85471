-- pg_get_viewdef names what the session's search path does not find schema-qualified (pg_dump sets it to ''),
-- resolving the view's query along the path it was created under, and shows user functions as called
create schema tools_s21_vs;
create table tools_s21_vs.tools_s21_vt (a int, b text);
create table tools_s21_vt2 (a int, price numeric);
create function tools_s21_vf(x numeric) returns numeric language sql immutable as 'select x * 2';
set local search_path = tools_s21_vs, public; create view public.tools_s21_vv as select a, b from tools_s21_vt where a > 1;
create view tools_s21_vv2 as select t.a, tools_s21_vf(t.price) as doubled from tools_s21_vt2 t join tools_s21_vs.tools_s21_vt u using (a);
select replace(pg_get_viewdef('tools_s21_vv'::regclass), E'\n', ' ');
set local search_path = ''; select replace(pg_get_viewdef('public.tools_s21_vv'::regclass), E'\n', ' ');
set local search_path = ''; select replace(pg_get_viewdef('public.tools_s21_vv'::regclass, true), E'\n', ' ');
set local search_path = tools_s21_vs, public; select replace(pg_get_viewdef('public.tools_s21_vv'::regclass), E'\n', ' ');
select replace(pg_get_viewdef('tools_s21_vv2'::regclass), E'\n', ' ');
set local search_path = ''; select replace(pg_get_viewdef('public.tools_s21_vv2'::regclass), E'\n', ' ');
set local search_path = ''; select replace(definition, E'\n', ' ') from pg_catalog.pg_views where viewname = 'tools_s21_vv2';
select * from tools_s21_vv;
select refobjid::regclass from pg_depend where classid = 'pg_rewrite'::regclass and objid = (select oid from pg_rewrite where ev_class = 'tools_s21_vv'::regclass) and deptype = 'n' group by 1;
drop view tools_s21_vv, tools_s21_vv2;
drop function tools_s21_vf(numeric);
drop table tools_s21_vt2;
drop schema tools_s21_vs cascade;
