-- Partial indexes: the query's comparisons imply the index predicate (predtest), and the terms the predicate
-- guarantees are not checked again unless the rows are locked
create table plans_pi (u1 int, u2 int, s name)
insert into plans_pi select i, 1000 - i, (chr(65 + i % 26) || 'AAA')::name from generate_series(0, 999) i
create index plans_pi_u2 on plans_pi (u2) where s < 'B'
create index plans_pi_u1 on plans_pi (u1) where u1 < 20
analyze plans_pi
explain (costs off) select * from plans_pi where u2 = 974 and s = 'AAAA'
select * from plans_pi where u2 = 974 and s = 'AAAA'
explain (costs off) select * from plans_pi where u2 = 974 and s < 'B'
select * from plans_pi where u2 = 974 and s < 'B'
explain (costs off) select u1 from plans_pi where u2 = 974 and s < 'B' for update
select u1 from plans_pi where u2 = 974 and s < 'B' for update
explain (costs off) select * from plans_pi where u2 = 974 and s < 'C'
explain (costs off) select * from plans_pi where u2 = 974 and s = 'CAAA'
select * from plans_pi where u2 = 974 and s = 'CAAA'
explain (costs off) select * from plans_pi where u1 = 5
select * from plans_pi where u1 = 5
explain (costs off) select * from plans_pi where u1 = 25
drop table plans_pi
