-- a new type may take the name of an array type: the array type moves to the next free name (__name, ___name ...)
drop table if exists val_ct_tab;
drop type if exists _val_ct, val_ct cascade;
create type val_ct as (f1 int, f2 text);
create table val_ct_tab (c1 val_ct, c2 val_ct[]);
insert into val_ct_tab values (row(1, 'foo'), array[row(2, 'bar')::val_ct, row(3, 'baz')::val_ct]);
create type _val_ct as enum ('fooey');
select typname, typelem = 'val_ct'::regtype from pg_type where typname like '%val\_ct' order by 1;
select c1, c2, c2[2].f2 from val_ct_tab;
select '{fooey}'::___val_ct, '{"(1,a)"}'::__val_ct, pg_typeof('{fooey}'::___val_ct);
select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'val_ct_tab'::regclass and attname = 'c2';
create type val_ct as enum ('x');
drop type _val_ct;
drop table val_ct_tab;
drop type val_ct;
-- DROP TYPE ... CASCADE drops the domains over the type (and over those)
create type val_dt as (if1 int, if2 text[]);
create domain val_dd as val_dt check ((value).if1 is not null);
create domain val_dd2 as val_dd;
create domain val_dda as val_dt[];
drop type val_dt;
drop type val_dt cascade;
select count(*) from pg_type where typname in ('val_dt', 'val_dd', 'val_dd2', 'val_dda');
create type val_dt as (if1 int);
create domain val_dd as val_dt;
drop type val_dt cascade;
