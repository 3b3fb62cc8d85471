-- Assignment through subscripts, slices and fields in INSERT/UPDATE targets, SET (a, b) = ..., array containment,
-- width_bucket over thresholds (helper arrays)
drop table if exists arr_as, arr_as_c, arr_as_d, arr_as_p, arr_as_m
drop type if exists arr_as_t cascade
drop domain if exists arr_as_nn
create type arr_as_t as (x int, y text[])
create domain arr_as_nn as int[] check (value[1] is not null and value[2] is not null)
create table arr_as (id int, a int[], b int[], v varchar(3)[], c char(3)[])
insert into arr_as (id, a[1], a[2]) values (1, 10, 20), (2, 30, 40) returning *
insert into arr_as (id, a[1:3], b[2:3][1:2]) values (3, '{1,2,3,4}', '{{1,2},{3,4}}') returning *
insert into arr_as (id, a[1], a[2]) select 4, 7, 8 returning *
insert into arr_as (id, a[0]) values (5, 0) returning id, a, array_dims(a)
insert into arr_as (id, a, a[1]) values (6, '{1}', 2)
insert into arr_as (id, a[1], a) values (6, 2, '{1}')
insert into arr_as (id, a[1]) values (6, default)
insert into arr_as (id, a[2]) values (6, now())
insert into arr_as (id, a[1:2]) values (6, 5)
insert into arr_as (id, c) values (6, '{toolong}')
insert into arr_as (id, c) values (6, '{ab}') returning c
insert into arr_as (id, v[1]) values (6, 'abcd')
insert into arr_as (id, v) values (7, '{a,b,c}') returning *
insert into arr_as (id, a) values (1, 2, 3)
insert into arr_as (id, a, b) values (1, 2)
update arr_as set a[5] = 50 where id = 1 returning a
update arr_as set a[-1] = -10, a[0] = 0 where id = 1 returning a
update arr_as set a[2:3] = '{21,31}' where id = 1 returning a
update arr_as set a[:2] = '{8,9}', b[1:1] = '{5}' where id = 2 returning a, b
update arr_as set a[2:] = '{7,7,7,7}' where id = 2 returning a
update arr_as set a[:] = '{1}' where id = 2 returning a
update arr_as set b[:] = '{1}' where id = 1
update arr_as set a[null] = 1 where id = 1
update arr_as set a[1:null] = '{1}' where id = 1
update arr_as set b[3][1] = 9 where id = 3
update arr_as set b[2][1] = 9 where id = 3 returning b
update arr_as set b[1] = 9 where id = 3
update arr_as set b[2:3][2] = '{7,7}' where id = 3 returning b
update arr_as set b[2:3] = '{1}' where id = 3
update arr_as set a = '{1}', a[2] = 2 where id = 4
update arr_as set a[1] = 5, a[1] = 6 where id = 4 returning a
update arr_as set a[2147483647] = 1 where id = 4
update arr_as set a[1:2147483647] = '{}' where id = 4
update arr_as set a[1][2] = 1 where id = 4
update arr_as set v[2] = 'toolong' where id = 7
update arr_as set id.x = 1
update arr_as set id[1] = 1
select ('{}'::int[])[1][2][3][4][5][6][7]
select id, a, b, v, c from arr_as order by id
create table arr_as_c (id int, c arr_as_t, d arr_as_t[])
insert into arr_as_c (id, c.x, c.y[2]) values (1, 5, 'q') returning *
insert into arr_as_c (id, d[2].x, d[2].y[1]) values (2, 6, 'r') returning *
insert into arr_as_c (id, c.z) values (3, 1)
insert into arr_as_c (id, c.x) values (3, 'a')
insert into arr_as_c (id, c.y) values (3, 1)
insert into arr_as_c (id, c.x) values (3, default)
update arr_as_c set c.x = c.x + 1, c.y[1] = 'p' returning *
update arr_as_c set d[1].x = 3, d[2].y[3] = 's' where id = 2 returning *
update arr_as_c set c = null, c.x = 1
update arr_as_c set c.x.z = 1
create table arr_as_d (id int, n arr_as_nn)
insert into arr_as_d (id, n[1], n[2]) values (1, 1, 2) returning *
insert into arr_as_d (id, n[1]) values (2, 1)
update arr_as_d set n[1] = null
update arr_as_d set n[1] = 3, n[2] = 4 returning *
create table arr_as_p (id int, p point)
insert into arr_as_p (id, p[0]) values (1, 1) returning *
insert into arr_as_p values (2, '(1,2)')
update arr_as_p set p[1] = 5 where id = 2 returning *
update arr_as_p set p[0] = null where id = 2 returning *
update arr_as_p set p[2] = 5 where id = 2
update arr_as_p set p[0] = 5, p[1] = 6 where id = 2 returning *
select p[0], p[1], p[2] from arr_as_p order by id
select p[0:1] from arr_as_p
create table arr_as_m (a int, b int, c text default 'dflt')
insert into arr_as_m values (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z')
update arr_as_m set (b, c) = (b + 1, 'w') where a = 1 returning *
update arr_as_m set (b, c) = (select a * 100, 'sub' || a from arr_as_m s where s.a = arr_as_m.a) where a = 2 returning *
update arr_as_m set (b, c) = (select 1, 'none' where false) where a = 3 returning *
update arr_as_m set (b, c) = (select a, c from arr_as_m)
update arr_as_m set (b, c) = (select 1)
update arr_as_m set (b, c) = ROW(v.*) from (values (7, 'seven')) v(i, j) where a = 1 returning a, b, c
update arr_as_m set (b, c) = (v.*) from (values (7, 'seven')) v(i, j)
update arr_as_m set (b, c) = ROW(1, 2, 3)
update arr_as_m set (b, c) = (default, default) where a = 1 returning *
update arr_as_m set (c) = row('one') where a = 1 returning *
update arr_as_m set (b, b) = (1, 2)
select * from arr_as_m order by a
select '{1,2,3}'::int[] @> '{3,1}', '{1,2,3}'::int[] @> '{4}', '{1,2}'::int[] <@ '{1,2,3}', '{1,4}'::int[] <@ '{1,2,3}'
select '{1,2}'::int[] && '{2,9}', '{1,2}'::int[] && '{8,9}', '{1,NULL}'::int[] @> '{NULL}', '{}'::int[] <@ '{NULL}', '{1}'::int[] @> '{}'
select '{{a,b},{c,d}}'::text[] @> '{d,a}', '{a}'::text[] && '{{b,a}}', '{1.0}'::numeric[] <@ '{1,2}', '{1}'::int8[] && '{1}'
select width_bucket(5, array[1, 3, 5, 10]), width_bucket(0, array[1, 3]), width_bucket(99, array[1, 3]), width_bucket(5, '{}')
select width_bucket(2.5::numeric, array[1, 2.5, 3]::numeric[]), width_bucket('NaN'::float8, array[1, 'NaN']::float8[]), width_bucket('b'::text, array['a', 'c'])
select width_bucket(5, array[3, null])
select width_bucket(5, array[[1, 2], [3, 4]])
drop table arr_as, arr_as_c, arr_as_d, arr_as_p, arr_as_m
drop type arr_as_t
drop domain arr_as_nn
