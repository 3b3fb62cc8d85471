-- triggers: BEFORE/AFTER, ROW/STATEMENT, NEW/OLD changes, skipping rows, WHEN, UPDATE OF, TG_ variables, enable/disable, DDL errors
drop table if exists trg_t cascade
drop table if exists trg_log cascade
drop function if exists trg_log_fn() cascade
drop function if exists trg_upper_fn() cascade
drop function if exists trg_skip_fn() cascade
drop function if exists trg_not_trigger()
create table trg_t(id int primary key, name text, qty int default 0)
create table trg_log(n serial, info text)
create function trg_log_fn() returns trigger language plpgsql as $$ begin insert into trg_log(info) values (tg_name || ' ' || tg_when || ' ' || tg_level || ' ' || tg_op || ' ' || tg_table_name || ' ' || tg_nargs || coalesce(' ' || tg_argv[0], '') || case when tg_level = 'ROW' then ' new=' || coalesce(new.id::text, 'null') || ' old=' || coalesce(old.id::text, 'null') else '' end); if tg_op = 'DELETE' then return old; end if; return new; end $$
create function trg_upper_fn() returns trigger language plpgsql as $$ begin new.name := upper(new.name); new.qty := coalesce(new.qty, 0) + 100; return new; end $$
create function trg_skip_fn() returns trigger language plpgsql as $$ begin if new.id < 0 then return null; end if; return new; end $$
create function trg_not_trigger() returns int language plpgsql as $$ begin return 1; end $$
create trigger trg_b_upper before insert or update on trg_t for each row execute function trg_upper_fn()
create trigger trg_a_skip before insert on trg_t for each row execute function trg_skip_fn()
create trigger trg_c_log after insert or update or delete on trg_t for each row execute function trg_log_fn('row')
create trigger trg_d_stmt before insert or update or delete on trg_t for each statement execute function trg_log_fn()
create trigger trg_e_stmt after insert on trg_t for each statement execute function trg_log_fn('after')
insert into trg_t values (1, 'apple', 1), (-1, 'skipped', 1), (2, 'pear', null)
select * from trg_t order by id
update trg_t set name = 'fig' where id = 2
delete from trg_t where id = 1
select * from trg_t order by id
select info from trg_log order by n
create trigger trg_f_when after update on trg_t for each row when (old.qty IS DISTINCT FROM new.qty) execute function trg_log_fn('when')
create trigger trg_g_cols after update of name on trg_t for each row execute function trg_log_fn('cols')
truncate trg_log
alter table trg_t disable trigger trg_b_upper
update trg_t set qty = 5
update trg_t set name = 'kiwi'
select info from trg_log order by n
select * from trg_t order by id
alter table trg_t enable trigger trg_b_upper
select tgname, tgenabled, tgtype from pg_trigger where tgrelid = 'trg_t'::regclass order by tgname
select pg_get_triggerdef(oid) from pg_trigger where tgrelid = 'trg_t'::regclass order by tgname
select pg_get_triggerdef(oid, true) from pg_trigger where tgrelid = 'trg_t'::regclass and tgname = 'trg_g_cols'
select relhastriggers from pg_class where relname = 'trg_t'
create trigger trg_c_log after insert on trg_t for each row execute function trg_log_fn()
create trigger trg_x before insert on trg_t for each row execute function trg_not_trigger()
create trigger trg_x before insert on trg_t for each row execute function trg_nope()
create trigger trg_x before insert on trg_nope for each row execute function trg_log_fn()
create trigger trg_x instead of insert on trg_t for each row execute function trg_log_fn()
create trigger trg_x after update of nope on trg_t for each row execute function trg_log_fn()
create trigger trg_x before truncate on trg_t for each row execute function trg_log_fn()
select trg_log_fn()
drop trigger trg_nope on trg_t
drop trigger if exists trg_nope on trg_t
drop trigger trg_f_when on trg_t
alter trigger trg_g_cols on trg_t rename to trg_h_cols
select tgname from pg_trigger where tgrelid = 'trg_t'::regclass order by tgname
alter table trg_t disable trigger all
select count(*) from pg_trigger where tgrelid = 'trg_t'::regclass and tgenabled = 'D'
drop table trg_t cascade
drop table trg_log cascade
