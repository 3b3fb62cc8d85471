-- A row version made by updating a row this transaction locked before keeps the lock in its xmax (heap_update's
-- locker_remains): ON CONFLICT DO UPDATE locks the conflicting row first, a plain UPDATE does not lock
drop table if exists tails_lx
create table tails_lx (a int primary key, b text)
insert into tails_lx values (1, 'one') on conflict (a) do update set b = excluded.b returning xmin = pg_current_xact_id()::xid as xmin_ok, xmax::text = '0' as no_xmax
insert into tails_lx values (1, 'uno') on conflict (a) do update set b = excluded.b returning b, xmin = pg_current_xact_id()::xid as xmin_ok, xmax = pg_current_xact_id()::xid as xmax_locker
select b, xmax::text <> '0' as locker_shown from tails_lx
insert into tails_lx values (1, 'eins') on conflict (a) do update set b = tails_lx.b || '/' || excluded.b where tails_lx.a = 1 returning b, xmax = pg_current_xact_id()::xid as xmax_locker
update tails_lx set b = 'one' where a = 1 returning b, xmax::text = '0' as no_xmax
select b, xmax::text = '0' as no_xmax from tails_lx
with l as (select a from tails_lx where a = 1 for update) update tails_lx t set b = 'locked' from l where t.a = l.a returning b, xmax = pg_current_xact_id()::xid as xmax_locker
insert into tails_lx values (2, 'two') on conflict (a) do nothing returning xmax::text = '0' as no_xmax
insert into tails_lx values (2, 'zwei') on conflict (a) do update set b = excluded.b returning b, xmax = pg_current_xact_id()::xid as xmax_locker
update tails_lx set b = b || '!' returning a, b, xmax::text = '0' as no_xmax
delete from tails_lx where a = 2 returning b
select a, b from tails_lx order by a
drop table tails_lx
