-- The outer WHERE over a UNION [ALL] subquery pushed into each member query (constant-folded: a UNION ALL member
-- it makes false is left out, a UNION member becomes a Result that never passes), partial indexes chosen when the
-- query implies their predicate, min()/max() of a constant, and the positions of set operation and WITHIN GROUP
-- type errors: PostgreSQL 15's plan shapes and rows
create table sq_a (k int, v int, s text);
insert into sq_a select g, g % 10, 'row' || g from generate_series(1, 2000) g;
create index sq_a_k on sq_a (k);
create index sq_a_part on sq_a (v) where k < 100 or k > 1900;
vacuum analyze sq_a;
create table sq_b (q1 int8, q2 int8);
insert into sq_b values (1, 2), (3, 3), (4, -4), (5, 1), (-7, 7);
-- a constant that excludes a member; the one member left replaces the Append
explain (costs off)
select * from (select 1 as t, k, v from sq_a a union all select 2 as t, k, v from sq_a b) c where t = 2 and k = 5;
select * from (select 1 as t, k, v from sq_a a union all select 2 as t, k, v from sq_a b) c where t = 2 and k = 5;
select count(*) from (select 1 as t, k from sq_a a union all select 2 as t, k from sq_a b) c where t = 3;
-- an OR that folds differently in each member
explain (costs off)
select * from (select *, 0 as x from sq_b a union all select *, 1 as x from sq_b b) ss
where (x = 0) or (q1 >= q2 and q1 <= q2);
select * from (select *, 0 as x from sq_b a union all select *, 1 as x from sq_b b) ss
where (x = 0) or (q1 >= q2 and q1 <= q2) order by x, q1;
-- a condition on a column of each member; one member converts its column to bigint
select * from (select q1, q2 from sq_b union all select k::int8, v from sq_a) u where q1 = 4 order by q2;
select * from (select q1, q2 from sq_b union all select k, v from sq_a) u where q1 = 4 order by q2;
-- UNION: the members get the condition, a constant-false one stays as a dummy Result
explain (costs off)
select * from (select 1 as t, 2 as x union select 2 as t, 4 as x) ss where x < 4 order by x;
select * from (select 1 as t, 2 as x union select 2 as t, 4 as x) ss where x < 4 order by x;
select * from (select 1 as t, 2 as x union select 2 as t, 4 as x) ss where x > 9;
-- not pushed: volatile and set-returning columns
select * from (select 1 as t, generate_series(1,10) as x union select 2 as t, 4 as x) ss where x < 4 order by x;
select count(*) from (select 1 as t, (random()*3)::int as x union select 2 as t, 4 as x) ss where x > 3;
-- partial indexes: used when the query implies the predicate (an OR of ranges), the rows in index order
create table sq_p (k int, v int, s text);
insert into sq_p select (g * 7919) % 2000 + 1, g % 10, 'row' || g from generate_series(1, 2000) g;
create index sq_p_k on sq_p (k) where k < 20 or k > 1980;
create index sq_p_v on sq_p (v) where s < 'row2';
vacuum analyze sq_p;
explain (costs off) select k, v from sq_p where k < 10;
select k, v from sq_p where k < 10;
select k, s from sq_p where k > 1990;
explain (costs off) select k from sq_p where k > 1900;
explain (costs off) select k, s from sq_p where v = 3 and s < 'row2';
select k, s from sq_p where v = 3 and s < 'row2' order by k;
explain (costs off) select k, s from sq_p where v = 3 and s < 'row3';
-- min()/max() of a constant: the first row of the scan
explain (costs off) select max(100) from sq_a;
select max(100) from sq_a;
select min(7), max(100) from sq_a where k > 5000;
-- errors: a set operation's literal is read as the column type where it was written
select '3.4'::numeric union select 'foo';
select 1 union all select 2 union select 'x';
select rank(3) within group (order by x) from (values ('fred'),('jim')) v(x);
drop table sq_a, sq_b, sq_p;
