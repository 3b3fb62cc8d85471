-- CHECK constraints deparsed, domain checks, information_schema updatability and domain columns, event triggers (names prefixed pgk_)
drop view if exists pgk_v_over
drop view if exists pgk_v_expr
drop view if exists pgk_v_simple
drop view if exists pgk_v_group
drop table if exists pgk_scores
drop table if exists pgk_dom
drop domain if exists pgk_pos
drop domain if exists pgk_code
create table pgk_scores (id int primary key, score numeric check (score >= 0), name varchar(10) check (name <> 'a' and length(name) > 1), r real, constraint pgk_range check (id between 1 and 100 or id in (500, 600)), constraint pgk_case check (case when r > 1 then r < 10 else true end))
create domain pgk_pos as int check (value > 0) check (value < 1000)
create domain pgk_code as varchar(8) not null check (value ~ '^[A-Z]' and length(value) > 2)
create table pgk_dom (a pgk_pos, b pgk_code, c text)
select conname, replace(pg_get_constraintdef(oid), chr(10), '/'), replace(pg_get_constraintdef(oid, true), chr(10), '/') from pg_constraint where conrelid = 'pgk_scores'::regclass and contype = 'c' order by conname
select conname, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true) from pg_constraint where contypid in ('pgk_pos'::regtype, 'pgk_code'::regtype) order by conname
select constraint_name, replace(check_clause, chr(10), '/') from information_schema.check_constraints where constraint_schema = 'public' and constraint_name like 'pgk%' order by 1
select count(*) from information_schema.check_constraints c join pg_constraint k on k.conname = c.constraint_name where k.conrelid = 'pgk_scores'::regclass
select column_name, data_type, udt_name, domain_catalog is not null, domain_schema, domain_name, character_maximum_length from information_schema.columns where table_name = 'pgk_dom' order by ordinal_position
create view pgk_v_simple as select id, score, score + 1 as next from pgk_scores where id > 1
create view pgk_v_group as select id, count(*) from pgk_scores group by id
create view pgk_v_expr as select score * 2 as double from pgk_scores
create view pgk_v_over as select id as key, next from pgk_v_simple
select table_name, is_updatable, is_insertable_into from information_schema.views where table_name like 'pgk_v%' order by 1
select table_name, is_insertable_into from information_schema.tables where table_name like 'pgk_%' order by 1
select table_name, column_name, is_updatable from information_schema.columns where table_name like 'pgk_v%' order by 1, ordinal_position
drop view pgk_v_over
drop view pgk_v_expr
drop view pgk_v_simple
drop view pgk_v_group
drop table pgk_dom
drop domain pgk_pos
drop domain pgk_code
drop table pgk_scores
create function pgk_evt() returns event_trigger language plpgsql as $$ begin raise notice 'pgk % %', tg_event, tg_tag; end $$
create event trigger pgk_start on ddl_command_start execute function pgk_evt()
create event trigger pgk_end on ddl_command_end when tag in ('create table', 'DROP TABLE') execute procedure pgk_evt()
create event trigger pgk_bad on ddl_command_start when tag in ('CREATE ROLE') execute procedure pgk_evt()
create event trigger pgk_bad on ddl_command_start when tag in ('sandwich') execute procedure pgk_evt()
create event trigger pgk_bad on ddl_command_start when food in ('sandwich') execute procedure pgk_evt()
create event trigger pgk_bad on elephant_bootstrap execute procedure pgk_evt()
create event trigger pgk_bad on ddl_command_start execute procedure pg_backend_pid()
create event trigger pgk_start on ddl_command_start execute function pgk_evt()
select pgk_evt()
create function pgk_evt_arg(x int) returns event_trigger language plpgsql as $$ begin end $$
create function pgk_evt_sql() returns event_trigger language sql as $$ select 1 $$
alter event trigger pgk_start disable
select evtname, evtevent, evtowner::regrole, evtfoid::regproc, evtenabled, evttags from pg_event_trigger where evtname like 'pgk%' order by 1
alter event trigger pgk_start enable always
alter event trigger pgk_start rename to pgk_start2
comment on event trigger pgk_end is 'the end'
select evtname, evtenabled, obj_description(oid, 'pg_event_trigger') from pg_event_trigger where evtname like 'pgk%' order by 1
alter event trigger pgk_nope enable
drop event trigger pgk_start2
drop event trigger if exists pgk_nope
drop event trigger pgk_nope
drop event trigger pgk_end
select count(*) from pg_event_trigger where evtname like 'pgk%'
drop function pgk_evt()
