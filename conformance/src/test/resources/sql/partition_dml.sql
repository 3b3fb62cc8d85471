-- Partitioned tables in DML: scans in partition bound order, UPDATE ... FROM / DELETE ... USING of every partition,
-- hash partitioning through a user-defined hash operator class (CREATE / DROP OPERATOR CLASS).
CREATE TABLE pdml_list (a text, b int) PARTITION BY LIST (a);
CREATE TABLE pdml_list_default PARTITION OF pdml_list DEFAULT;
CREATE TABLE pdml_list_null PARTITION OF pdml_list FOR VALUES IN (NULL);
CREATE TABLE pdml_list_xy PARTITION OF pdml_list FOR VALUES IN ('x', 'y');
CREATE TABLE pdml_list_ef PARTITION OF pdml_list FOR VALUES IN ('f', 'e') PARTITION BY RANGE (b);
CREATE TABLE pdml_list_ef_hi PARTITION OF pdml_list_ef FOR VALUES FROM (10) TO (MAXVALUE);
CREATE TABLE pdml_list_ef_lo PARTITION OF pdml_list_ef FOR VALUES FROM (MINVALUE) TO (10);
CREATE TABLE pdml_list_ab PARTITION OF pdml_list FOR VALUES IN ('b', 'a');
INSERT INTO pdml_list VALUES ('x', 1), (NULL, 2), ('e', 30), ('f', 4), ('a', 5), ('zz', 6);
SELECT tableoid::regclass, * FROM pdml_list;
CREATE TABLE pdml_range (a int, b text) PARTITION BY RANGE (a);
CREATE TABLE pdml_range_3 PARTITION OF pdml_range FOR VALUES FROM (100) TO (1000);
CREATE TABLE pdml_range_1 PARTITION OF pdml_range FOR VALUES FROM (-50) TO (9);
CREATE TABLE pdml_range_2 PARTITION OF pdml_range FOR VALUES FROM (9) TO (100);
INSERT INTO pdml_range VALUES (500, 'c'), (50, 'b'), (-5, 'a');
SELECT tableoid::regclass, * FROM pdml_range;
-- UPDATE ... FROM and DELETE ... USING reach the rows of every partition
UPDATE pdml_range SET b = b || s.x FROM (VALUES (-5, '!'), (500, '?')) s(k, x) WHERE a = s.k
  RETURNING pdml_range.*, tableoid::regclass, s.x;
UPDATE pdml_range SET a = a + 100 FROM (VALUES (50)) s(k) WHERE a = s.k RETURNING *, tableoid::regclass;
DELETE FROM pdml_range USING (VALUES (500), (-5)) s(k) WHERE a = s.k RETURNING *, tableoid::regclass;
SELECT tableoid::regclass, * FROM pdml_range;
-- a partition's BEFORE UPDATE row triggers run once, before its bound is checked: a key they change moves the row
CREATE FUNCTION pdml_move() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.a = NEW.a + 100; RETURN NEW; END $$;
CREATE FUNCTION pdml_say() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE NOTICE 'before update of % on %', NEW.a, TG_TABLE_NAME; RETURN NEW; END $$;
CREATE TRIGGER pdml_move BEFORE UPDATE ON pdml_range_2 FOR EACH ROW EXECUTE FUNCTION pdml_move();
CREATE TRIGGER pdml_say BEFORE UPDATE ON pdml_range_3 FOR EACH ROW EXECUTE FUNCTION pdml_say();
INSERT INTO pdml_range VALUES (20, 't');
UPDATE pdml_range SET b = 'u' WHERE a = 20 RETURNING tableoid::regclass, *;
UPDATE pdml_range SET b = 'v' WHERE a = 150 RETURNING tableoid::regclass, *;
-- a moved row failing a view's check option is shown in the columns of the table the view reads
CREATE TABLE pdml_range_0 (b text, a int);
ALTER TABLE pdml_range ATTACH PARTITION pdml_range_0 FOR VALUES FROM (-100) TO (-50);
CREATE VIEW pdml_view AS SELECT * FROM pdml_range WHERE b <> 'bad' WITH CHECK OPTION;
UPDATE pdml_view SET a = -60, b = 'bad' WHERE a = 150;
UPDATE pdml_view SET a = -60 WHERE a = 150 RETURNING *;
SELECT tableoid::regclass, * FROM pdml_range;
-- a partition's whole row in RETURNING has the named table's row type (its columns in that order)
UPDATE pdml_range SET b = 'w' WHERE a = -60 RETURNING (pdml_range), *;
UPDATE pdml_range SET a = 500 WHERE a = -60 RETURNING (pdml_range), tableoid::regclass;
DROP VIEW pdml_view;
-- hash partitions through a user-defined operator class
CREATE FUNCTION pdml_hash(value int4, seed int8) RETURNS int8 AS $$ SELECT value + seed $$
  LANGUAGE sql STRICT IMMUTABLE;
CREATE OPERATOR CLASS pdml_int4_ops FOR TYPE int4 USING hash AS OPERATOR 1 =, FUNCTION 2 pdml_hash(int4, int8);
CREATE OPERATOR CLASS pdml_int4_ops FOR TYPE int4 USING hash AS OPERATOR 1 =, FUNCTION 2 pdml_hash(int4, int8);
CREATE TABLE pdml_hash (a int, b int) PARTITION BY HASH (a pdml_int4_ops);
CREATE TABLE pdml_hash_3 PARTITION OF pdml_hash FOR VALUES WITH (MODULUS 4, REMAINDER 3);
CREATE TABLE pdml_hash_0 PARTITION OF pdml_hash FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE pdml_hash_1 PARTITION OF pdml_hash FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE pdml_hash_2 PARTITION OF pdml_hash FOR VALUES WITH (MODULUS 4, REMAINDER 2);
INSERT INTO pdml_hash SELECT g, g FROM generate_series(1, 8) g;
INSERT INTO pdml_hash VALUES (NULL, 0);
SELECT tableoid::regclass, a, a % 4 AS rem FROM pdml_hash;
INSERT INTO pdml_hash_0 VALUES (12);
INSERT INTO pdml_hash_0 VALUES (11);
UPDATE pdml_hash SET a = a + 1 WHERE b = 1 RETURNING tableoid::regclass, *;
DROP TABLE pdml_hash;
DROP OPERATOR CLASS pdml_int4_ops USING hash;
DROP OPERATOR CLASS pdml_int4_ops USING hash;
DROP OPERATOR CLASS IF EXISTS pdml_int4_ops USING hash;
DROP FUNCTION pdml_hash(int4, int8);
DROP TABLE pdml_list;
DROP TABLE pdml_range;
DROP FUNCTION pdml_move();
DROP FUNCTION pdml_say();
