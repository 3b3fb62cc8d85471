-- a function's SET clauses (proconfig): kept in pg_proc, shown by pg_get_functiondef, in force while it runs and put
-- back after it returns or fails
create schema tools_s21_pcs;
create table tools_s21_pcs.tools_s21_pct (v text);
insert into tools_s21_pcs.tools_s21_pct values ('from pcs');
create function tools_s21_pcf() returns text language sql set work_mem = '2MB' as 'select current_setting(''work_mem'')';
create function tools_s21_pcp() returns text language sql set search_path = tools_s21_pcs, pg_temp as 'select v from tools_s21_pct';
create function tools_s21_pcl() returns text language plpgsql set work_mem to '3MB' set DateStyle to 'ISO, DMY' as $$ begin return current_setting('work_mem') || ' ' || current_setting('DateStyle'); end $$;
create function tools_s21_pce() returns int language plpgsql set work_mem = '5MB' as $$ begin raise exception 'boom %', current_setting('work_mem'); end $$;
select proname, proconfig from pg_proc where proname like 'tools_s21_pc%' order by 1;
select tools_s21_pcf(), current_setting('work_mem');
select tools_s21_pcp();
select tools_s21_pcl(), current_setting('work_mem'), current_setting('DateStyle');
select tools_s21_pce();
select current_setting('work_mem');
select replace(pg_get_functiondef('tools_s21_pcl'::regproc), E'\n', ' ');
select replace(pg_get_functiondef('tools_s21_pcp'::regproc), E'\n', ' ');
alter function tools_s21_pcf() set work_mem = '6MB';
alter function tools_s21_pcf() set statement_timeout = 0;
select proconfig from pg_proc where proname = 'tools_s21_pcf';
select tools_s21_pcf();
alter function tools_s21_pcf() reset work_mem;
select proconfig from pg_proc where proname = 'tools_s21_pcf';
alter function tools_s21_pcf() reset all;
select proconfig from pg_proc where proname = 'tools_s21_pcf';
create function tools_s21_pcbad() returns int language sql set work_mem = 'lots' as 'select 1';
create function tools_s21_pcbad() returns int language sql set no_such_setting = 1 as 'select 1';
drop function tools_s21_pcf(), tools_s21_pcp(), tools_s21_pcl(), tools_s21_pce();
drop schema tools_s21_pcs cascade;
