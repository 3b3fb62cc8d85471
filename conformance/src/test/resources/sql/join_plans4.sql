-- Session 13: a semi join into a constant row folded with the FROM item's constant, contradictory constants over
-- one table, ORDER BY keys the WHERE holds to a constant, RIGHT and FULL joins the WHERE makes inner or LEFT.
CREATE TABLE jp4_t (unique1 int, unique2 int, ten int);
INSERT INTO jp4_t SELECT g, 999 - g, g % 10 FROM generate_series(0, 999) g;
CREATE UNIQUE INDEX jp4_t_u1 ON jp4_t (unique1);
CREATE TABLE jp4_p (k int PRIMARY KEY, pd int);
INSERT INTO jp4_p VALUES (1, 10), (2, 20), (3, 30);
CREATE TABLE jp4_c (k int UNIQUE, cd int);
INSERT INTO jp4_c VALUES (1, 100), (4, 400);
CREATE TABLE jp4_s (f1 int);
INSERT INTO jp4_s VALUES (0), (12), (-5), (NULL);
VACUUM ANALYZE jp4_t;
ANALYZE jp4_p;
ANALYZE jp4_c;
ANALYZE jp4_s;
CREATE FUNCTION jp4_imm(i int) RETURNS int AS $$ begin return i; end; $$ LANGUAGE plpgsql IMMUTABLE;
-- x in (select 17) with x the constant 1: 1 = 17, no rows
EXPLAIN (COSTS OFF) SELECT unique1 FROM jp4_t, LATERAL jp4_imm(1) x WHERE x IN (SELECT 17);
SELECT unique1 FROM jp4_t, LATERAL jp4_imm(1) x WHERE x IN (SELECT 17);
EXPLAIN (COSTS OFF) SELECT unique1 FROM jp4_t, jp4_imm(17) x WHERE x IN (SELECT 17) AND unique1 < 3;
SELECT unique1 FROM jp4_t, jp4_imm(17) x WHERE x IN (SELECT 17) AND unique1 < 3 ORDER BY 1;
-- one column held to two constants: the scan stays, gated by a constant-false filter
SELECT p.* FROM jp4_p p LEFT JOIN jp4_c c ON (p.k = c.k) WHERE p.k = 1 AND p.k = 2;
EXPLAIN (COSTS OFF) SELECT * FROM jp4_p WHERE k = 1 AND k = 2 AND pd > 3;
SELECT * FROM jp4_p WHERE k = 1 AND k = 2 AND pd > 3;
EXPLAIN (COSTS OFF) SELECT * FROM jp4_p WHERE pd = 10 AND pd = 20;
SELECT * FROM jp4_p WHERE pd = 10 AND pd = 20;
SELECT * FROM jp4_p WHERE pd = 10 AND pd = 10;
-- ORDER BY a key the WHERE holds to a constant sorts nothing
EXPLAIN (COSTS OFF) SELECT * FROM jp4_p WHERE pd = 20 ORDER BY pd;
SELECT * FROM jp4_p WHERE pd = 20 ORDER BY pd;
EXPLAIN (COSTS OFF) SELECT * FROM jp4_p WHERE pd = 20 ORDER BY pd, k DESC;
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT k, pd + k AS s FROM jp4_p) ss WHERE s = 22 ORDER BY s;
SELECT * FROM (SELECT k, pd + k AS s FROM jp4_p) ss WHERE s = 22 ORDER BY s;
-- RIGHT joins whose NULL-padded rows the WHERE rejects are inner joins; FULL joins keep their answers
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT *, 20 AS phv FROM jp4_p) AS ss RIGHT JOIN jp4_s ON true WHERE ss.pd = ss.phv AND f1 = 0;
SELECT * FROM (SELECT *, 20 AS phv FROM jp4_p) AS ss RIGHT JOIN jp4_s ON true WHERE ss.pd = ss.phv AND f1 = 0;
SELECT * FROM jp4_p p FULL JOIN jp4_c c ON p.k = c.k WHERE p.pd > 0 ORDER BY p.k;
SELECT * FROM jp4_p p FULL JOIN jp4_c c ON p.k = c.k WHERE c.cd > 0 ORDER BY c.k;
SELECT * FROM jp4_p p FULL JOIN jp4_c c ON p.k = c.k WHERE c.cd > 0 AND p.pd > 0;
SELECT * FROM jp4_p p FULL JOIN jp4_c c ON p.k = c.k WHERE c.cd IS NULL ORDER BY p.k;
SELECT * FROM jp4_p p RIGHT JOIN jp4_c c ON p.k = c.k WHERE p.pd IS NOT NULL;
SELECT * FROM jp4_p p FULL JOIN jp4_s s ON true WHERE s.f1 = 0 ORDER BY p.k;
SELECT * FROM jp4_p p FULL JOIN jp4_s s ON true WHERE p.pd = 20 ORDER BY s.f1;
SELECT * FROM jp4_p p FULL JOIN jp4_s s ON true WHERE p.pd = 20 AND s.f1 > 0;
-- the contradiction on the outer side of a removed LEFT join
EXPLAIN (COSTS OFF) SELECT p.* FROM jp4_p p LEFT JOIN jp4_c c ON (p.k = c.k) WHERE p.pd = 10 AND p.pd = 20;
SELECT p.* FROM jp4_p p LEFT JOIN jp4_c c ON (p.k = c.k) WHERE p.pd = 10 AND p.pd = 20;
