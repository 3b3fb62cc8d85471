-- ALTER TABLE ... SET SCHEMA: the table, its indexes and its serial sequence move; the default follows.
create schema ms_a;
create schema ms_b;
create table ms_a.t (id serial primary key, v text);
insert into ms_a.t (v) values ('x');
alter table ms_a.t set schema ms_b;
insert into ms_b.t (v) values ('y');
select * from ms_b.t order by id;
select * from ms_a.t;
select pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = 'ms_b.t'::regclass;
select relname, relnamespace::regnamespace from pg_class where relname in ('t', 't_id_seq', 't_pkey') and relnamespace in ('ms_a'::regnamespace, 'ms_b'::regnamespace) order by 1;
create table ms_a.t (a int);
alter table ms_a.t set schema ms_b;
alter table ms_a.nosuch set schema ms_b;
alter table if exists ms_a.nosuch set schema ms_b;
alter table ms_a.t set schema nosuch;
drop schema ms_a cascade;
drop schema ms_b cascade;
