-- Transition tables (REFERENCING OLD TABLE / NEW TABLE) read by trigger functions; statement triggers of a statement
-- naming a partitioned table (the parent's fire, not the partitions'; a moved row counts as updated); record variables
-- named whole in PL/pgSQL; routed rows and system columns; a range DEFAULT partition's constraint.
CREATE TABLE ttt_plain (x int, y text);
CREATE FUNCTION ttt_show() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    RAISE NOTICE '% %: new %', TG_NAME, TG_OP, (SELECT string_agg(n::text, ', ' ORDER BY x) FROM ttt_new n);
  ELSIF TG_OP = 'DELETE' THEN
    RAISE NOTICE '% %: old %', TG_NAME, TG_OP, (SELECT string_agg(o::text, ', ' ORDER BY x) FROM ttt_old o);
  ELSE
    RAISE NOTICE '% %: old %, new %', TG_NAME, TG_OP, (SELECT string_agg(o::text, ', ' ORDER BY x) FROM ttt_old o),
      (SELECT string_agg(n::text, ', ' ORDER BY x) FROM ttt_new n);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ttt_ins AFTER INSERT ON ttt_plain REFERENCING NEW TABLE AS ttt_new
  FOR EACH STATEMENT EXECUTE FUNCTION ttt_show();
CREATE TRIGGER ttt_upd AFTER UPDATE ON ttt_plain REFERENCING OLD TABLE AS ttt_old NEW TABLE AS ttt_new
  FOR EACH STATEMENT EXECUTE FUNCTION ttt_show();
CREATE TRIGGER ttt_del AFTER DELETE ON ttt_plain REFERENCING OLD TABLE AS ttt_old
  FOR EACH STATEMENT EXECUTE FUNCTION ttt_show();
INSERT INTO ttt_plain VALUES (1, 'a'), (2, 'b'), (3, 'c');
UPDATE ttt_plain SET y = y || '!' WHERE x >= 2;
DELETE FROM ttt_plain WHERE x = 1;
-- no rows: the tables are empty
UPDATE ttt_plain SET y = 'none' WHERE x > 100;
-- the parent's statement triggers fire; rows of every partition, and moved rows, in the parent's columns
CREATE TABLE ttt_parted (a text, x int, y text) PARTITION BY LIST (a);
CREATE TABLE ttt_part_a PARTITION OF ttt_parted FOR VALUES IN ('a');
CREATE TABLE ttt_part_b (y text, x int, a text);
ALTER TABLE ttt_parted ATTACH PARTITION ttt_part_b FOR VALUES IN ('b');
CREATE FUNCTION ttt_say() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % on % (%)', TG_NAME, TG_OP, TG_TABLE_NAME, TG_LEVEL;
  RETURN NULL;
END $$;
CREATE TRIGGER ttt_upd AFTER UPDATE ON ttt_parted REFERENCING OLD TABLE AS ttt_old NEW TABLE AS ttt_new
  FOR EACH STATEMENT EXECUTE FUNCTION ttt_show();
CREATE TRIGGER ttt_parent_ins AFTER INSERT ON ttt_parted FOR EACH STATEMENT EXECUTE FUNCTION ttt_say();
CREATE TRIGGER ttt_parent_del BEFORE DELETE ON ttt_parted FOR EACH STATEMENT EXECUTE FUNCTION ttt_say();
CREATE TRIGGER ttt_b_ins AFTER INSERT ON ttt_part_b FOR EACH STATEMENT EXECUTE FUNCTION ttt_say();
CREATE TRIGGER ttt_b_del AFTER DELETE ON ttt_part_b FOR EACH STATEMENT EXECUTE FUNCTION ttt_say();
CREATE TRIGGER ttt_b_row AFTER INSERT ON ttt_part_b FOR EACH ROW EXECUTE FUNCTION ttt_say();
INSERT INTO ttt_parted VALUES ('a', 1, 'one'), ('b', 2, 'two'), ('a', 3, 'three');
UPDATE ttt_parted SET y = upper(y) WHERE x >= 2;
UPDATE ttt_parted SET a = 'b' WHERE x = 1;
DELETE FROM ttt_parted WHERE x = 3;
SELECT tableoid::regclass, * FROM ttt_parted ORDER BY x;
-- a partition named directly fires its own statement triggers
INSERT INTO ttt_part_b VALUES ('four', 4, 'b');
-- OLD named whole; a moved row's BEFORE DELETE row trigger sees the row as it was
CREATE FUNCTION ttt_old_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'deleting %', OLD;
  RETURN OLD;
END $$;
CREATE TRIGGER ttt_old_row BEFORE DELETE ON ttt_part_b FOR EACH ROW EXECUTE FUNCTION ttt_old_row();
UPDATE ttt_parted SET a = 'a', y = 'moved' WHERE x = 2;
-- a partition's BEFORE ROW trigger changes the row: a CHECK failure shows the changed row
CREATE TABLE ttt_checked (a int, b int) PARTITION BY RANGE (a);
CREATE TABLE ttt_checked_1 (b int, a int);
ALTER TABLE ttt_checked ATTACH PARTITION ttt_checked_1 FOR VALUES FROM (1) TO (10);
ALTER TABLE ttt_checked ADD CONSTRAINT ttt_check_b CHECK (b = 3);
CREATE FUNCTION ttt_set_b() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.b := 4; RETURN NEW; END $$;
CREATE TRIGGER ttt_set_b BEFORE INSERT ON ttt_checked_1 FOR EACH ROW EXECUTE FUNCTION ttt_set_b();
INSERT INTO ttt_checked VALUES (1, 3);
-- xmin of a routed row: only where the row needs no conversion to the partition's layout
CREATE TABLE ttt_utr (a int, b text) PARTITION BY LIST (a);
CREATE TABLE ttt_utr1 (a int, q text, b text);
CREATE TABLE ttt_utr2 (a int, b text);
ALTER TABLE ttt_utr1 DROP COLUMN q;
ALTER TABLE ttt_utr ATTACH PARTITION ttt_utr1 FOR VALUES IN (1);
ALTER TABLE ttt_utr ATTACH PARTITION ttt_utr2 FOR VALUES IN (2);
INSERT INTO ttt_utr VALUES (1, 'foo') RETURNING *, tableoid::regclass, xmin = pg_current_xact_id()::xid AS xmin_ok;
INSERT INTO ttt_utr VALUES (2, 'bar') RETURNING *, tableoid::regclass, xmin = pg_current_xact_id()::xid AS xmin_ok;
INSERT INTO ttt_utr VALUES (2, 'bar') RETURNING *, tableoid::regclass;
UPDATE ttt_utr SET a = 3 - a RETURNING *, tableoid::regclass, xmin = pg_current_xact_id()::xid AS xmin_ok;
UPDATE ttt_utr SET a = 3 - a RETURNING *, tableoid::regclass;
SELECT tableoid::regclass, * FROM ttt_utr ORDER BY a;
-- a range DEFAULT partition's constraint
CREATE TABLE ttt_range (a text, b int) PARTITION BY RANGE (a, b);
CREATE TABLE ttt_range_b PARTITION OF ttt_range FOR VALUES FROM ('b', 1) TO ('b', 10);
CREATE TABLE ttt_range_a PARTITION OF ttt_range FOR VALUES FROM ('a', 1) TO ('a', 10);
CREATE TABLE ttt_range_d PARTITION OF ttt_range DEFAULT;
SELECT pg_get_partition_constraintdef('ttt_range_d'::regclass);
DROP TABLE ttt_range;
DROP TABLE ttt_utr;
DROP TABLE ttt_checked;
DROP TABLE ttt_parted;
DROP TABLE ttt_plain;
DROP FUNCTION ttt_set_b();
DROP FUNCTION ttt_old_row();
DROP FUNCTION ttt_say();
DROP FUNCTION ttt_show();
