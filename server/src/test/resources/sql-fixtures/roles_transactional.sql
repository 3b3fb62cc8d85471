-- role DDL is transactional: seen by the transaction itself, undone by ROLLBACK (TO SAVEPOINT); each line is one session's work
drop role if exists rtx_a, rtx_b, rtx_c, rtx_d, rtx_g
create role rtx_g
begin; create role rtx_a; select rolname from pg_roles where rolname like 'rtx%' order by 1
rollback; select rolname from pg_roles where rolname like 'rtx%' order by 1
begin; create role rtx_a login; set local role rtx_a; select current_user, session_user; rollback
select count(*) from pg_roles where rolname = 'rtx_a'
begin; create role rtx_a in role rtx_g; select r.rolname, m.rolname from pg_auth_members a join pg_roles r on r.oid = a.roleid join pg_roles m on m.oid = a.member where m.rolname like 'rtx%'; rollback
select count(*) from pg_auth_members a join pg_roles m on m.oid = a.member where m.rolname like 'rtx%'
begin; drop role rtx_g; select count(*) from pg_roles where rolname = 'rtx_g'; rollback; select count(*) from pg_roles where rolname = 'rtx_g'
begin; alter role rtx_g rename to rtx_b; select rolname from pg_roles where rolname like 'rtx%' order by 1; rollback; select rolname from pg_roles where rolname like 'rtx%' order by 1
begin; alter role rtx_g createdb connection limit 3; select rolcreatedb, rolconnlimit from pg_roles where rolname = 'rtx_g'; rollback; select rolcreatedb, rolconnlimit from pg_roles where rolname = 'rtx_g'
begin; create role rtx_a; savepoint s; create role rtx_b; drop role rtx_g; rollback to savepoint s; create role rtx_c; commit
select rolname from pg_roles where rolname like 'rtx%' order by 1
begin; grant rtx_g to rtx_a; savepoint s; grant rtx_g to rtx_c; rollback to savepoint s; commit; select r.rolname, m.rolname from pg_auth_members a join pg_roles r on r.oid = a.roleid join pg_roles m on m.oid = a.member where m.rolname like 'rtx%' order by 2
begin; revoke rtx_g from rtx_a; rollback; select count(*) from pg_auth_members a join pg_roles m on m.oid = a.member where m.rolname like 'rtx%'
begin; create role rtx_d; create role rtx_d
rollback; begin; create role rtx_d; alter role rtx_d rename to rtx_a
rollback; begin; create role rtx_d; drop role rtx_d; drop role rtx_d
rollback; begin; create role rtx_d; savepoint s; drop role rtx_d; rollback to savepoint s; select count(*) from pg_roles where rolname = 'rtx_d'; rollback
rollback; create role rtx_d; create role rtx_d
rollback; select count(*) from pg_roles where rolname = 'rtx_d'
rollback; drop role rtx_a, rtx_c, rtx_g
rollback; select rolname from pg_roles where rolname like 'rtx%' order by 1
