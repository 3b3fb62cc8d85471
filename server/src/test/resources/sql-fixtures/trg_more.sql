-- triggers: UPDATE OF follows the SET list (row and statement level), column drops blocked by UPDATE OF triggers, information_schema.triggers
drop table if exists trg_m cascade
drop table if exists trg_m_log cascade
drop function if exists trg_m_fn() cascade
create table trg_m(a int, b int, c int)
create table trg_m_log(n serial, info text)
create function trg_m_fn() returns trigger language plpgsql as $$ begin insert into trg_m_log(info) values (tg_name || ' ' || tg_level); return null; end $$
insert into trg_m values (1, 2, 3)
create trigger trg_m_a_row after update of a on trg_m for each row execute function trg_m_fn()
create trigger trg_m_b_stmt after update of b on trg_m for each statement execute function trg_m_fn()
create trigger trg_m_ab_row after update of a, b on trg_m for each row execute function trg_m_fn()
create trigger trg_m_dup after update of a, a on trg_m for each row execute function trg_m_fn()
update trg_m set a = a
update trg_m set b = 20
update trg_m set c = 30
select info from trg_m_log order by n
alter table trg_m drop column b
alter table trg_m drop column c
select trigger_name, event_manipulation, event_object_table, action_order, action_condition, action_statement, action_orientation, action_timing from information_schema.triggers where event_object_table = 'trg_m' order by 1, 2
alter table trg_m drop column b cascade
select tgname from pg_trigger where tgrelid = 'trg_m'::regclass order by 1
create trigger trg_m_trunc before truncate on trg_m for each statement execute function trg_m_fn()
create trigger trg_m_trunc2 after truncate on trg_m for each statement execute function trg_m_fn()
truncate trg_m_log
truncate trg_m
select info, (select count(*) from trg_m) from trg_m_log order by n
drop table trg_m cascade
select count(*) from pg_trigger where tgname like 'trg_m%'
drop table trg_m_log cascade
drop function trg_m_fn()
