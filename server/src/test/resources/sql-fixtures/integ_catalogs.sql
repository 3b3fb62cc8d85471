-- What the merge of ddl, objects and pgcatalog wires together: schemas x defaults/sequences/constraints,
-- and the catalog views over all of them.
drop schema if exists ig_s cascade
drop table if exists ig_ui, ig_other, ig_defaults cascade
drop sequence if exists ig_seq
create schema ig_s
create table ig_s.ig_t (id serial primary key, v text default 'dflt', n int check (n > 0))
insert into ig_s.ig_t (n) values (1), (2)
select * from ig_s.ig_t order by id
select nextval('ig_s.ig_t_id_seq')
insert into ig_s.ig_t (n) values (0)
create table ig_s.ig_child (id int references ig_s.ig_t(id), note text)
insert into ig_s.ig_child values (99, 'x')
select relname, relkind, nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace where nspname = 'ig_s' order by relname
select conname, contype, pg_get_constraintdef(oid) from pg_constraint where connamespace = 'ig_s'::regnamespace order by conname
select adrelid::regclass, adnum, pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = 'ig_s.ig_t'::regclass
select schemaname, sequencename, data_type, start_value, last_value from pg_sequences where schemaname = 'ig_s'
select 'ig_s.ig_t_id_seq'::regclass
create view ig_s.ig_v as select id, v from ig_s.ig_t where n > 1
select table_schema, table_name, table_type from information_schema.tables where table_schema = 'ig_s' order by table_name
select viewname, schemaname from pg_views where schemaname = 'ig_s'
select 'ig_s.ig_v'::regclass
comment on table ig_s.ig_t is 'the table'
comment on column ig_s.ig_t.v is 'a value'
select obj_description('ig_s.ig_t'::regclass, 'pg_class'), col_description('ig_s.ig_t'::regclass, 2)
alter table ig_s.ig_t add column w int default 7
select id, v, n, w from ig_s.ig_t order by id
alter table ig_s.ig_t rename column w to w2
select column_name, column_default from information_schema.columns where table_schema = 'ig_s' and table_name = 'ig_t' order by ordinal_position
select count(*) from ig_s.ig_t
create table ig_ui (a int, b int)
create table ig_other (a int)
create unique index ig_ui_b on ig_ui (b)
create index ig_ui_a on ig_ui (a)
create unique index ig_other_a on ig_other (a)
alter table ig_ui add primary key using index nosuch
alter table ig_ui add primary key using index ig_other_a
alter table ig_ui add primary key using index ig_ui_a
insert into ig_ui values (1, null)
alter table ig_ui add primary key using index ig_ui_b
delete from ig_ui
alter table ig_ui add constraint ig_ui_pk primary key using index ig_ui_b
alter table ig_ui add unique using index ig_ui_pk
select conname, contype, conkey from pg_constraint where conrelid = 'ig_ui'::regclass order by conname
select indexrelid::regclass, indisprimary, indisunique, indkey from pg_index where indrelid = 'ig_ui'::regclass order by 1
select attname, attnotnull from pg_attribute where attrelid = 'ig_ui'::regclass and attnum > 0 order by attnum
insert into ig_ui values (1, 1)
insert into ig_ui values (2, 1)
insert into ig_ui values (3, null)
create unique index ig_ui_a2 on ig_ui (a)
alter table ig_ui add unique using index ig_ui_a2
select conname, contype, conkey from pg_constraint where conrelid = 'ig_ui'::regclass order by conname
drop table ig_ui, ig_other
drop schema ig_s cascade
create table ig_defaults (a text default 'x', b varchar(5) default 'y', c int default 7, d date default '2020-01-02', e numeric default 1.5, f bool default true, g text default 'it''s', h char(2) default 'ab', i timestamptz default now(), k text default 'q'::text, l int default (1+2))
select adnum, pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = 'ig_defaults'::regclass order by adnum
select column_name, column_default from information_schema.columns where table_name = 'ig_defaults' order by ordinal_position
drop table ig_defaults
