-- System columns: tableoid, ctid, xmin, xmax, cmin, cmax in queries and RETURNING.
DROP TABLE IF EXISTS sqltest_sys;
CREATE TABLE sqltest_sys (a int PRIMARY KEY, b text);
BEGIN;
INSERT INTO sqltest_sys VALUES (1, 'x') RETURNING ctid, xmin = pg_current_xact_id()::xid AS xmin_ok, xmax, cmin, cmax;
INSERT INTO sqltest_sys VALUES (2, 'y');
SELECT a, xmin = pg_current_xact_id()::xid AS xmin_ok, xmax, cmin FROM sqltest_sys ORDER BY a;
SELECT s.ctid, s.a FROM sqltest_sys s WHERE s.ctid = '(0,1)';
COMMIT;
SELECT a, xmin <> pg_current_xact_id()::xid AS older, xmax FROM sqltest_sys ORDER BY a;
BEGIN;
UPDATE sqltest_sys SET b = 'z' WHERE a = 1 RETURNING tableoid::regclass, xmin = pg_current_xact_id()::xid AS xmin_ok, xmax;
DELETE FROM sqltest_sys WHERE a = 2 RETURNING tableoid::regclass, xmax = pg_current_xact_id()::xid AS xmax_ok;
INSERT INTO sqltest_sys VALUES (3, 'q') ON CONFLICT (a) DO NOTHING RETURNING xmin = pg_current_xact_id()::xid AS xmin_ok, xmax;
COMMIT;
SELECT t.a, u.a FROM sqltest_sys t JOIN sqltest_sys u ON t.ctid = u.ctid ORDER BY 1;
SELECT t.xmin = u.xmin AS same FROM sqltest_sys t JOIN sqltest_sys u USING (a) ORDER BY a;
SELECT count(*) FROM sqltest_sys WHERE xmax = 0;
DROP TABLE sqltest_sys;
