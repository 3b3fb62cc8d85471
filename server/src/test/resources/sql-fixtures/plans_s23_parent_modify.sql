-- UPDATE / DELETE of a partitioned table or an inheritance tree as PostgreSQL's EXPLAIN shows them: one ModifyTable
-- on the named table listing the members it modifies, over an Append of the members' scans named parent_1, parent_2...
create table pmod_r (a text, b int, c numeric) partition by range (a, b)
create table pmod_r_a1 partition of pmod_r for values from ('a', 1) to ('a', 10)
create table pmod_r_a10 partition of pmod_r for values from ('a', 10) to ('a', 20)
create table pmod_r_b partition of pmod_r for values from ('b', 1) to ('b', 30) partition by range (c)
create table pmod_r_b1 partition of pmod_r_b for values from (1) to (100)
create table pmod_r_b2 partition of pmod_r_b for values from (100) to (200)
insert into pmod_r values ('a', 1, 1), ('a', 12, 150), ('b', 5, 50), ('b', 6, 150)
explain (costs off) update pmod_r set c = c - 50 where c > 97
update pmod_r set c = c - 50 where c > 97
select tableoid::regclass::text, * from pmod_r order by 1, 2, 3, 4
explain (costs off) delete from pmod_r where b = 5
delete from pmod_r where b = 5
select count(*) from pmod_r
create table pmod_i (id int, v int)
create table pmod_i1 (extra text) inherits (pmod_i)
insert into pmod_i values (1, 1)
insert into pmod_i1 values (2, 2, 'x')
explain (costs off) update pmod_i set v = v + 1 where id > 0
update pmod_i set v = v + 1 where id > 0
explain (costs off) delete from pmod_i where id = 2
select * from pmod_i order by id
drop table pmod_i cascade
drop table pmod_r
