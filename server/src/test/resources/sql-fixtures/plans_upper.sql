-- Upper-planner shapes: sorted set operations, DISTINCT and GROUP BY with hashing disabled, GROUP BY keys a
-- primary key makes redundant; each shape with the rows it gives
-- INTERSECT/EXCEPT over types PostgreSQL cannot hash, or with enable_hashagg off, sort by the first subquery's columns
explain (costs off) select x from (values (row(1, 2)), (row(1, 3))) _(x) intersect select x from (values (row(1, 2)), (row(1, 4))) _(x)
select x from (values (row(1, 2)), (row(1, 3))) _(x) intersect select x from (values (row(1, 2)), (row(1, 4))) _(x)
explain (costs off) select x from (values (row(1, 2)), (row(1, 3))) _(x) except all select x from (values (row(1, 2)), (row(1, 4))) _(x)
select x from (values (row(1, 2)), (row(1, 3))) _(x) except all select x from (values (row(1, 2)), (row(1, 4))) _(x)
set enable_hashagg = off; explain (costs off) select x, x + 1 as "Y" from (values (1), (2)) _(x) intersect select x, x + 1 from (values (2), (3)) _(x)
set enable_hashagg = off; explain (costs off) select from generate_series(1,5) intersect select from generate_series(1,3)
set enable_hashagg = off; explain (costs off) select from generate_series(1,5) union select from generate_series(1,3)
reset enable_hashagg
explain (costs off) select from generate_series(1,5) union select from generate_series(1,3)
select count(*) from (select from generate_series(1,5) union select from generate_series(1,3)) s
-- an array of money cannot be hashed either
explain (costs off) select x from (values (array[100::money]), (array[200::money])) _(x) union select x from (values (array[100::money]), (array[300::money])) _(x)
select x from (values (array[100::money]), (array[200::money])) _(x) union select x from (values (array[100::money]), (array[300::money])) _(x)
-- DISTINCT and GROUP BY with hashing disabled: Unique / GroupAggregate over a Sort, rows in key order
create table plans_up (a int, b int)
insert into plans_up select (i * 7) % 10, i % 3 from generate_series(1, 100) i
analyze plans_up
set enable_hashagg = off; explain (costs off) select distinct a % 4 from plans_up
set enable_hashagg = off; select distinct a % 4 from plans_up
set enable_hashagg = off; explain (costs off) select a, count(*) from plans_up group by a
set enable_hashagg = off; select a, count(*) from plans_up group by a
set enable_hashagg = off; explain (costs off) select a + b, sum(a) from plans_up group by a + b
set enable_hashagg = off; select a + b, sum(a) from plans_up group by a + b
reset enable_hashagg
select a + b, sum(a) from plans_up group by a + b order by 1
drop table plans_up
-- GROUP BY columns the primary key determines are not compared
create table plans_pk (a int, b int, c int, d int, primary key (a, b))
insert into plans_pk select i % 5, i / 5, i, i * 2 from generate_series(1, 40) i
create table plans_pkd (a int, b int, c int, primary key (a, b) deferrable)
explain (costs off) select * from plans_pk group by a, b, c, d
select * from plans_pk group by a, b, c, d order by a, b
explain (costs off) select c, count(*) from plans_pk group by c, b, a
explain (costs off) select a, c from plans_pk group by a, c
explain (costs off) select * from plans_pkd group by a, b, c
create table plans_pkc () inherits (plans_pk)
insert into plans_pkc values (1, 1, 0, 0)
select a, b, count(*) from plans_pk group by a, b, c, d having count(*) > 1
explain (costs off) select * from only plans_pk group by a, b, c, d
select count(*) from (select * from only plans_pk group by a, b, c, d) s
drop table plans_pkc
drop table plans_pk
drop table plans_pkd
