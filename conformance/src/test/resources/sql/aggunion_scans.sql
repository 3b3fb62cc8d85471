-- Conditions of the outer query on a pulled-up subquery or UNION ALL member that reads a whole table choose that
-- table's index (even when the member alone would be a whole-index scan), and EXPLAIN VERBOSE's Output of a scan
-- under a grouping that names one column twice: PostgreSQL 15's plan shapes and answers
create table agu_t1 (a text, b text);
create index agu_t1_ab on agu_t1 ((a || b));
create table agu_t2 (ab text primary key);
insert into agu_t1 values ('a', 'b'), ('x', 'y');
insert into agu_t2 values ('ab'), ('xy');
set enable_seqscan = off;
set enable_bitmapscan = off;
explain (costs off) select * from (select * from agu_t2) t where ab = 'ab';
select * from (select * from agu_t2) t where ab = 'ab';
explain (costs off) select * from (select a || b as ab from agu_t1 union all select * from agu_t2) t where ab = 'ab';
select * from (select a || b as ab from agu_t1 union all select * from agu_t2) t where ab = 'ab';
explain (costs off) select * from (select a || b as ab from agu_t1 union select * from agu_t2) t where ab = 'ab';
select * from (select a || b as ab from agu_t1 union select * from agu_t2) t where ab = 'ab';
reset enable_seqscan;
reset enable_bitmapscan;
create table agu_t3 (a int, b int, c int);
insert into agu_t3 select g % 3, g % 5, g from generate_series(1, 30) g;
explain (verbose, costs off) select count(*) from (select distinct a, b, a from agu_t3) ss;
select count(*) from (select distinct a, b, a from agu_t3) ss;
explain (verbose, costs off) select count(*) from (select distinct a, b from agu_t3) ss;
drop table agu_t1, agu_t2, agu_t3;
