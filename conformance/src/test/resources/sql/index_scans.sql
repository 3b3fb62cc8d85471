-- Index-only scans, min()/max() through an index (planagg) and ordered index scans under index conditions:
-- the plan shapes PostgreSQL 15 chooses for a freshly vacuumed table, and the rows they return, also after
-- updates, deletes, a rolled back change and with NULLs
create table ixs (a int, b int, c text, d int);
insert into ixs select g, g % 100, 'v' || g, g % 7 from generate_series(1, 10000) g;
insert into ixs values (null, 5, 'null a', 0), (null, null, 'null both', 0);
create index ixs_a on ixs (a);
create index ixs_b_a on ixs (b, a);
create index ixs_d_desc on ixs (d desc);
vacuum analyze ixs;
-- min/max: InitPlans of Limit -> Index Only Scan [Backward] with IS NOT NULL
explain (costs off) select min(a) from ixs;
select min(a) from ixs;
explain (costs off) select max(a) from ixs;
select max(a) from ixs;
explain (costs off) select min(a), max(a) from ixs;
select min(a), max(a) from ixs;
explain (costs off) select max(a) from ixs where a < 42;
select max(a) from ixs where a < 42;
explain (costs off) select min(a) from ixs where a > 9990;
select min(a) from ixs where a > 9990;
select max(a) from ixs where a > 20000;
explain (costs off) select max(a) from ixs where b = 33;
select max(a), min(a) from ixs where b = 33;
explain (costs off) select max(d), min(d) from ixs;
select max(d), min(d) from ixs;
explain (costs off) select max(a) + 1 as m from ixs order by 1;
select max(a) + 1 as m from ixs order by 1;
-- min/max of a column only NULLs hold in the range asked
select min(a), max(a) from ixs where b is null;
-- not through an index: a column without one, count(*) alongside, GROUP BY
explain (costs off) select min(c) from ixs;
explain (costs off) select min(a), count(*) from ixs;
-- an index scan whose columns are all in the index is index-only
explain (costs off) select a from ixs where a = 77;
select a from ixs where a = 77;
explain (costs off) select b, a from ixs where b = 3 and a = 503;
select b, a from ixs where b = 3 and a = 503;
-- reading only an index's columns: the whole index is smaller than the table
explain (costs off) select count(a) from ixs;
select count(a) from ixs;
-- the rows after changes: updates, deletes, rolled back changes
update ixs set a = 20000 where a = 10000;
select min(a), max(a) from ixs;
delete from ixs where a = 1;
select min(a), max(a) from ixs;
begin;
delete from ixs where a < 100;
update ixs set a = -5 where a = 500;
select min(a), max(a) from ixs;
select a from ixs where a = 500;
select count(a) from ixs;
rollback;
select min(a), max(a) from ixs;
select a from ixs where a = 500;
select count(a) from ixs;
set enable_indexonlyscan = off;
explain (costs off) select a from ixs where a = 77;
explain (costs off) select min(a) from ixs;
reset enable_indexonlyscan;
drop table ixs;
-- range conditions: an index scan for few rows, a bitmap scan (rows in table order) for more, a sequential scan
-- for many; enable_bitmapscan / enable_indexscan obeyed
create table ixr (a int, b int, c text);
insert into ixr select g, g % 100, 'v' || g from generate_series(1, 10000) g;
create index ixr_a on ixr (a);
create index ixr_b on ixr (b);
vacuum analyze ixr;
explain (costs off) select * from ixr where a < 3;
select * from ixr where a < 3;
explain (costs off) select c from ixr where a between 100 and 105;
select c from ixr where a between 100 and 105;
explain (costs off) select a from ixr where a between 100 and 105;
select a from ixr where a between 100 and 105;
explain (costs off) select * from ixr where b = 3 and a < 500;
select * from ixr where b = 3 and a < 500;
explain (costs off) select count(*) from ixr where b < 3;
select count(*) from ixr where b < 3;
explain (costs off) select count(*) from ixr where b < 50;
explain (costs off) select * from ixr where a > 9997;
explain (costs off) select * from ixr where 9997 < a;
select * from ixr where 9997 < a;
select * from ixr where a > 9997;
explain (costs off) select * from ixr where b = 3;
select * from ixr where b = 3 and a > 9000;
explain (costs off) select * from ixr where b = 3 and a > 9000;
set enable_bitmapscan = off;
explain (costs off) select * from ixr where b = 3;
reset enable_bitmapscan;
set enable_indexscan = off;
explain (costs off) select * from ixr where a < 3;
select * from ixr where a < 3;
reset enable_indexscan;
-- rows changed after VACUUM are found, removed ones are not
update ixr set a = a + 20000 where a < 3;
delete from ixr where a = 9999;
select * from ixr where a < 3 or a > 9997 order by a;
select min(a), max(a) from ixr;
drop table ixr;
