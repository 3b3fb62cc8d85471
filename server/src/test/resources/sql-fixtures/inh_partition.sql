-- declarative partitioning (issue 6): PARTITION BY RANGE/LIST, PARTITION OF, routing, bounds, ATTACH/DETACH
drop table if exists inh_r, inh_l, inh_m, inh_x cascade
create table inh_r (a int, b text) partition by range (a)
create table inh_r1 partition of inh_r for values from (minvalue) to (10)
create table inh_r2 partition of inh_r for values from (10) to (20)
create table inh_bad partition of inh_r for values from (15) to (25)
create table inh_bad partition of inh_r for values from (30) to (25)
create table inh_bad partition of inh_r for values in (1)
create table inh_bad partition of inh_r for values from (1, 2) to (3, 4)
create table inh_bad partition of inh_r for values from ('x') to (40)
insert into inh_r values (1, 'one'), (-5, 'neg'), (10, 'ten'), (19, 'nineteen')
insert into inh_r values (20, 'twenty')
insert into inh_r values (null, 'null')
create table inh_rd partition of inh_r default
insert into inh_r values (20, 'twenty'), (null, 'null')
create table inh_r3 partition of inh_r for values from (20) to (30)
create table inh_bad2 partition of inh_r default
select tableoid::regclass, a, b from inh_r order by a nulls last
select * from inh_r1 order by a
insert into inh_r1 values (15, 'wrong')
insert into inh_r2 values (15, 'right')
select count(*) from only inh_r
update inh_r set b = upper(b) where a >= 10
select tableoid::regclass, a, b from inh_r order by a nulls last
delete from inh_r where a < 0
select count(*) from inh_r1
insert into inh_r values (5, 'five') returning *
create table inh_l (k text, v int) partition by list (k)
create table inh_l_ab partition of inh_l for values in ('a', 'b')
create table inh_l_c partition of inh_l for values in ('c', null)
create table inh_bad partition of inh_l for values in ('b', 'z')
insert into inh_l values ('a', 1), ('b', 2), ('c', 3), (null, 4)
insert into inh_l values ('d', 5)
select tableoid::regclass, k, v from inh_l order by v
create table inh_l_d (k text, v int)
insert into inh_l_d values ('d', 5), ('e', 6)
alter table inh_l attach partition inh_l_d for values in ('d')
delete from inh_l_d where k = 'e'
alter table inh_l attach partition inh_l_d for values in ('d')
insert into inh_l values ('d', 7)
select tableoid::regclass, k, v from inh_l order by v
alter table inh_l detach partition inh_l_d
alter table inh_l detach partition inh_l_d
select count(*) from inh_l
create table inh_x (a int, z int)
alter table inh_l attach partition inh_x for values in ('x')
create table inh_m (a int, b int) partition by range (a, b)
create table inh_m1 partition of inh_m for values from (1, 1) to (1, 10)
create table inh_m2 partition of inh_m for values from (1, 10) to (2, minvalue)
create table inh_m3 partition of inh_m for values from (2, minvalue) to (maxvalue, maxvalue)
create table inh_bad partition of inh_m for values from (0, 1) to (1, 5)
create table inh_bad partition of inh_m for values from (0, maxvalue) to (0, 1)
insert into inh_m values (1, 1), (1, 9), (1, 10), (1, 500), (2, -100), (900, 900)
insert into inh_m values (1, 0)
select tableoid::regclass, a, b from inh_m order by a, b
create table inh_bad (a int) inherits (inh_m)
create table inh_bad partition of inh_x for values in (1)
create table inh_bad (a int) partition by list (a, a)
create table inh_bad (a int) partition by range (nosuch)
drop table inh_r
select count(*) from pg_class where relname like 'inh_r%'
drop table inh_l, inh_l_d, inh_m, inh_x
