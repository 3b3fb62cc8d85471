-- Arrays in unique indexes, ARRAY(SELECT array), polymorphic SQL functions, alias errors (helper arrays)
drop table if exists arr_mo_u, arr_mo_t
drop function if exists arr_mo_f(anyarray)
create table arr_mo_u (f1 int[] unique, t text[] primary key)
insert into arr_mo_u values ('{1,2,3}', '{a}'), ('{1,2}', '{b}'), ('{1,2,10}', '{a,b}'), ('{{1,2}}', '{c}'), ('[0:1]={1,2}', '{d}')
insert into arr_mo_u values ('{1,2,3}', '{e}')
insert into arr_mo_u values ('{9}', '{a,b}')
insert into arr_mo_u values (null, '{f}'), (null, '{g}')
insert into arr_mo_u values ('{NULL}', '{h}'), ('{NULL}', '{i}')
select f1 from arr_mo_u where t = '{a,b}'
select t from arr_mo_u order by f1, t
select array(select array[i, i * 10] from generate_series(1, 3) i)
select array(select array['x', i::text] from generate_series(1, 2) i)
select array(select array[i] from generate_series(1, 0) i)
select array(select case when i = 2 then null else array[i] end from generate_series(1, 3) i)
select array(select case when i = 2 then array[1, 2] else array[i] end from generate_series(1, 3) i)
select array(select '{}'::int[] from generate_series(1, 2))
select pg_typeof(array(select array[1]))
create function arr_mo_f(anyarray) returns int as $$ select array_length($1, 1) $$ language sql
drop function arr_mo_f(anyarray)
create table arr_mo_t (a int, b int)
select arr_mo_t.a from arr_mo_t t
update arr_mo_t t set b = arr_mo_t.b + 1
delete from arr_mo_t t where arr_mo_t.a > 1
select nosuch.a from arr_mo_t t
insert into arr_mo_t (a) values (default, default)
drop table arr_mo_u, arr_mo_t
