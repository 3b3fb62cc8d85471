-- A B-tree index on a jsonb column (jsonb_ops: jsonb_cmp's order, scalars as one-element arrays, [] below null,
-- numbers by value, containers by size first), EXPLAIN's names for set-returning and function scan columns, an
-- outer-level ordered-set aggregate reading this level in its direct arguments, and INTERSECT/EXCEPT subqueries:
-- PostgreSQL 15's answers and plan shapes
create table jb (id int, j jsonb);
insert into jb values (1, 'null'), (2, '[]'), (3, '"abc"'), (4, '"ab"'), (5, '1.5'), (6, '-2'), (7, '-2.25'),
  (8, '0'), (9, 'true'), (10, 'false'), (11, '[1]'), (12, '[1, 2]'), (13, '[null]'), (14, '{}'),
  (15, '{"a": 1}'), (16, '{"b": 1}'), (17, '{"a": 2, "b": 1}'), (18, '{"aa": 0}'), (19, '100'), (20, '1e-3'),
  (21, '-1000'), (22, '[[1], 2]'), (23, '[{"a": null}]'), (24, '"b"'), (25, '[-0.5]'), (26, '{"a": [1, 2]}');
create index jb_j on jb using btree (j);
set enable_seqscan = off;
select id, j from jb order by j, id;
select id from jb where j > '{"a": 1}' order by id;
select id from jb where j < '0' order by id;
select id from jb where j >= '[1]' and j <= '[1, 2]' order by id;
select count(*) from jb where j = '{"a": 2, "b": 1}';
reset enable_seqscan;
select id from jb order by j desc, id limit 5;
drop table jb;
-- a set-returning column is named by its call above the ProjectSet
explain (costs off)
select 1 as m, generate_series(1, 3) as g order by g desc;
-- a function scan's column qualified by its alias above a join
explain (costs off)
select s1, s2, sm from generate_series(1, 3) s1,
  lateral (select s2, sum(s1 + s2) sm from generate_series(1, 3) s2 group by s2) ss
order by 1, 2;
select s1, s2, sm from generate_series(1, 3) s1,
  lateral (select s2, sum(s1 + s2) sm from generate_series(1, 3) s2 group by s2) ss
order by 1, 2;
-- an ordered-set aggregate of outer columns: the outer query's, and its direct arguments may not read this level
select array(select percentile_disc(a) within group (order by x)
               from (values (0.3), (0.7)) v(a) group by a)
  from generate_series(1, 5) g(x);
select array(select percentile_disc(0.5) within group (order by x)
               from (values (0.3), (0.7)) v(a))
  from generate_series(1, 5) g(x);
-- INTERSECT and EXCEPT in FROM keep their Subquery Scan (the flag column makes it non-trivial); INTERSECT reads the
-- side of fewer distinct rows first
create table si (u int, h int);
insert into si select g, g % 500 from generate_series(1, 2000) g;
analyze si;
explain (costs off) select count(*) from (select u from si intersect select h from si) ss;
select count(*) from (select u from si intersect select h from si) ss;
explain (costs off) select count(*) from (select h from si intersect select u from si) ss;
explain (costs off) select count(*) from (select u from si except select h from si) ss;
select count(*) from (select u from si except select h from si) ss;
explain (costs off) select * from (select u from si except select h from si) ss where u < 3;
select * from (select u from si except select h from si) ss where u < 3 order by 1;
set enable_hashagg = off;
explain (costs off) select count(*) from (select u from si intersect select h from si) ss;
select count(*) from (select u from si intersect select h from si) ss;
explain (costs off) select u from si intersect select h from si;
reset enable_hashagg;
explain (costs off) select u from si intersect all select h from si;
drop table si;
-- a condition that cannot move into a UNION's members (on a set-returning column) stays in its Subquery Scan; the
-- set-returning member counts generate_series's rows, so the UNION is hashed
explain (costs off)
select * from (select 1 as t, generate_series(1, 10) as x union select 2 as t, 4 as x) ss where x < 4 order by x;
select * from (select 1 as t, generate_series(1, 10) as x union select 2 as t, 4 as x) ss where x < 4 order by x;
