-- STORED generated columns: computed on INSERT, UPDATE and ON CONFLICT; non-DEFAULT values refused
drop table if exists gcol_t;
create table gcol_t (a int primary key, b int generated always as (a * 2) stored, c text);
insert into gcol_t values (1, default, 'x');
insert into gcol_t (a, c) values (2, 'y');
insert into gcol_t values (3, 5, 'z');
select * from gcol_t order by a;
update gcol_t set a = 10 where a = 1;
select * from gcol_t order by a;
update gcol_t set b = 3;
insert into gcol_t (a, c) values (2, 'w') on conflict (a) do update set a = 20;
select * from gcol_t order by a;
select attname, attgenerated from pg_attribute where attrelid = 'gcol_t'::regclass and attnum > 0 order by attnum;
create table gcol_bad (a int, b int generated always as (a) stored, c int generated always as (b + 1) stored);
drop table gcol_t;
-- ALTER TABLE ADD COLUMN ... GENERATED computes the column for the rows already there
create table gcol_add (a int);
insert into gcol_add values (1), (2);
alter table gcol_add add column b int generated always as (a * 2) stored;
select * from gcol_add order by a;
update gcol_add set a = 10 where a = 1;
select * from gcol_add order by a;
alter table gcol_add add column c int generated always as (b * 2) stored;
drop table gcol_add;
