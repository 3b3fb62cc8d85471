-- partition keys on expressions and multi-column range keys (issue 6)
drop table if exists inh_km, inh_ke, inh_kbad cascade
create table inh_km (a int, b int, c int) partition by range (a, abs(b), c)
create table inh_km0 partition of inh_km for values from (minvalue, minvalue, minvalue) to (1, minvalue, minvalue)
create table inh_km1 partition of inh_km for values from (1, minvalue, minvalue) to (1, 10, minvalue)
create table inh_km2 partition of inh_km for values from (1, 10, minvalue) to (maxvalue, maxvalue, maxvalue)
create table inh_kbad partition of inh_km for values from (1, 5, 0) to (1, 6, 0)
insert into inh_km values (0, 5, 5), (1, -5, 5), (1, -15, 5), (3, 0, 0) returning tableoid::regclass, *
insert into inh_km values (null, 1, 1)
select pg_get_partkeydef('inh_km'::regclass)
create table inh_ke (a int, b text) partition by list ((a + 1))
create table inh_ke1 partition of inh_ke for values in (1, 2)
insert into inh_ke values (0, 'x'), (1, 'y')
insert into inh_ke values (5, 'z')
select tableoid::regclass, * from inh_ke order by a
select pg_get_partkeydef('inh_ke'::regclass)
create table inh_kbad (a int) partition by range ((1))
create table inh_kbad (a int) partition by range (random())
drop table inh_km, inh_ke
