-- table inheritance (issue 6): CREATE TABLE ... INHERITS, scans of parents, ONLY, tableoid, DML through parents
drop table if exists inh_p1, inh_p2, inh_c, inh_gc, inh_bad cascade
create table inh_p1 (a int not null default 5, b text check (b <> 'x'))
create table inh_p2 (a int, c int)
create table inh_c (b text, d int) inherits (inh_p1, inh_p2)
create table inh_gc (e int) inherits (inh_c)
create table inh_bad (a text) inherits (inh_p1)
create table inh_bad () inherits (inh_p1, inh_p1)
create table inh_bad () inherits (inh_nosuch)
select attname, atttypid::regtype, attnotnull from pg_attribute where attrelid = 'inh_c'::regclass and attnum > 0 order by attnum
insert into inh_p1 values (1, 'p1')
insert into inh_c values (2, 'c', 20, 200)
insert into inh_c (b) values ('default a')
insert into inh_gc values (3, 'gc', 30, 300, 3000)
insert into inh_p2 values (4, 40)
select * from inh_p1 order by a, b
select * from only inh_p1 order by a
select * from inh_p1* order by a, b
select * from inh_p2 order by a
select a, c from inh_c order by a
select tableoid::regclass, a, b from inh_p1 order by a, b
select p.tableoid::regclass, p.a from inh_p1 p where p.a > 2 order by 2
select count(*) from inh_p1 where tableoid = 'inh_c'::regclass
select tableoid::regclass, a from only inh_p2
insert into inh_c values (9, 'x', 0, 0)
insert into inh_gc (a, b) values (null, 'y')
update inh_p1 set a = a + 100 where b <> 'p1'
select * from inh_p1 order by a, b
update only inh_p1 set b = 'only p1'
select a, b from inh_p1 order by a, b
update inh_p1 set b = 'x' where a = 102
delete from inh_p1 where a = 103
select tableoid::regclass, a, b from inh_p1 order by a, b
delete from only inh_c
select tableoid::regclass, a, b from inh_p1 order by a, b
select count(*) from inh_p2
alter table inh_p1 add column f int default 7
select a, b, f from inh_gc
alter table inh_c drop column f
alter table inh_c alter column a type bigint
alter table inh_p1 drop column f
select * from inh_gc
alter table inh_p1 rename column b to bb
select bb from inh_gc
alter table inh_p1 add constraint inh_p1_pos check (a > 0)
insert into inh_gc (a, bb) values (-1, 'neg')
alter table inh_gc no inherit inh_p1
alter table inh_gc no inherit inh_c
select count(*) from inh_p1
alter table inh_gc inherit inh_c
select count(*) from inh_p1
create table inh_bad (z int)
alter table inh_bad inherit inh_p2
alter table inh_c inherit inh_gc
drop table inh_bad
drop table inh_p1
drop table inh_c
drop table inh_p1, inh_p2 cascade
select count(*) from pg_class where relname in ('inh_p1', 'inh_p2', 'inh_c', 'inh_gc')
