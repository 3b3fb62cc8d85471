-- DROP COLUMN renumbers what names columns by number: partition keys, partial indexes (session 23)
create table dck_p (b int, fdrop1 int, a int) partition by range (a, b)
alter table dck_p drop column fdrop1
create table dck_p1 (fdrop1 int, fdrop2 int, a int, fdrop3 int, b int)
alter table dck_p1 drop column fdrop1, drop column fdrop2, drop column fdrop3
insert into dck_p1 values (5, 6)
alter table dck_p attach partition dck_p1 for values from (0,0) to (1000,1000)
create table dck_p3 (fdrop1 int, fdrop2 int, b int, a int) partition by hash (a)
alter table dck_p3 drop column fdrop1, drop column fdrop2
create table dck_p3_0 partition of dck_p3 for values with (modulus 2, remainder 0)
create table dck_p3_1 partition of dck_p3 for values with (modulus 2, remainder 1)
alter table dck_p attach partition dck_p3 for values from (2000,2000) to (3000,3000)
insert into dck_p values (7, 8), (2500, 2500)
select tableoid::regclass, * from dck_p order by a
select pg_get_partkeydef('dck_p'::regclass)
alter table dck_p drop column a
create table dck_i (col1 int, col2 int, b int, a int)
create index dck_i_a on dck_i (a) where b > 1000
create index dck_i_e on dck_i ((a + b))
alter table dck_i drop column col1, drop column col2
insert into dck_i values (2000, 1), (5, 2)
select pg_get_indexdef('dck_i_a'::regclass)
select pg_get_indexdef('dck_i_e'::regclass)
select * from dck_i where b > 1000 and a = 1
drop table dck_i
drop table dck_p
