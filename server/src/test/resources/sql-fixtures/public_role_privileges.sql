-- has_*_privilege name PUBLIC as 'public': only what is granted to PUBLIC counts (no ownership, no superuser)
drop table if exists prp_t;
create table prp_t (a int, b int);
select has_table_privilege('public', 'prp_t', 'select');
grant select on prp_t to public;
select has_table_privilege('public', 'prp_t', 'select'), has_table_privilege('public', 'prp_t', 'insert');
select has_table_privilege('public', 'prp_t', 'select with grant option');
select has_table_privilege('public', 'prp_t'::regclass, 'select');
grant update (b) on prp_t to public;
select has_column_privilege('public', 'prp_t', 'b', 'update'), has_column_privilege('public', 'prp_t', 'a', 'update');
select has_any_column_privilege('public', 'prp_t', 'update');
select has_schema_privilege('public', 'public', 'usage'), has_schema_privilege('public', 'pg_catalog', 'create');
select has_database_privilege('public', current_database(), 'connect');
select has_function_privilege('public', 'now()', 'execute');
select has_tablespace_privilege('public', 'pg_default', 'create');
select pg_has_role('public', 'postgres', 'member');
select has_table_privilege('PUBLIC', 'prp_t', 'select');
revoke select on prp_t from public;
select has_table_privilege('public', 'prp_t', 'select');
drop table prp_t;
-- system catalogs: SELECT is granted to PUBLIC on all but those holding secrets
create role fixture_plain_reader
select has_table_privilege('fixture_plain_reader', 'pg_class', 'select'), has_table_privilege('fixture_plain_reader', 'pg_catalog.pg_class', 'insert'), has_table_privilege('fixture_plain_reader', 'pg_authid', 'select')
select has_table_privilege('fixture_plain_reader', 'information_schema.tables', 'select'), has_table_privilege('fixture_plain_reader', 'pg_class', 'select with grant option'), has_table_privilege('fixture_plain_reader', 'pg_class'::regclass, 'select'), has_table_privilege('fixture_plain_reader', 'pg_class', 'insert, select')
select has_table_privilege('pg_class', 'select'), has_table_privilege('pg_authid', 'update')
select has_table_privilege('fixture_no_such_relation', 'select')
drop role fixture_plain_reader
-- has_sequence_privilege by name
create sequence fixture_priv_seq
create role fixture_seq_user
grant usage on sequence fixture_priv_seq to fixture_seq_user
select has_sequence_privilege('fixture_seq_user', 'fixture_priv_seq', 'usage'), has_sequence_privilege('fixture_seq_user', 'public.fixture_priv_seq', 'update'), has_sequence_privilege('fixture_priv_seq', 'select'), has_sequence_privilege('fixture_seq_user', 'fixture_priv_seq'::regclass, 'usage')
select has_sequence_privilege('fixture_no_such_seq', 'usage')
drop sequence fixture_priv_seq
drop role fixture_seq_user
