-- USING (...) AS x names only the merged columns: behind an alias of the whole join it is no FROM item at all
drop table if exists qj_1, qj_2;
create table qj_1 (i int, t text); create table qj_2 (i int, k int); insert into qj_1 values (1, 'one'), (2, 'two'); insert into qj_2 values (1, 10), (3, 30);
SELECT * FROM (qj_1 JOIN qj_2 USING (i) AS x) AS xx WHERE x.i = 1;
SELECT * FROM (qj_1 JOIN qj_2 USING (i) AS x) AS xx WHERE qj_1.i = 1;
SELECT * FROM qj_1 JOIN qj_2 USING (i) AS x WHERE x.i = 1;
SELECT xx.i, xx.t FROM (qj_1 JOIN qj_2 USING (i) AS x) AS xx;
drop table qj_1, qj_2;
