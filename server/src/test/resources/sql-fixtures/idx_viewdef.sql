drop view if exists idx_vd1, idx_vd2, idx_vd3, idx_vd4, idx_vd5, idx_vd6 cascade
drop table if exists idx_vt cascade
create table idx_vt (id int primary key, name varchar(20), code text, qty int, price numeric(10,2), flag bool)
create view idx_vd1 as select id, name from idx_vt where qty > 5
create view idx_vd2 as select * from idx_vt
create view idx_vd3 (a, b) as select id, lower(name) from idx_vt t where t.code = 'x' and (qty < 3 or flag) order by id desc
create view idx_vd4 as select id, qty * 2 + 1 as dbl, price * 1.5 as p, name || '!' as excl, coalesce(code, 'none') as c from idx_vt where name is not null and qty <> 7
create view idx_vd5 as select id, code from idx_vt where not flag and price >= 10 order by code, id
create view idx_vd6 as select count(*) from idx_vt
select replace(pg_get_viewdef('idx_vd1'::regclass), chr(10), '|')
select replace(pg_get_viewdef('idx_vd2'::regclass), chr(10), '|')
select replace(pg_get_viewdef('idx_vd3'::regclass), chr(10), '|')
select replace(pg_get_viewdef('idx_vd4'::regclass), chr(10), '|')
select replace(pg_get_viewdef('idx_vd5'::regclass), chr(10), '|')
select replace(pg_get_viewdef('idx_vd1'::regclass, true), chr(10), '|')
select replace(definition, chr(10), '|') from pg_views where viewname = 'idx_vd1'
drop view idx_vd1, idx_vd2, idx_vd3, idx_vd4, idx_vd5, idx_vd6
drop table idx_vt
