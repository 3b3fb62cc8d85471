-- storage parameters are kept in pg_class.reloptions in PostgreSQL's order; toast_tuple_target is range-checked
drop table if exists val_ro;
create table val_ro (id int, t text) with (fillfactor = 70);
select reloptions from pg_class where relname = 'val_ro';
alter table val_ro set (fillfactor = 50, autovacuum_enabled);
select reloptions from pg_class where relname = 'val_ro';
alter table val_ro set (toast_tuple_target = 4080, fillfactor = 60);
select reloptions from pg_class where relname = 'val_ro';
alter table val_ro reset (fillfactor, nosuch);
select reloptions from pg_class where relname = 'val_ro';
alter table val_ro reset (autovacuum_enabled, toast_tuple_target);
select reloptions is null from pg_class where relname = 'val_ro';
alter table val_ro set (toast_tuple_target = 10);
alter table val_ro set (toast_tuple_target = 'abc');
-- a table with a variable-length column has a TOAST relation, one without has none
select reltoastrelid <> 0 from pg_class where relname = 'val_ro';
drop table if exists val_ro_ints;
create table val_ro_ints (a int, b float8);
select reltoastrelid from pg_class where relname = 'val_ro_ints';
drop table val_ro_ints;
-- values longer than the tuple target go out of line; a higher target keeps them in the row
alter table val_ro alter column t set storage external;
insert into val_ro values (1, repeat('1234567890', 300));
select pg_relation_size(reltoastrelid) = 0 as is_empty from pg_class where relname = 'val_ro';
-- TRUNCATE gives the table new, empty storage (its out-of-line values go too)
truncate val_ro;
select pg_relation_size(reltoastrelid) = 0 as is_empty, pg_relation_size(oid) from pg_class where relname = 'val_ro';
select count(*) from val_ro;
drop table if exists val_ro2;
create table val_ro2 (t text) with (toast_tuple_target = 4080);
alter table val_ro2 alter column t set storage external;
insert into val_ro2 values (repeat('1234567890', 300));
select pg_relation_size(reltoastrelid) = 0 as is_empty from pg_class where relname = 'val_ro2';
select length(t) from val_ro2;
drop table val_ro2;
drop table val_ro;
