-- x IN (SELECT ...) over a FROM item of constants is pulled up as a semi join before x's value is known, which then folds it
CREATE TABLE icr_t (unique1 int, ten int)
INSERT INTO icr_t SELECT g, g % 10 FROM generate_series(0, 99) g
EXPLAIN (COSTS OFF) SELECT unique1 FROM icr_t, (SELECT 1 AS x) x WHERE x IN (SELECT 17)
SELECT unique1 FROM icr_t, (SELECT 1 AS x) x WHERE x IN (SELECT 17)
EXPLAIN (COSTS OFF) SELECT unique1 FROM icr_t, (SELECT 17 AS x) x WHERE x IN (SELECT 17) AND unique1 < 3
SELECT unique1 FROM icr_t, (SELECT 17 AS x) x WHERE x IN (SELECT 17) AND unique1 < 3 ORDER BY 1
EXPLAIN (COSTS OFF) SELECT unique1 FROM icr_t WHERE 1 IN (SELECT 17)
SELECT count(*) FROM icr_t WHERE 17 IN (SELECT 17)
DROP TABLE icr_t
