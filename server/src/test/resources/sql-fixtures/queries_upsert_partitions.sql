-- INSERT ... ON CONFLICT routed into partitions (one created with PARTITION OF, one attached with its columns in
-- another order) and into a partition directly
drop table if exists qu_t;
CREATE TABLE qu_t (a INT PRIMARY KEY, b TEXT) PARTITION BY LIST (a); CREATE TABLE qu_t_1 PARTITION OF qu_t FOR VALUES IN (1); CREATE TABLE qu_t_2 (b TEXT, a INT PRIMARY KEY); ALTER TABLE qu_t ATTACH PARTITION qu_t_2 FOR VALUES IN (2);
INSERT INTO qu_t VALUES (1, 'Boo'), (2, 'Zoo');
WITH aaa AS (SELECT 1 AS a, 'Foo' AS b) INSERT INTO qu_t VALUES (1, 'Bar') ON CONFLICT(a) DO UPDATE SET (b, a) = (SELECT b, a FROM aaa) RETURNING *;
WITH aaa AS (SELECT 1 AS ctea, ' Foo' AS cteb) INSERT INTO qu_t VALUES (1, 'Bar'), (2, 'Baz') ON CONFLICT(a) DO UPDATE SET (b, a) = (SELECT qu_t.b || cteb, qu_t.a FROM aaa) RETURNING *;
INSERT INTO qu_t VALUES (2, 'Q') ON CONFLICT (a) DO UPDATE SET b = excluded.b || qu_t.b WHERE qu_t.a = 2 AND excluded.b = 'Q' RETURNING *;
INSERT INTO qu_t VALUES (2, 'R') ON CONFLICT (a) DO UPDATE SET b = 'never' WHERE excluded.b = 'Q' RETURNING *;
INSERT INTO qu_t VALUES (1, 'S'), (2, 'S') ON CONFLICT DO NOTHING RETURNING *;
INSERT INTO qu_t_1 VALUES (1, 'T') ON CONFLICT (a) DO UPDATE SET b = 'direct' RETURNING *;
INSERT INTO qu_t_2 VALUES ('U', 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b RETURNING *;
select tableoid::regclass, * from qu_t order by a;
drop table qu_t;
