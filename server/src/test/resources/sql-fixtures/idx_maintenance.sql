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
alter index idx_m_lower set tablespace pg_default
alter index idx_m_lower set tablespace nosuch_space
alter index idx_m_lower alter column 1 set statistics 100
alter index idx_m_pk alter column 1 set statistics 100
alter index idx_m_lower alter column 2 set statistics 100
alter index if exists idx_m_nosuch set tablespace pg_default
alter index idx_m set tablespace pg_default
alter index idx_m_w2 set (fillfactor = 80)
create table idx_m_f (x float8, y float4)
insert into idx_m_f select g / 4.0, g / 2.0 from generate_series(1, 20) g
create index on idx_m_f (x)
create unique index on idx_m_f (y)
select x from idx_m_f where x = 2.5
select y from idx_m_f where y = 3
insert into idx_m_f values (1, 3)
drop table idx_m_f
create table idx_m_d (a int, b text)
insert into idx_m_d select g % 10, 'b' || (g % 3) from generate_series(1, 100) g
insert into idx_m_d values (null, null)
create index on idx_m_d (a desc nulls last)
create index on idx_m_d (b desc)
select count(*) from idx_m_d where a = 5
select count(*) from idx_m_d where b = 'b1'
update idx_m_d set a = 55 where a = 5
select count(*) from idx_m_d where a = 55
select pg_get_indexdef('idx_m_d_a_idx'::regclass), pg_get_indexdef('idx_m_d_b_idx'::regclass)
drop table idx_m_d
create table idx_m_r (a int, b text, c int)
insert into idx_m_r select g, 'B' || g, g % 4 from generate_series(1, 30) g
create index idx_m_r_lower on idx_m_r (lower(b)) where c > 1
alter table idx_m_r rename column b to bb
alter table idx_m_r rename column c to cc
select pg_get_indexdef('idx_m_r_lower'::regclass)
select a from idx_m_r where lower(bb) = 'b7' and cc > 1
insert into idx_m_r values (31, 'B31', 3)
select a from idx_m_r where lower(bb) = 'b31' and cc > 1
alter table idx_m_r drop column cc
select count(*) from pg_indexes where tablename = 'idx_m_r'
insert into idx_m_r values (32, 'B32')
select count(*) from idx_m_r
drop table idx_m_r
drop table idx_m_empty
drop table idx_m
