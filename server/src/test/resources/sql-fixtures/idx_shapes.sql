drop table if exists idx_t cascade
drop table if exists idx_p cascade
create table idx_t (id int primary key, name varchar(20), code text, qty int, flag bool)
insert into idx_t select g, 'Name' || g, 'c' || (g % 7), g % 10, g % 2 = 0 from generate_series(1, 200) g
create index on idx_t (lower(name))
create index idx_t_part on idx_t (qty) where flag
create index on idx_t (code) include (qty, name)
create index idx_t_hash on idx_t using hash (code)
create unique index idx_t_uq on idx_t (code) where qty = 99 and not flag
create index on idx_t ((qty + id))
create index on idx_t (upper(code), qty)
create index on idx_t (lower(name))
create index idx_t_desc on idx_t (qty desc, code nulls first, id desc nulls last)
create index idx_t_hash_desc on idx_t using hash (code desc)
select indexname, indexdef from pg_indexes where tablename = 'idx_t' order by indexname
select c.relname, pg_get_indexdef(i.indexrelid, 0, true) from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'idx_t'::regclass order by 1
select c.relname, i.indnatts, i.indnkeyatts, i.indkey, pg_get_expr(i.indexprs, i.indrelid), pg_get_expr(i.indpred, i.indrelid) from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'idx_t'::regclass order by 1
select c.relname, a.amname from pg_class c join pg_am a on a.oid = c.relam where c.relname like 'idx_t%' and c.relkind = 'i' order by 1
select c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a join pg_class c on c.oid = a.attrelid where c.relname like 'idx_t%' and c.relkind = 'i' order by 1, 2
select c.relname, pg_get_indexdef(c.oid, 1, true), pg_get_indexdef(c.oid, 2, true) from pg_class c where c.relname in ('idx_t_code_qty_name_idx', 'idx_t_expr_idx', 'idx_t_upper_qty_idx') order by 1
select id, name from idx_t where lower(name) = 'name17'
select count(*) from idx_t where qty = 4 and flag
select count(*) from idx_t where qty = 3 and flag
select id from idx_t where qty + id = 16 order by id
select id from idx_t where upper(code) = 'C3' and qty = 0 order by id
select count(*) from idx_t where qty = 7
select c.relname, i.indoption from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'idx_t_desc'
select count(*) from idx_t where code = 'c2'
update idx_t set name = 'Renamed' where id = 17
select id, name from idx_t where lower(name) = 'renamed'
select id from idx_t where lower(name) = 'name17'
insert into idx_t values (1000, 'x', 'c3', 99, false)
insert into idx_t values (1001, 'y', 'c3', 99, true)
insert into idx_t values (1002, 'z', 'c3', 99, false)
insert into idx_t values (1002, 'z', 'c4', 99, false)
update idx_t set flag = false where id = 1001
update idx_t set code = 'c5' where id = 1001
delete from idx_t where id = 1000
insert into idx_t values (1000, 'x', 'c3', 99, false)
insert into idx_t values (1004, 'x', 'c3', 99, false) on conflict do nothing
select id, code from idx_t where qty = 99 order by id
create unique index idx_t_bad on idx_t (qty)
create unique index idx_t_lower_uq on idx_t (lower(code)) where id > 1000
create unique index idx_t_lower_uq on idx_t (lower(code)) where id > 1001
insert into idx_t values (1003, 'w', 'C3', 5, false)
insert into idx_t values (1005, 'w', 'C4', 5, false)
create index on idx_t (random())
create index on idx_t (count(*))
create index on idx_t (qty) where qty > sum(qty)
create index idx_t_foo on idx_t using foo (code)
create unique index on idx_t using hash (code)
create index on idx_t using hash (code, qty)
create index on idx_t (nosuch)
create index on idx_t (lower(nosuch))
create table idx_p (a int, b text) partition by range (a)
create table idx_p1 partition of idx_p for values from (0) to (100)
create index on idx_p (lower(b)) where a > 5
select c.relname, pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid in ('idx_p'::regclass, 'idx_p1'::regclass) order by 1
drop table idx_p
drop table idx_t
