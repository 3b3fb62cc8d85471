-- catalog functions, reg* types and information_schema views beyond the basic ones (names prefixed pgcf_)
drop table if exists pgcf_t
create table pgcf_t (a int primary key, b text not null, c numeric(8,3))
select regoperator('+(int4,int4)'), 'pg_catalog.||/'::regoper, to_regoperator('+(int4,int4)'), to_regoperator('++(int4,int4)'), to_regoper('pg_catalog.||/')
select regoperator('++(int4,int4)')
select regoperator('ng_catalog.+(int4,int4)')
select regclass('ng_catalog.pg_class')
select 'ng_catalog.int4'::regtype
select 'ng_catalog.now'::regproc
select to_regclass('ng_catalog.pg_class'), to_regtype('ng_catalog.int4'), to_regproc('ng_catalog.now')
select '-(NONE,int4)'::regoperator::oid, '-(NONE,int4)'::regoperator
select 'abs(numeric)'::regprocedure, 'pg_catalog.abs(numeric)'::regprocedure::oid, 'now()'::regprocedure
select 'absinthe(numeric)'::regprocedure
select '"POSIX"'::regcollation, 'pg_catalog."POSIX"'::regcollation, to_regcollation('nosuch')
select pg_size_bytes('1'), pg_size_bytes('123bytes'), pg_size_bytes(' 1 GB'), pg_size_bytes('1.5 GB '), pg_size_bytes('1e6 MB'), pg_size_bytes('99 PB'), pg_size_bytes('-.5 kB'), pg_size_bytes('1e-2 kb')
select pg_size_bytes('1 AB')
select pg_size_bytes('1 byte')
select pg_size_bytes('')
select pg_size_bytes('-.kb')
select pg_size_bytes('+912+ kB')
select pg_size_bytes('9223372036854775807.9')
select pg_size_pretty(10.5::numeric), pg_size_pretty(1000000.5::numeric), pg_size_pretty(-1000000000000000.5::numeric), pg_size_pretty(11528652096115048448::numeric), pg_size_pretty('-9223372036854775808'::bigint), pg_size_pretty('9223372036854775807'::bigint)
select pg_typeof(1), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(null::date), pg_typeof(array[1]), pg_typeof(now())
select pg_get_serial_sequence('pgcf_t', 'a')
select pg_get_serial_sequence('pgcf_t', 'nope')
select pg_get_serial_sequence('pgcf_nope', 'a')
select pg_cancel_backend(999999)
select specific_name, routine_type, data_type, type_udt_name, routine_body, external_language, is_deterministic, is_null_call, security_type from information_schema.routines where routine_name in ('abs', 'generate_series', 'now') order by 1
select count(*) > 3000 from information_schema.routines
select specific_name, ordinal_position, parameter_mode, parameter_name, data_type, udt_name, dtd_identifier from information_schema.parameters where specific_name in ('generate_series_1066', 'pg_get_keywords_1686') order by 1, 2
select grantor, grantee, table_schema, table_name, privilege_type, is_grantable, with_hierarchy from information_schema.role_table_grants where table_name = 'pgcf_t'
select grantee, privilege_type from information_schema.table_privileges where table_name = 'pgcf_t' order by 2
select grantee, privilege_type from information_schema.table_privileges where table_name = 'pg_class' order by 1, 2
select constraint_schema, check_clause from information_schema.check_constraints where constraint_name like '2200\_' || ('pgcf_t'::regclass::oid)::text || '\_%\_not\_null' order by 2
select count(*) from information_schema.views where table_name = 'pgcf_t'
select count(*) from information_schema.sequences where sequence_name like 'pgcf%'
select count(*) from information_schema.referential_constraints where constraint_name like 'pgcf%'
select c.relname, a.attname from pg_class c, pg_attribute a where a.attrelid = c.oid and c.relname = 'pgcf_t' and a.attnum > 0 order by a.attnum
select relname, relkind from pg_class where oid in ('pg_class'::regclass, 'information_schema.tables'::regclass) order by 1
select count(*) from pg_stat_activity where usename = current_user and pid = pg_backend_pid()
select datname, numbackends > 0 from pg_stat_database where datname = current_database()
drop table pgcf_t
select '{1}'::oid[] = '{1}'::oid[], array[1::oid] = '{0}', array[1.0] = array[1.00], array[1, null] = array[1, null], '{1,2}'::int[] <> '{1}', '[0:1]={1,2}'::int[] = '{1,2}'::int[]
select '1 2'::oidvector = '1 2'::oidvector, '1 2'::oidvector < '1 3'::oidvector
