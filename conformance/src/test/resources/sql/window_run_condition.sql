-- WindowAgg run conditions (PostgreSQL 15): a monotonic window function compared with a constant over a subquery
-- stops the WindowAgg early; the rows must equal the plain evaluation. Then moving aggregates (MSFUNC/MINVFUNC).
CREATE TABLE wrc (dept text, id int, pay int);
INSERT INTO wrc VALUES ('a', 1, 10), ('a', 2, 20), ('a', 3, 20), ('a', 4, 30), ('b', 5, 5), ('b', 6, 5),
  ('b', 7, 50), ('c', 8, 1), ('c', 9, NULL), ('c', 10, NULL);
ANALYZE wrc;
-- row_number without partitions: the WindowAgg stops, the qual is gone
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM wrc) s WHERE rn <= 3;
SELECT * FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM wrc) s WHERE rn <= 3;
SELECT * FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM wrc) s WHERE 3 > rn;
-- partitions: pass-through to the next partition
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT dept, id, row_number() OVER (PARTITION BY dept ORDER BY id) rn FROM wrc) s
  WHERE rn < 3;
SELECT * FROM (SELECT dept, id, row_number() OVER (PARTITION BY dept ORDER BY id) rn FROM wrc) s WHERE rn < 3
  ORDER BY dept, id;
-- ties and DESC: rank, dense_rank; = keeps the qual above and runs while <=
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT id, pay, rank() OVER (ORDER BY pay DESC) r FROM wrc) s WHERE r <= 3;
SELECT * FROM (SELECT id, pay, rank() OVER (ORDER BY pay DESC) r FROM wrc) s WHERE r <= 3 ORDER BY id;
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT dept, id, pay, dense_rank() OVER (PARTITION BY dept ORDER BY pay) dr
  FROM wrc) s WHERE dr = 2;
SELECT * FROM (SELECT dept, id, pay, dense_rank() OVER (PARTITION BY dept ORDER BY pay) dr FROM wrc) s WHERE dr = 2
  ORDER BY id;
-- count: increasing with the default frame, decreasing to the partition end, constant without ORDER BY
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT id, count(*) OVER (ORDER BY pay NULLS FIRST) c FROM wrc) s WHERE c <= 4;
SELECT * FROM (SELECT id, count(*) OVER (ORDER BY pay NULLS FIRST) c FROM wrc) s WHERE c <= 4 ORDER BY id;
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT id, count(1) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) c
  FROM wrc) s WHERE c >= 8;
SELECT * FROM (SELECT id, count(1) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) c FROM wrc) s
  WHERE c >= 8 ORDER BY id;
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT dept, id, count(*) OVER (PARTITION BY dept) c FROM wrc) s WHERE c = 3;
SELECT * FROM (SELECT dept, id, count(*) OVER (PARTITION BY dept) c FROM wrc) s WHERE c = 3 ORDER BY id;
-- not run conditions: count of a column, the wrong direction, a volatile comparison value
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT id, count(pay) OVER (ORDER BY id) c FROM wrc) s WHERE c <= 2;
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM wrc) s WHERE rn > 8;
-- two windows: the lower one's run condition filters the top one's rows
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT dept, id, row_number() OVER (PARTITION BY dept ORDER BY id) rn,
  count(*) OVER (ORDER BY id) c FROM wrc) s WHERE rn <= 2 AND c <= 6;
SELECT * FROM (SELECT dept, id, row_number() OVER (PARTITION BY dept ORDER BY id) rn,
  count(*) OVER (ORDER BY id) c FROM wrc) s WHERE rn <= 2 AND c <= 6 ORDER BY id;
-- a partition column's condition filters below the WindowAgg; a selected subset keeps the Subquery Scan
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT dept, id, sum(pay) OVER (PARTITION BY dept ORDER BY id) t FROM wrc) s
  WHERE dept = 'b';
SELECT * FROM (SELECT dept, id, sum(pay) OVER (PARTITION BY dept ORDER BY id) t FROM wrc) s WHERE dept = 'b';
EXPLAIN (COSTS OFF) SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM wrc) s WHERE rn < 3;
SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM wrc) s WHERE rn < 3;
-- moving aggregates: the inverse transition over a frame whose head moves
CREATE FUNCTION wrc_fwd(text, int) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1 || '+' || $2 $$;
CREATE FUNCTION wrc_inv(text, int) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1 || '-' || $2 $$;
CREATE FUNCTION wrc_plain(text, int) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1 || '*' || $2 $$;
CREATE AGGREGATE wrc_log (int) (stype = text, sfunc = wrc_plain, initcond = '',
  mstype = text, msfunc = wrc_fwd, minvfunc = wrc_inv, minitcond = 'M');
SELECT id, pay, wrc_log(pay) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) moving,
  wrc_log(pay) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) growing
  FROM wrc WHERE dept <> 'c' ORDER BY id;
SELECT dept, id, wrc_log(pay) OVER (PARTITION BY dept ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)
  FROM wrc ORDER BY id;
CREATE FUNCTION wrc_sum_inv(int, int) RETURNS int LANGUAGE sql STRICT AS $$ SELECT CASE WHEN $2 = 20 THEN NULL ELSE $1 - $2 END $$;
CREATE AGGREGATE wrc_sum (int) (stype = int, sfunc = int4pl, mstype = int, msfunc = int4pl, minvfunc = wrc_sum_inv);
SELECT id, wrc_sum(pay) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM wrc ORDER BY id;
-- bad definitions
CREATE AGGREGATE wrc_bad (int) (stype = text, sfunc = wrc_plain, mstype = text, msfunc = wrc_fwd);
CREATE AGGREGATE wrc_bad (int) (stype = text, sfunc = wrc_plain, msfunc = wrc_fwd);
CREATE FUNCTION wrc_inv_lax(text, int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT $1 || '-' || $2 $$;
CREATE AGGREGATE wrc_bad (int) (stype = text, sfunc = wrc_plain, initcond = '', mstype = text, msfunc = wrc_fwd,
  minvfunc = wrc_inv_lax, minitcond = '');
DROP AGGREGATE wrc_log(int);
DROP AGGREGATE wrc_sum(int);
DROP FUNCTION wrc_fwd(text, int), wrc_inv(text, int), wrc_plain(text, int), wrc_sum_inv(int, int), wrc_inv_lax(text, int);
DROP TABLE wrc;
