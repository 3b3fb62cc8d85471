drop table if exists idx_m cascade
drop table if exists idx_m_empty cascade
create table idx_m (id int primary key, v text, w int)
insert into idx_m select g, 'v' || g, g % 5 from generate_series(1, 50) g
create index idx_m_w on idx_m (w)
create unique index idx_m_lower on idx_m (lower(v)) where w > 1
alter index idx_m_w rename to idx_m_w2
alter index if exists idx_m_nosuch rename to idx_m_x
alter index idx_m_w2 rename to idx_m_lower
alter index idx_m_pkey rename to idx_m_pk
select conname, contype from pg_constraint where conrelid = 'idx_m'::regclass order by 1
select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'idx_m'::regclass order by 1
reindex index idx_m_w2
reindex index idx_m_lower
reindex table idx_m
reindex index idx_m
reindex index idx_m_nosuch
reindex table idx_m_nosuch
create table idx_m_empty (a int)
reindex table idx_m_empty
reindex schema public
reindex database postgres
reindex database nosuchdb
reindex schema idx_nosuch_schema
select count(*) from idx_m where w = 3
select id from idx_m where lower(v) = 'v42' and w > 1
insert into idx_m values (51, 'V42', 2)
insert into idx_m values (52, 'V41', 1)
select count(*) from idx_m where id = 7
drop table idx_m_empty
drop table idx_m
