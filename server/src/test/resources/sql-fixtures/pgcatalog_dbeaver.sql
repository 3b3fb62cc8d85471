-- the catalog reads DBeaver's PostgreSQL driver makes on connect and while browsing (names prefixed pgcd_)
drop table if exists pgcd_orders
create table pgcd_orders (id int primary key, customer text not null, total numeric(12,2), placed date, code varchar(20) unique)
create index pgcd_orders_placed on pgcd_orders (placed)
SELECT db.datname, db.datistemplate, db.datallowconn FROM pg_catalog.pg_database db WHERE datallowconn AND NOT datistemplate OR db.datname = 'postgres' ORDER BY db.datname
select current_schema(), session_user, current_database()
SELECT n.nspname, d.description FROM pg_catalog.pg_namespace n LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = n.oid AND d.objsubid = 0 AND d.classoid = 'pg_namespace'::regclass WHERE n.oid < 16384 ORDER BY nspname
SELECT c.relname, c.relkind, c.relnatts, d.description, pg_catalog.pg_get_expr(c.relpartbound, c.oid) as partition_expr, pg_catalog.pg_get_partkeydef(c.oid) as partition_key FROM pg_catalog.pg_class c LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 AND d.classoid = 'pg_class'::regclass WHERE c.relnamespace = 2200 AND c.relkind not in ('i', 'I', 'c') AND c.relname like 'pgcd\_%' ORDER BY 1
SELECT c.relname, a.attname, a.attnum, a.atttypid, a.atttypmod, a.attnotnull, a.attlen, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) as def_value, dsc.description FROM pg_catalog.pg_attribute a INNER JOIN pg_catalog.pg_class c ON (a.attrelid = c.oid) LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid = ad.adrelid AND a.attnum = ad.adnum) LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid = dsc.objoid AND a.attnum = dsc.objsubid) WHERE NOT a.attisdropped AND c.relkind not in ('i', 'I', 'c') AND c.oid = 'pgcd_orders'::regclass ORDER BY a.attnum
select c.relname, pg_catalog.pg_total_relation_size(c.oid) >= pg_catalog.pg_relation_size(c.oid) as sizes_ok FROM pg_class c WHERE c.relnamespace = 2200 and c.relname like 'pgcd\_%' order by 1
SELECT c.relname, i.indisunique, i.indisprimary, i.indkey as keys, tc.relname as tabrelname, dsc.description, pg_catalog.pg_get_expr(i.indpred, i.indrelid) as pred_expr, pg_catalog.pg_get_expr(i.indexprs, i.indrelid, true) as expr, pg_catalog.pg_stat_get_numscans(i.indexrelid) >= 0 as scans FROM pg_catalog.pg_index i INNER JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid INNER JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid LEFT OUTER JOIN pg_catalog.pg_description dsc ON i.indexrelid = dsc.objoid WHERE i.indrelid = 'pgcd_orders'::regclass ORDER BY tc.relname, c.relname
SELECT c.conname, c.contype, c.conkey, t.relname as tabrelname, rt.relnamespace as refnamespace, d.description, case when c.contype = 'c' then "substring"(pg_get_constraintdef(c.oid), 7) else null end consrc_copy FROM pg_catalog.pg_constraint c INNER JOIN pg_catalog.pg_class t ON t.oid = c.conrelid LEFT OUTER JOIN pg_catalog.pg_class rt ON rt.oid = c.confrelid LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 AND d.classoid = 'pg_constraint'::regclass WHERE c.conrelid = 'pgcd_orders'::regclass ORDER BY c.conname
SELECT t.oid, t.typname, t.typtype, c.relkind, format_type(nullif(t.typbasetype, 0), t.typtypmod) as base_type_name, d.description FROM pg_catalog.pg_type t LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid = t.typelem LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid = t.typrelid LEFT OUTER JOIN pg_catalog.pg_description d ON t.oid = d.objoid WHERE t.typname IS NOT NULL AND (c.relkind IS NULL OR c.relkind = 'c') AND (et.typcategory IS NULL OR et.typcategory <> 'C') AND t.oid in (16, 23, 1043, 1007, 13226) ORDER BY t.oid
SELECT count(*) FROM pg_catalog.pg_type t LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid = t.typelem LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid = t.typrelid WHERE t.typname IS NOT NULL AND (c.relkind IS NULL OR c.relkind = 'c') AND (et.typcategory IS NULL OR et.typcategory <> 'C') AND t.typnamespace IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
SELECT p.oid, p.proname, p.pronargs, p.prorettype, p.proargtypes, d.description FROM pg_catalog.pg_proc p LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = p.oid WHERE p.pronamespace = 11 AND p.proname in ('abs', 'now', 'lower') ORDER BY p.proname, p.oid
SELECT count(*) FROM pg_catalog.pg_proc p WHERE p.pronamespace = 2200
SELECT a.rolname, a.rolsuper, a.rolinherit, a.rolcreaterole, a.rolcreatedb, a.rolcanlogin, a.rolreplication, a.rolconnlimit, a.rolbypassrls FROM pg_catalog.pg_roles a ORDER BY a.oid
SELECT am.oid, am.amname, am.amtype FROM pg_catalog.pg_am am ORDER BY am.oid
SELECT t.oid, t.spcname, t.spcowner FROM pg_catalog.pg_tablespace t ORDER BY t.oid
SELECT l.oid, l.lanname, l.lanispl, l.lanpltrusted FROM pg_catalog.pg_language l ORDER BY l.oid
SELECT e.extname, e.extversion, n.nspname FROM pg_catalog.pg_extension e, pg_catalog.pg_namespace n WHERE n.oid = e.extnamespace ORDER BY 1
select name, setting, category from pg_catalog.pg_settings where name in ('standard_conforming_strings', 'client_encoding', 'server_encoding') order by name
SELECT c.collname, c.collprovider FROM pg_catalog.pg_collation c WHERE c.oid in (100, 950, 951) ORDER BY c.oid
SELECT count(*) FROM pg_catalog.pg_trigger t WHERE t.tgrelid = 'pgcd_orders'::regclass
SELECT count(*) FROM pg_catalog.pg_inherits i WHERE i.inhparent = 'pgcd_orders'::regclass OR i.inhrelid = 'pgcd_orders'::regclass
SELECT count(*) FROM pg_catalog.pg_policy p WHERE p.polrelid = 'pgcd_orders'::regclass
SELECT count(*) FROM pg_catalog.pg_event_trigger
SELECT count(*) FROM pg_catalog.pg_publication
SELECT count(*) FROM pg_catalog.pg_sequences where sequencename like 'pgcd%'
SELECT count(*) FROM pg_catalog.pg_views where viewname like 'pgcd%'
SELECT count(*) FROM pg_catalog.pg_matviews where matviewname like 'pgcd%'
SELECT count(*) FROM pg_catalog.pg_enum where enumlabel like 'pgcd%'
SELECT count(*) FROM pg_catalog.pg_locks where relation = 'pgcd_orders'::regclass
drop table pgcd_orders
