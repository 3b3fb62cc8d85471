-- a transaction's own catalog after DDL and ROLLBACK TO SAVEPOINT (helper ddl); each line is one session's work
drop table if exists ddl_sp1
begin; create table ddl_sp1 (a int); savepoint s; alter table ddl_sp1 add column b int; select count(*) from pg_attribute where attrelid = 'ddl_sp1'::regclass and attnum > 0
rollback; begin; create table ddl_sp1 (a int); savepoint s; alter table ddl_sp1 add column b int; rollback to savepoint s; select count(*) from pg_attribute where attrelid = 'ddl_sp1'::regclass and attnum > 0
rollback; begin; create table ddl_sp1 (a int); savepoint s; alter table ddl_sp1 add column b int; rollback to savepoint s; insert into ddl_sp1 values (1); commit; select * from ddl_sp1
select attname from pg_attribute where attrelid = 'ddl_sp1'::regclass and attnum > 0 order by attnum
begin; savepoint s; drop table ddl_sp1; rollback to savepoint s; select count(*) from ddl_sp1
rollback; drop table ddl_sp1
