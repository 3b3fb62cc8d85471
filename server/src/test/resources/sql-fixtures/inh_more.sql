-- partitioning (issue 6): hash partitions, UPDATE moving rows, sub-partitions, catalog functions
drop table if exists inh_h, inh_u, inh_s, inh_b cascade
create table inh_h (a int, t text) partition by hash (a)
create table inh_h0 partition of inh_h for values with (modulus 4, remainder 0)
create table inh_h1 partition of inh_h for values with (modulus 4, remainder 1)
create table inh_h2 partition of inh_h for values with (modulus 2, remainder 0)
create table inh_h2 partition of inh_h for values with (modulus 3, remainder 2)
create table inh_h2 partition of inh_h for values with (modulus 8, remainder 1)
create table inh_h2 partition of inh_h for values with (modulus 4, remainder 4)
create table inh_h2 partition of inh_h for values with (modulus 0, remainder 0)
create table inh_h2 partition of inh_h default
create table inh_h2 partition of inh_h for values in (1)
create table inh_h2 partition of inh_h for values with (modulus 8, remainder 2)
create table inh_h3 partition of inh_h for values with (modulus 4, remainder 3)
insert into inh_h select g, 'r' || g from generate_series(1, 12) g
insert into inh_h values (null, 'null')
select tableoid::regclass, count(*), min(a), max(a) from inh_h group by 1 order by 1
insert into inh_h values (6, 'six')
select pg_get_partkeydef('inh_h'::regclass)
select relname, relkind, relispartition, pg_get_expr(relpartbound, oid) from pg_class where relname like 'inh_h%' order by relname
create table inh_ht (k text, n int) partition by hash (k, n)
create table inh_ht0 partition of inh_ht for values with (modulus 2, remainder 0)
create table inh_ht1 partition of inh_ht for values with (modulus 2, remainder 1)
insert into inh_ht values ('alpha', 1), ('beta', 2), ('gamma', 3), ('delta', 4), ('epsilon', null), (null, 5)
select tableoid::regclass, k, n from inh_ht order by k nulls last
drop table inh_ht
create table inh_u (a int, b text) partition by range (a)
create table inh_u1 partition of inh_u for values from (1) to (10)
create table inh_u2 partition of inh_u for values from (10) to (20)
insert into inh_u values (1, 'a'), (2, 'b'), (15, 'c')
update inh_u set a = a + 10 where a < 3 returning *
select tableoid::regclass, a, b from inh_u order by a
update inh_u set a = 50
update inh_u1 set a = 12
update inh_u2 set a = 3
update inh_u2 set b = 'same' where a = 15 returning tableoid::regclass, *
delete from inh_u where a = 11 returning tableoid::regclass, a
select tableoid::regclass, a, b from inh_u order by a
create table inh_s (a int, b text) partition by list (b)
create table inh_s1 partition of inh_s for values in ('x') partition by range (a)
create table inh_s11 partition of inh_s1 for values from (1) to (10)
create table inh_s2 partition of inh_s for values in ('y')
insert into inh_s values (1, 'x'), (2, 'y'), (3, 'x')
insert into inh_s values (11, 'x')
insert into inh_s1 values (5, 'y')
insert into inh_s11 values (50, 'x')
insert into inh_s1 values (5, 'x')
select tableoid::regclass, a, b from inh_s order by a
select tableoid::regclass, a, b from inh_s1 order by a
update inh_s set b = 'y' where a = 1
select tableoid::regclass, a, b from inh_s order by a
select pg_get_partition_constraintdef('inh_s11'::regclass)
select pg_get_partition_constraintdef('inh_s2'::regclass)
select inhrelid::regclass, inhparent::regclass, inhseqno from pg_inherits where inhparent::regclass::text like 'inh_s%' order by 1
select partrelid::regclass, partstrat, partnatts from pg_partitioned_table where partrelid::regclass::text like 'inh_%' order by 1
create table inh_b (a bool) partition by list (a)
create table inh_bf partition of inh_b for values in (false)
create table inh_bt partition of inh_b for values in (true)
insert into inh_b values (true), (false), (true)
select tableoid::regclass, count(*) from inh_b group by 1 order by 1
drop table inh_h, inh_u, inh_s, inh_b
