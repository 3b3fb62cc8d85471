-- Row types of tables, views and composite types in pg_type and pg_class; range constructors in pg_proc (no OIDs printed).
DROP SCHEMA IF EXISTS sqltest_rowtypes CASCADE;
CREATE SCHEMA sqltest_rowtypes;
SET search_path = sqltest_rowtypes, public;
CREATE TABLE rt_tab (a int, b text);
CREATE VIEW rt_view AS SELECT a FROM rt_tab;
CREATE TYPE rt_comp AS (x int, y text);
CREATE TYPE rt_range AS RANGE (subtype = int8);
SELECT relname, relkind, reltype::regtype, relnatts, relhasrules, relam, relfilenode <> 0 AS has_file
  FROM pg_class WHERE relnamespace = 'sqltest_rowtypes'::regnamespace ORDER BY relname;
SELECT typname, typtype, typrelid::regclass, typelem::regtype, typinput::regproc, typoutput::regproc, typreceive::regproc,
       typsend::regproc, typlen, typbyval, typcategory, typalign, typstorage, typsubscript, typdelim, typisdefined
  FROM pg_type WHERE typnamespace = 'sqltest_rowtypes'::regnamespace AND typname IN ('rt_tab', '_rt_tab', 'rt_comp', '_rt_comp', 'rt_view')
  ORDER BY typname;
SELECT t.typname, a.typname AS array_name FROM pg_type t JOIN pg_type a ON a.oid = t.typarray
  WHERE t.typnamespace = 'sqltest_rowtypes'::regnamespace AND t.typname IN ('rt_tab', 'rt_comp') ORDER BY 1;
SELECT attrelid::regclass, attname, attnum, atttypid::regtype, attlen, attnotnull, attalign, attstorage, attisdropped
  FROM pg_attribute WHERE attrelid = 'rt_comp'::regclass ORDER BY attnum;
SELECT 'rt_tab'::regtype, 'rt_tab'::regtype::oid = (SELECT reltype FROM pg_class WHERE oid = 'rt_tab'::regclass) AS same,
       'rt_tab'::regtype::oid <> 'rt_tab'::regclass::oid AS own_oid, format_type('rt_tab'::regtype, NULL),
       '_rt_tab'::regtype, pg_type_is_visible('rt_tab'::regtype), 'rt_comp'::regclass;
SELECT (SELECT typrelid FROM pg_type WHERE oid = 'rt_comp'::regtype) = 'rt_comp'::regclass::oid AS comp_rel;
INSERT INTO rt_tab VALUES (1, 'a');
SELECT pg_typeof(rt_tab), rt_tab, pg_typeof(ROW(2, 'x')::rt_tab), (ROW(2, 'x')::rt_tab).b FROM rt_tab;
SELECT pg_typeof(t.*)::oid = 'rt_tab'::regtype::oid AS whole_row FROM rt_tab t;
CREATE TABLE rt_holder (x rt_tab, y rt_tab[]);
INSERT INTO rt_holder SELECT rt_tab, ARRAY[rt_tab] FROM rt_tab;
SELECT (x).a, pg_typeof(x), pg_typeof(y), y FROM rt_holder;
ALTER TABLE rt_holder RENAME TO rt_holder2;
SELECT typname FROM pg_type WHERE typnamespace = 'sqltest_rowtypes'::regnamespace AND typname LIKE '%holder%' ORDER BY 1;
ALTER TABLE rt_tab ADD COLUMN c int;
SELECT rt_tab FROM rt_tab;
SELECT p.proname, p.prorettype::regtype, pg_get_function_arguments(p.oid), p.prosrc, p.proisstrict, p.provolatile,
       p.proparallel, p.pronargs, p.provariadic::regtype, p.prolang
  FROM pg_proc p WHERE p.pronamespace = 'sqltest_rowtypes'::regnamespace ORDER BY p.proname, p.pronargs, p.prosrc;
SELECT rngtypid::regtype, rngsubtype::regtype, rngmultitypid::regtype, opc.opcname
  FROM pg_range r JOIN pg_opclass opc ON opc.oid = r.rngsubopc WHERE rngtypid = 'rt_range'::regtype;
SELECT routine_name, data_type FROM information_schema.routines WHERE routine_schema = 'sqltest_rowtypes' ORDER BY 1, 2;
\df sqltest_rowtypes.*
\dT sqltest_rowtypes.*
\dT+ sqltest_rowtypes.rt_comp
DROP TYPE rt_range;
SELECT count(*) FROM pg_proc WHERE pronamespace = 'sqltest_rowtypes'::regnamespace;
DROP TABLE rt_holder2;
DROP TYPE rt_comp;
SELECT count(*) FROM pg_class WHERE relname = 'rt_comp';
DROP TABLE rt_tab CASCADE;
SELECT count(*) FROM pg_type WHERE typnamespace = 'sqltest_rowtypes'::regnamespace;
RESET search_path;
DROP SCHEMA sqltest_rowtypes CASCADE;
