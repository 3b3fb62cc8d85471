-- Rules: ALSO / INSTEAD / conditional rules with NEW and OLD, rules on views, RETURNING, DROP / RENAME, errors.
DROP VIEW IF EXISTS sqlrule_v;
DROP TABLE IF EXISTS sqlrule_t, sqlrule_log;
CREATE TABLE sqlrule_t (a int, b text DEFAULT 'dflt');
CREATE TABLE sqlrule_log (op text, a int, b text);
-- DO ALSO on INSERT: NEW is the value given, or the column's default; INSERT ... SELECT logs each row
CREATE RULE r_ins AS ON INSERT TO sqlrule_t DO ALSO INSERT INTO sqlrule_log VALUES ('ins', NEW.a, NEW.b);
INSERT INTO sqlrule_t VALUES (1, 'x');
INSERT INTO sqlrule_t (a) VALUES (2);
INSERT INTO sqlrule_t SELECT g, 'g' FROM generate_series(10, 11) g;
SELECT * FROM sqlrule_t ORDER BY a;
SELECT * FROM sqlrule_log ORDER BY op, a;
-- DO ALSO on UPDATE sees OLD and NEW, and runs before the update
CREATE RULE r_upd AS ON UPDATE TO sqlrule_t DO ALSO INSERT INTO sqlrule_log VALUES ('upd', OLD.a, NEW.b);
UPDATE sqlrule_t SET b = 'u' WHERE a >= 10;
SELECT * FROM sqlrule_log WHERE op = 'upd' ORDER BY a;
-- a conditional DO INSTEAD rule: matching rows take the action, the others the DELETE
CREATE RULE r_del AS ON DELETE TO sqlrule_t WHERE OLD.a = 1 DO INSTEAD
    INSERT INTO sqlrule_log VALUES ('kept', OLD.a, OLD.b);
DELETE FROM sqlrule_t WHERE a < 5;
SELECT * FROM sqlrule_t ORDER BY a;
SELECT * FROM sqlrule_log WHERE op = 'kept';
-- an action not reading OLD runs once
CREATE RULE r_del2 AS ON DELETE TO sqlrule_t WHERE true DO ALSO INSERT INTO sqlrule_log VALUES ('once', 0, NULL);
DELETE FROM sqlrule_t WHERE a = 10;
SELECT count(*) FROM sqlrule_log WHERE op = 'once';
-- a view made writable by INSTEAD rules; RETURNING comes from the rule's
CREATE VIEW sqlrule_v AS SELECT a, b FROM sqlrule_t;
CREATE RULE v_ins AS ON INSERT TO sqlrule_v DO INSTEAD
    INSERT INTO sqlrule_t VALUES (NEW.a * 100, NEW.b) RETURNING *;
INSERT INTO sqlrule_v VALUES (3, 'v') RETURNING *;
CREATE RULE v_del AS ON DELETE TO sqlrule_v DO INSTEAD NOTHING;
DELETE FROM sqlrule_v;
SELECT * FROM sqlrule_t ORDER BY a;
-- RETURNING needs an unconditional INSTEAD rule with RETURNING
DELETE FROM sqlrule_v RETURNING *;
-- errors when the rule is made
CREATE RULE r_bad AS ON INSERT TO sqlrule_t DO ALSO INSERT INTO sqlrule_log VALUES ('x', 1, 'y') RETURNING *;
CREATE RULE r_bad AS ON INSERT TO sqlrule_t WHERE NEW.a > 0 DO INSTEAD
    INSERT INTO sqlrule_log VALUES ('x', 1, 'y') RETURNING *;
CREATE RULE r_ins AS ON INSERT TO sqlrule_t DO ALSO NOTHING;
CREATE RULE r_bad AS ON UPDATE TO sqlrule_t DO INSTEAD
    WITH t AS (SELECT OLD.*) UPDATE sqlrule_log SET a = t.a FROM t;
-- rules in a data-modifying WITH
WITH t AS (DELETE FROM sqlrule_v RETURNING *) SELECT * FROM t;
WITH t AS (INSERT INTO sqlrule_t VALUES (7, 'w') RETURNING *) SELECT * FROM t;
WITH t AS (INSERT INTO sqlrule_v VALUES (8, 'w') RETURNING *) SELECT * FROM t;
-- rename and drop
ALTER RULE r_upd ON sqlrule_t RENAME TO r_upd2;
DROP RULE r_upd ON sqlrule_t;
DROP RULE r_upd2 ON sqlrule_t;
DROP RULE IF EXISTS r_upd2 ON sqlrule_t;
DROP RULE r_ins ON sqlrule_t;
DROP RULE r_del ON sqlrule_t;
DROP RULE r_del2 ON sqlrule_t;
INSERT INTO sqlrule_t VALUES (9, 'plain');
DELETE FROM sqlrule_t WHERE a = 9;
SELECT count(*) FROM sqlrule_log;
DROP VIEW sqlrule_v;
DROP TABLE sqlrule_t, sqlrule_log;
