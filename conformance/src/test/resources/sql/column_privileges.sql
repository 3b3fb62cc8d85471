-- Column privileges: GRANT/REVOKE on column lists, the per-column check of what a statement reads and writes, error
-- details that show only what the role may see, and the catalog's view of the grants.
DROP TABLE IF EXISTS cp_t, cp_key;
DROP ROLE IF EXISTS cp_user;
CREATE ROLE cp_user;
CREATE TABLE cp_t (one int, two int UNIQUE, three int, four int UNIQUE);
INSERT INTO cp_t VALUES (1, 2, 3, 4);
GRANT SELECT (one, two), INSERT (two, three), UPDATE (three) ON cp_t TO cp_user;
GRANT DELETE (one) ON cp_t TO cp_user;
GRANT SELECT (nosuch) ON cp_t TO cp_user;
GRANT USAGE (one) ON SCHEMA public TO cp_user;
SELECT attname, attacl FROM pg_attribute WHERE attrelid = 'cp_t'::regclass AND attnum > 0 ORDER BY attnum;
SELECT column_name, privilege_type, is_grantable FROM information_schema.column_privileges
  WHERE table_name = 'cp_t' AND grantee = 'cp_user' ORDER BY 1, 2;
SET ROLE cp_user;
SELECT one, two FROM cp_t;
SELECT count(*) FROM cp_t;
SELECT * FROM cp_t;
SELECT cp_t FROM cp_t;
SELECT one FROM cp_t WHERE three = 3;
SELECT one FROM cp_t ORDER BY four;
INSERT INTO cp_t (two, three) VALUES (5, 6);
INSERT INTO cp_t (two, three) VALUES (7, 8) RETURNING two;
INSERT INTO cp_t (two, three) VALUES (9, 10) RETURNING three;
INSERT INTO cp_t (one) VALUES (1);
INSERT INTO cp_t VALUES (11);
UPDATE cp_t SET three = 30 WHERE two = 2;
UPDATE cp_t SET three = three + 1;
UPDATE cp_t SET one = 1;
DELETE FROM cp_t WHERE two = 2;
INSERT INTO cp_t (two) VALUES (2);
INSERT INTO cp_t (two) VALUES (6) ON CONFLICT (two) DO UPDATE SET three = 10;
INSERT INTO cp_t (two) VALUES (6) ON CONFLICT (two) DO UPDATE SET three = excluded.one;
INSERT INTO cp_t (two) VALUES (6) ON CONFLICT (two) DO UPDATE SET three = excluded.three;
INSERT INTO cp_t (two) VALUES (6) ON CONFLICT (four) DO UPDATE SET three = 10;
SELECT has_column_privilege('cp_t', 'one', 'SELECT'), has_column_privilege('cp_t', 'three', 'SELECT'),
       has_column_privilege('cp_t', 3::int2, 'UPDATE'), has_any_column_privilege('cp_t', 'INSERT'),
       has_any_column_privilege('cp_t', 'REFERENCES');
RESET ROLE;
SELECT has_column_privilege('cp_user', 'cp_t', 'four', 'select'), has_column_privilege('cp_t', 'nosuch', 'select');
SELECT has_column_privilege('cp_t', 99::int2, 'select'), has_column_privilege(9999, 1::int2, 'select');
SELECT has_column_privilege('cp_t', 'one', 'delete');
-- a key the role may not read is not shown
CREATE TABLE cp_key (a int, b int, c int CHECK (c > 0), UNIQUE (b));
INSERT INTO cp_key VALUES (1, 1, 1);
GRANT SELECT (a), INSERT ON cp_key TO cp_user;
SET ROLE cp_user;
INSERT INTO cp_key VALUES (2, 1, 1);
INSERT INTO cp_key (a, c) VALUES (2, -1);
RESET ROLE;
GRANT SELECT (b) ON cp_key TO cp_user;
SET ROLE cp_user;
INSERT INTO cp_key VALUES (2, 1, 1);
RESET ROLE;
-- REVOKE on the table takes the privilege from its columns too; dropping a column drops its grants
REVOKE SELECT ON cp_t FROM cp_user;
SELECT attname, attacl FROM pg_attribute WHERE attrelid = 'cp_t'::regclass AND attnum > 0 ORDER BY attnum;
REVOKE ALL (three) ON cp_t FROM cp_user;
ALTER TABLE cp_t DROP COLUMN two;
SELECT attname, attacl FROM pg_attribute WHERE attrelid = 'cp_t'::regclass AND attnum > 0 AND attacl IS NOT NULL
  AND NOT attisdropped;
REVOKE ALL ON cp_t, cp_key FROM cp_user;
DROP TABLE cp_t, cp_key;
DROP ROLE cp_user;
