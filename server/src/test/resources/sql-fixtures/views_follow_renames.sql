-- views follow ALTER TABLE/VIEW ... RENAME [COLUMN] and SET SCHEMA of what they use (PostgreSQL binds views to OIDs); updatable views map the statement's view columns
drop schema if exists vfr_s cascade
drop table if exists vfr_t2 cascade
drop table if exists vfr_t1 cascade
drop table if exists vfr_u cascade
drop schema if exists vfr_sa cascade
drop schema if exists vfr_sb cascade
drop table if exists vfr_t2_renamed cascade
create table vfr_t1(id int primary key, name text, qty int)
create table vfr_t2(id int, rt1_id int, note text)
insert into vfr_t1 values (1,'a',10),(2,'b',20)
insert into vfr_t2 values (1,1,'n1'),(2,2,'n2'),(3,1,'n3')
create view vfr_v_join as select t1.name, t2.note from vfr_t1 t1 join vfr_t2 t2 on t2.rt1_id = t1.id
create view vfr_v_agg as select rt1_id, count(*) as n from vfr_t2 group by rt1_id having count(*) > 0
create view vfr_v_sub as select * from vfr_t1 where id in (select rt1_id from vfr_t2 where note like 'n%')
create view vfr_v_star as select * from vfr_t1
create view vfr_v_upd as select id, qty from vfr_t1 where qty > 5 with check option
create view vfr_v_on_view as select name from vfr_v_star where qty > 0
create view "Vfr Alias"(x, y) as select id, name from vfr_t1
create materialized view vfr_mv as select name, qty from vfr_t1
alter table vfr_t1 rename column name to "Full Name"
alter table vfr_t1 rename column qty to quantity
alter table vfr_t2 rename to vfr_t2_renamed
alter table vfr_t2_renamed rename column rt1_id to parent
select * from vfr_v_join order by 1, 2
select * from vfr_v_agg order by 1
select * from vfr_v_sub order by 1
select * from vfr_v_star order by 1
select * from vfr_v_on_view order by 1
select * from "Vfr Alias" order by 1
insert into vfr_v_upd values (3, 30)
insert into vfr_v_upd values (4, 1)
update vfr_v_upd set qty = 40 where id = 3
select * from vfr_v_upd order by 1
refresh materialized view vfr_mv
select * from vfr_mv order by 1
select replace(pg_get_viewdef('vfr_v_join'::regclass, true), E'\n', ' ')
select replace(pg_get_viewdef('vfr_v_agg'::regclass, true), E'\n', ' ')
select replace(pg_get_viewdef('vfr_v_sub'::regclass, true), E'\n', ' ')
select replace(pg_get_viewdef('vfr_v_star'::regclass, true), E'\n', ' ')
select replace(pg_get_viewdef('vfr_v_upd'::regclass, true), E'\n', ' ')
select replace(pg_get_viewdef('"Vfr Alias"'::regclass, true), E'\n', ' ')
select replace(pg_get_viewdef('vfr_mv'::regclass, true), E'\n', ' ')
alter view vfr_v_star rename column name to nm
select * from vfr_v_on_view order by 1
select replace(pg_get_viewdef('vfr_v_on_view'::regclass, true), E'\n', ' ')
alter view vfr_v_star rename to vfr_v_star2
select replace(pg_get_viewdef('vfr_v_on_view'::regclass, true), E'\n', ' ')
create schema vfr_s
alter table vfr_t1 set schema vfr_s
select * from vfr_v_join order by 1, 2
select replace(pg_get_viewdef('vfr_v_join'::regclass, true), E'\n', ' ')
create table vfr_u(id int, qty int)
insert into vfr_u values (1, 5), (2, 50)
create view vfr_uv as select vfr_u.id, vfr_u.qty as amount from vfr_u where vfr_u.qty > 1
update vfr_uv set amount = amount + 1 where amount > 10 returning *
delete from vfr_uv where amount = 5 returning id, amount
select * from vfr_uv
drop schema vfr_s
select viewname from pg_views where viewname like 'vfr%' union all select matviewname from pg_matviews where matviewname like 'vfr%' order by 1
drop schema vfr_s cascade
select viewname from pg_views where viewname like 'vfr%' union all select matviewname from pg_matviews where matviewname like 'vfr%' order by 1
drop table vfr_t2_renamed cascade
drop table vfr_u cascade
select count(*) from pg_class where relname like 'vfr%'
create schema vfr_sa
create table vfr_sa.t(a int); insert into vfr_sa.t values (1)
create view vfr_sv as select t.a from vfr_sa.t where a > 0
create view vfr_sa.inner_v as select a from vfr_sa.t
create view vfr_sv2 as select * from vfr_sa.inner_v
alter schema vfr_sa rename to vfr_sb
select * from vfr_sv
select * from vfr_sv2
select replace(pg_get_viewdef('vfr_sv', true), E'\n', ' ')
select replace(pg_get_viewdef('vfr_sv2', true), E'\n', ' ')
drop schema vfr_sb cascade
select count(*) from pg_class where relname like 'vfr%'
