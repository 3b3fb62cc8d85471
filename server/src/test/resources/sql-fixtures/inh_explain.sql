-- scans of inheritance trees and partitions in EXPLAIN (issue 6): one filter per member, constant pruning
drop table if exists inh_er, inh_el, inh_ei, inh_eq, inh_ek cascade
create table inh_er (a int, b text) partition by range (a)
create table inh_er1 partition of inh_er for values from (1) to (10)
create table inh_er2 partition of inh_er for values from (10) to (20)
create table inh_erd partition of inh_er default
create table inh_el (a text, n int) partition by list (a)
create table inh_el1 partition of inh_el for values in ('x', 'y')
create table inh_el2 partition of inh_el for values in ('z', null)
insert into inh_er values (1,'a'), (15,'b'), (25, 'c')
insert into inh_el values ('x', 1), ('z', 2), (null, 3)
explain (costs off) select * from inh_er
explain (costs off) select * from inh_er where a = 5
explain (costs off) select * from inh_er where a = 15 and b = 'b'
explain (costs off) select * from inh_er where 50 = a
explain (costs off) select * from inh_er where b = 'x'
explain (costs off) select * from inh_er where a is null
explain (costs off) select * from inh_el where a = 'y'
explain (costs off) select * from inh_el where a is null
explain (costs off) select * from inh_er e where e.a = 11
select * from inh_er where a = 15
select * from inh_er where a = 50
select * from inh_el where a is null
select * from inh_el where a = 'q'
select tableoid::regclass, * from inh_er where tableoid = 'inh_er2'::regclass
create table inh_ei (a int)
create table inh_eic (b int) inherits (inh_ei)
explain (costs off) select * from inh_ei where a = 1
explain (costs off) select * from only inh_ei where a = 1
create table inh_eq (a int, b text) partition by range (a)
create table inh_eq1 partition of inh_eq for values from (1) to (10)
create table inh_eq2 partition of inh_eq for values from (10) to (20)
create table inh_eq3 partition of inh_eq for values from (20) to (30)
create table inh_eqd partition of inh_eq default
create table inh_ek (a int) partition by list (a)
create table inh_ek1 partition of inh_ek for values in (1, 2)
create table inh_ek2 partition of inh_ek for values in (3)
create table inh_ek3 partition of inh_ek for values in (4, null)
insert into inh_eq select g, 'v' || g from generate_series(0, 35, 5) g
explain (costs off) select * from inh_eq where a < 10
explain (costs off) select * from inh_eq where a <= 10
explain (costs off) select * from inh_eq where a >= 30
explain (costs off) select * from inh_eq where a = 1 or a = 25
explain (costs off) select * from inh_eq where 10 > a
explain (costs off) select * from inh_ek where a > 2
explain (costs off) select * from inh_ek where a = 1 or a is null
select * from inh_eq where a between 5 and 15 order by a
select * from inh_eq where a = 0 or a > 25 order by a
drop table inh_er, inh_el, inh_ei, inh_eq, inh_ek cascade
