-- pg_catalog and information_schema as clients read them (names prefixed pgc_; no user OIDs in the answers)
drop table if exists pgc_items
drop table if exists pgc_people
create table pgc_people (id int primary key, name text not null, email varchar(80) unique, score numeric(10,2), born date, flag boolean)
create table pgc_items (item_id bigint primary key, owner int, label char(5), price double precision, tags text[])
create index pgc_items_owner on pgc_items (owner)
create unique index pgc_items_label_owner on pgc_items (label, owner)
select relname, relkind, relnatts, relhasindex, relpersistence, relam from pg_class where relname like 'pgc\_%' order by relname
select c.relname, n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname like 'pgc\_%' order by 1
select attname, atttypid, attnum, atttypmod, attnotnull, attlen, attbyval, attalign, attstorage, attcollation from pg_attribute where attrelid = 'pgc_people'::regclass order by attnum
select attname, format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'pgc_items'::regclass and attnum > 0 order by attnum
select count(*) from pg_attribute where attrelid = 'pgc_people'::regclass and attnum < 0
select i.indisunique, i.indisprimary, i.indnatts, i.indkey, i.indclass, i.indcollation, c.relname from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'pgc_items'::regclass order by c.relname
select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'pgc_items'::regclass order by 1
select pg_get_indexdef(indexrelid, 2, true) from pg_index where indrelid = 'pgc_items'::regclass and indnatts = 2
select conname, contype, conkey, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true), condeferrable from pg_constraint where conrelid = 'pgc_people'::regclass order by conname
select schemaname, tablename, tableowner, hasindexes from pg_tables where tablename like 'pgc\_%' order by 2
select schemaname, tablename, indexname, indexdef from pg_indexes where tablename like 'pgc\_%' order by 3
select 'pgc_people'::regclass, 'public.pgc_people'::regclass::text, 'pg_class'::regclass, 'pg_catalog.pg_class'::regclass::oid
select 'pgc_nope'::regclass
select to_regclass('pgc_people'), to_regclass('pgc_nope'), to_regclass('pg_type')::oid
select 1259::regclass, 0::regclass, 'int4'::regtype, 'integer'::regtype::oid, 'character varying'::regtype, 'text[]'::regtype
select 'nosuchtype'::regtype
select to_regtype('integer'), to_regtype('nosuch'), 'now'::regproc, 'sum(int4)'::regprocedure, 'sum(int4)'::regprocedure::oid
select 'pg_catalog'::regnamespace, 'public'::regnamespace::oid, 'postgres'::regrole, 10::regrole, to_regnamespace('nope'), to_regrole('nope')
select 'nosuchschema'::regnamespace
select 'abs'::regproc
select oid, nspname, nspowner from pg_namespace where oid < 16384 order by oid
select nspname from pg_namespace where oid = 'information_schema'::regnamespace
select pg_table_is_visible('pgc_people'::regclass), pg_table_is_visible('pg_class'::regclass), pg_type_is_visible(23)
select current_schema(), current_schemas(false), current_schemas(true)
select format_type(1043, 84), format_type(1043, -1), format_type(1043, null), format_type(1042, null), format_type(1042, -1), format_type(1700, 655366), format_type(1009, -1), format_type(1184, 3), format_type(null, 1), format_type(1083, null)
select pg_get_userbyid(10), pg_get_userbyid(12345)
select rolname, rolsuper, rolcanlogin, oid from pg_roles where rolname = 'postgres'
select count(*) from pg_roles where rolname like 'pg\_%'
select usename, usesuper from pg_user where usename = 'postgres'
select datname, datistemplate, datallowconn, encoding, pg_encoding_to_char(encoding) from pg_database where datname in ('postgres', 'template0', 'template1') order by 1
select oid, datname from pg_database where datname in ('postgres', 'template1', 'template0') order by oid
select typname, typlen, typtype, typcategory, typelem, typarray, typinput, typoutput from pg_type where oid in (16, 23, 25, 1043, 1007, 2205) order by oid
select typname from pg_type where typname = 'int4' and typnamespace = 'pg_catalog'::regnamespace
select proname, pronargs, prorettype::regtype, proargtypes, prokind, proretset from pg_proc where oid in (1242, 2108, 1299, 2275) order by oid
select pg_get_function_arguments(oid), pg_get_function_result(oid), pg_get_function_identity_arguments(oid) from pg_proc where proname in ('generate_series', 'pg_get_keywords', 'substr', 'format_type') order by proname, oid
select oprname, oprleft::regtype, oprright::regtype, oprresult::regtype, oprcode from pg_operator where oid in (96, 98, 664)
select castsource::regtype, casttarget::regtype, castcontext, castmethod from pg_cast where castsource = 'int4'::regtype order by casttarget
select amname, amtype from pg_am order by oid
select opcname, opcintype::regtype from pg_opclass where opcmethod = 403 and opcintype in (23, 25) order by 1
select collname, collprovider from pg_collation where oid in (100, 950, 951)
select lanname, lanpltrusted from pg_language order by oid
select extname, extversion, extrelocatable from pg_extension
select spcname from pg_tablespace order by oid
select description from pg_description where objoid = 'pg_class'::regclass and classoid = 'pg_class'::regclass
select obj_description('pg_class'::regclass, 'pg_class'), obj_description(2200, 'pg_namespace'), col_description('pgc_people'::regclass, 1), obj_description('pgc_people'::regclass, 'pg_class')
select shobj_description(oid, 'pg_database') from pg_database where datname = 'postgres'
select name, setting, unit, vartype, context from pg_settings where name in ('work_mem', 'search_path', 'DateStyle', 'TimeZone') order by name
select count(*) > 100 from pg_settings
select has_table_privilege('pgc_people', 'select'), has_schema_privilege('public', 'create'), has_database_privilege('postgres', 'connect'), pg_has_role('postgres', 'member'), has_function_privilege('now()', 'execute')
select pg_size_pretty(0::bigint), pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint), pg_size_pretty(20971519::bigint), pg_size_pretty(-123456789::bigint), pg_size_pretty(1099511627776::bigint), pg_size_pretty(123456789012345::numeric)
select pg_relation_size('pgc_people'), pg_relation_size('pgc_people', 'fsm'), pg_total_relation_size('pgc_people') >= 0, pg_indexes_size('pgc_items') > 0, pg_table_size('pgc_items') >= 0
select pg_database_size('postgres') > 0, pg_database_size(current_database()) = pg_database_size('postgres')
select pg_current_wal_lsn() > '0/0'::pg_lsn, pg_postmaster_start_time() <= now(), pg_is_in_recovery()
select txid_current() > 0
select count(*) from pg_stat_activity where pid = pg_backend_pid() and state = 'active' and datname = current_database()
select table_catalog = current_database(), table_schema, table_name, table_type, is_insertable_into from information_schema.tables where table_name like 'pgc\_%' order by table_name
select table_schema, table_name, table_type from information_schema.tables where table_name in ('pg_class', 'tables', 'pg_tables') order by 1, 2
select column_name, ordinal_position, is_nullable, data_type, character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, udt_schema, udt_name, dtd_identifier, is_updatable from information_schema.columns where table_name = 'pgc_people' order by ordinal_position
select column_name, data_type, udt_name, character_maximum_length from information_schema.columns where table_name = 'pgc_items' order by ordinal_position
select schema_name, schema_owner from information_schema.schemata where schema_name in ('public', 'pg_catalog', 'information_schema', 'pg_toast') order by 1
select constraint_name, table_name, constraint_type, is_deferrable, initially_deferred, enforced from information_schema.table_constraints where table_name like 'pgc\_%' and constraint_type <> 'CHECK' order by 1
select count(*) from information_schema.table_constraints where table_name = 'pgc_people' and constraint_type = 'CHECK'
select constraint_name, table_name, column_name, ordinal_position from information_schema.key_column_usage where table_name like 'pgc\_%' order by 1, 4
select table_name, column_name, constraint_name from information_schema.constraint_column_usage where table_name like 'pgc\_%' order by 3, 2
select count(*) from pg_class where relname = 'pg_attribute' and relkind = 'r' and relnamespace = 11
select count(*) from pg_attribute a join pg_class c on c.oid = a.attrelid where c.relname = 'pg_class' and a.attnum > 0
select relname from pg_class where oid = 'pg_class'::regclass
select attname, atttypid::regtype from pg_attribute where attrelid = 'pg_namespace'::regclass and attnum > 0 order by attnum
select count(*) from pg_inherits where inhrelid = 'pgc_people'::regclass
select count(*) from pg_trigger where tgrelid = 'pgc_people'::regclass
select count(*) from pg_rewrite where ev_class = 'pgc_people'::regclass
select n.nspname, c.relname from pg_catalog.pg_class c left join pg_catalog.pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p', '') and n.nspname <> 'pg_catalog' and n.nspname !~ '^pg_toast' and n.nspname <> 'information_schema' and pg_catalog.pg_table_is_visible(c.oid) and c.relname like 'pgc\_%' order by 1, 2
select c.relname from pg_catalog.pg_class c where c.relname operator(pg_catalog.~) '^(pgc_people)$' collate pg_catalog.default and pg_catalog.pg_table_is_visible(c.oid)
select 'a' collate "C", 'b' collate pg_catalog.default
select 1 collate "C"
select 'a' collate nosuch
select array_to_string(array[1, 2, null, 4], ','), array_to_string(array['a', null, 'c'], '-', '*'), array_to_string('{}'::int[], ',')
drop table pgc_items
drop table pgc_people
select count(*) from pg_class where relname like 'pgc\_%'
