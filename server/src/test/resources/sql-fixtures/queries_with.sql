-- WITH RECURSIVE: items are analyzed after the items they name (forward references, data-modifying items that do not
-- name themselves), self-references are checked before analysis (parse_cte.c), and WITH items or uncorrelated
-- subqueries that read a correlated subquery's or LATERAL item's values are computed again for each run
drop table if exists qw_y, qw_log;
create table qw_y (a int); insert into qw_y values (1), (2), (7);
create table qw_log (a int);
WITH RECURSIVE x(id) AS (SELECT * FROM y UNION ALL SELECT id+1 FROM x WHERE id < 5), y(id) AS (values (1)) SELECT * FROM x;
WITH RECURSIVE x (id) AS (SELECT 1 UNION ALL SELECT id+1 FROM y WHERE id < 5), y (id) AS (SELECT 1 UNION ALL SELECT id+1 FROM x WHERE id < 5) SELECT * FROM x;
WITH RECURSIVE x(n) AS (SELECT a FROM qw_y WHERE a = 1 UNION ALL SELECT x.n+1 FROM qw_y LEFT JOIN x ON x.n = qw_y.a WHERE n < 10) SELECT * FROM x;
WITH RECURSIVE x(n) AS (SELECT a FROM qw_y WHERE a = 1 UNION ALL SELECT x.n+1 FROM x RIGHT JOIN qw_y ON x.n = qw_y.a WHERE n < 10) SELECT * FROM x;
WITH RECURSIVE x(n) AS (SELECT a FROM qw_y WHERE a = 1 UNION ALL SELECT x.n+1 FROM x FULL JOIN qw_y ON x.n = qw_y.a WHERE n < 10) SELECT * FROM x;
WITH RECURSIVE x(n) AS (SELECT a FROM qw_y WHERE a = 1 UNION ALL SELECT x.n+1 FROM qw_y JOIN x ON x.n = qw_y.a WHERE n < 10) SELECT * FROM x;
WITH RECURSIVE foo(i) AS (values (1) UNION ALL (SELECT i+1 FROM foo WHERE i < 10 EXCEPT SELECT i+1 FROM foo WHERE i < 5)) SELECT * FROM foo;
WITH RECURSIVE foo(i) AS (values (1) UNION ALL (SELECT i+1 FROM foo WHERE i < 10 INTERSECT ALL SELECT 3)) SELECT * FROM foo;
WITH RECURSIVE x(n) AS (WITH x1 AS (SELECT 1 FROM x) SELECT 0 UNION SELECT * FROM x1) SELECT * FROM x;
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x WHERE n < (SELECT max(n) FROM x)) SELECT * FROM x;
WITH RECURSIVE x(n) AS (WITH sub_cte AS (SELECT * FROM x) DELETE FROM qw_y RETURNING a) SELECT * FROM x;
WITH RECURSIVE foo(i) AS (SELECT i::numeric(3,0) FROM (VALUES(1),(2)) t(i) UNION ALL SELECT (i+1)::numeric(10,0) FROM foo WHERE i < 10) SELECT * FROM foo;
WITH RECURSIVE foo(i) AS (SELECT i::numeric(3,0) FROM (VALUES(1),(2)) t(i) UNION ALL SELECT (i+1)::numeric(3,0) FROM foo WHERE i < 4) SELECT * FROM foo;
WITH RECURSIVE x(n) AS (SELECT n FROM x UNION SELECT 1 ORDER BY 1) SELECT * FROM x;
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT sum(n) FROM x) SELECT * FROM x;
WITH RECURSIVE t(a) AS (SELECT 0 UNION ALL SELECT a+1 FROM t WHERE a+1 < 5), t2 AS (INSERT INTO qw_log SELECT * FROM t RETURNING *) SELECT * FROM t2 JOIN qw_y USING (a) ORDER BY a;
SELECT * FROM qw_log ORDER BY a;
WITH RECURSIVE t AS (INSERT INTO qw_log SELECT a + 100 FROM t2 RETURNING *), t2 AS (SELECT a FROM qw_y) SELECT * FROM t ORDER BY a;
select ( with cte(foo) as ( values(f1) ) select (select foo from cte) ) from (values (0), (123456), (-123456)) int4_tbl(f1);
select ( with cte(foo) as ( values(f1) ) values((select foo from cte)) ) from (values (0), (123456), (-123456)) int4_tbl(f1);
select f1, (with cte as (select f1 * 2 as d) select d from cte), (select (with c2 as (values (f1)) select * from c2)) from (values (1),(2),(3)) v(f1);
select sum(o.a), sum(ss.n) from qw_y o cross join lateral (with recursive x(n) as (select o.a union select n + 1 from x where n < 10) select * from x) ss;
select (select 1 as a union select 1), (values (1)), (select x from (values(1)) v(x) union select 1), (select 1 union select 1 as b);
drop table qw_y, qw_log;
