-- SQL functions and procedures (helper objects)
drop function if exists obj_add(int, int), obj_twice(int), obj_txt(int), obj_atomic(int), obj_named(int), obj_count(), obj_first(), obj_def(int, int), obj_ret(int), obj_q(int)
drop procedure if exists obj_p(int), obj_p2(int, text)
drop table if exists obj_ft
drop schema if exists obj_fs cascade
create table obj_ft (a int, b text)
insert into obj_ft values (1, 'x'), (2, 'y'), (3, 'z')
create function obj_add(int, int) returns int language sql immutable as $$ select $1 + $2 $$
select obj_add(2, 3), obj_add(a, 10) from obj_ft order by a
create function obj_add(int, int) returns int language sql as $$ select $1 * $2 $$
create or replace function obj_add(int, int) returns int language sql as $$ select $1 * $2 $$; select obj_add(4, 5)
create or replace function obj_add(int, int) returns bigint language sql as $$ select $1 * $2 $$
create function obj_twice(x int) returns int language sql as 'select x * 2'
select obj_twice(21), obj_twice(null)
create function obj_txt(int) returns text language sql immutable strict return $1::text || '!'
select obj_txt(5), obj_txt(null) is null
create function obj_atomic(a int) returns int language sql begin atomic select a + 1; end
select obj_atomic(41)
create function obj_named(n int) returns int language sql return obj_named.n * 3
select obj_named(3)
create function obj_def(a int, b int default 100) returns int language sql return a + b
select obj_def(1), obj_def(1, 2)
create function obj_count() returns bigint language sql stable as $$ select count(*) from obj_ft $$
select obj_count()
create function obj_first() returns text language sql as $$ select b from obj_ft order by a desc $$
select obj_first()
create function obj_q(int) returns text language sql as $$ select b from obj_ft where a = $1 $$
select obj_q(2), obj_q(9) is null
create function obj_nolang(int) returns int as 'select 1'
create function obj_noret() language sql as 'select 1'
create function obj_foo(int) returns int language foo as 'select 1'
create function obj_bad(int) returns int language sql as $$ select x from nosuch_table $$
create function obj_bad(int) returns int language sql as $$ select 'a' $$
create function obj_bad(int) returns int language sql as $$ select $2 $$
create function obj_bad(int) returns int language sql as $$ select 1, 2 $$
create function obj_bad(a int, a int) returns int language sql return 1
create function obj_bad(a int default 1, b int) returns int language sql return 1
create function nosuch_schema.obj_bad(int) returns int language sql return 1
select obj_nosuch(1)
create schema obj_fs
create function obj_fs.obj_fsf(int) returns int language sql return $1 + 1000
select obj_fs.obj_fsf(1)
select obj_fsf(1)
set local search_path = obj_fs, public; select obj_fsf(2)
drop function obj_fs.obj_fsf(int)
create procedure obj_p(x int) language sql as $$ insert into obj_ft values (x, 'p') $$
call obj_p(10)
select a, b from obj_ft where a = 10
select obj_p(1)
call obj_txt(1)
call obj_nosuch(1)
create procedure obj_p2(x int, y text default 'dflt') language sql begin atomic insert into obj_ft values (x, y); insert into obj_ft values (x + 1, y); end
call obj_p2(20)
select a, b from obj_ft where a >= 20 order by a
drop procedure obj_txt(int)
drop function obj_p(int)
drop function obj_atomic
drop function obj_atomic
drop function if exists obj_atomic(int)
drop function obj_add(text)
drop function if exists obj_add(text)
drop function obj_nosuch
drop function obj_add(int, int), obj_twice(int), obj_txt(int), obj_named(int), obj_count(), obj_first(), obj_def(int, int), obj_q(int)
drop procedure obj_p(int), obj_p2(int, text)
drop table obj_ft
drop schema obj_fs
