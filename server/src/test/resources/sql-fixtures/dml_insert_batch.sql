-- INSERT ... SELECT goes through the heap a batch of rows at a time (InsertBatch): results and errors as row by row
drop table if exists ib_ref, ib_t, ib_nokey, ib_wide, ib_self cascade
create table ib_t (id int primary key, a int not null, b text, constraint ib_small check (a < 1000000))
insert into ib_t select g, g % 7, 'row ' || g from generate_series(1, 1000) g
select count(*), sum(id), sum(a), count(distinct b), min(b), max(b) from ib_t
select * from ib_t where id in (1, 256, 257, 513, 1000) order by id
-- a duplicate of an existing key at row 300: the unique violation, nothing of the statement stays
insert into ib_t select g + 700, 0, null from generate_series(1, 400) g
select count(*) from ib_t
-- a duplicate within the statement's own rows (row 600 repeats row 2)
insert into ib_t select case when g = 600 then 2002 else 2000 + g end, 1, 'x' from generate_series(1, 700) g
-- a unique violation at row 300 comes before a NOT NULL violation at row 400
insert into ib_t select case when g = 300 then 5 else 3000 + g end, case when g = 400 then null else 1 end, 'y' from generate_series(1, 500) g
-- a NOT NULL violation at row 300 comes before a unique violation at row 400
insert into ib_t select case when g = 400 then 5 else 3000 + g end, case when g = 300 then null else 1 end, 'y' from generate_series(1, 500) g
-- a CHECK violation at row 10 comes before a unique violation at row 20; at row 20 after one at row 10
insert into ib_t select case when g = 20 then 5 else 4000 + g end, case when g = 10 then 2000000 else 1 end, 'z' from generate_series(1, 30) g
insert into ib_t select case when g = 10 then 5 else 4000 + g end, case when g = 20 then 2000000 else 1 end, 'z' from generate_series(1, 30) g
select count(*), max(id) from ib_t
-- a table without a key, reading itself: its own new rows are not seen by its input
create table ib_nokey (n int, s text)
insert into ib_nokey select g, repeat('n', g % 50) from generate_series(1, 600) g
insert into ib_nokey select n + 600, s from ib_nokey
select count(*), sum(n), sum(length(s)), count(distinct n) from ib_nokey
-- wide rows: stored out of line (TOAST) from a batch
create table ib_wide (id int primary key, doc text)
insert into ib_wide select g, repeat(md5(g::text), 300 + g) from generate_series(1, 300) g
select count(*), sum(length(doc)), min(length(doc)), max(length(doc)) from ib_wide
select id, left(doc, 12), length(doc) from ib_wide where id in (1, 150, 300) order by id
-- foreign keys are checked at the end of the statement: a row may reference one inserted later by it
create table ib_self (id int primary key, parent int references ib_self)
insert into ib_self select g, case when g < 500 then g + 1 end from generate_series(1, 500) g
select count(*), count(parent), max(parent) from ib_self
insert into ib_self select g + 500, case when g = 300 then 99999 else g end from generate_series(1, 400) g
select count(*) from ib_self
-- multi-row VALUES and DEFAULT columns
create table ib_ref (id serial primary key, v int default 42, w text)
insert into ib_ref (w) select 'w' || g from generate_series(1, 300) g
insert into ib_ref (v, w) values (1, 'a'), (2, 'b'), (default, 'c')
select count(*), sum(v), max(id), count(distinct w) from ib_ref
select * from ib_ref where id > 299 order by id
drop table ib_ref, ib_t, ib_nokey, ib_wide, ib_self
