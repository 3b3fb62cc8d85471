-- COMMENT ON ROLE: stored in pg_shdescription, read by shobj_description and psql's \du+
create role fixture_commented_role
comment on role fixture_commented_role is 'reads the reports'
select shobj_description('fixture_commented_role'::regrole, 'pg_authid')
select r.rolname, d.description from pg_roles r join pg_shdescription d on d.objoid = r.oid and d.classoid = 'pg_authid'::regclass where r.rolname = 'fixture_commented_role'
comment on role fixture_commented_role is null
select shobj_description('fixture_commented_role'::regrole, 'pg_authid') is null
comment on role fixture_no_such_role is 'x'
drop role fixture_commented_role
