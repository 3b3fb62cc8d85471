drop table if exists ut_people
drop table if exists ut_pt
drop type if exists ut_complex cascade
drop type if exists ut_pair cascade
create type ut_complex as (r float8, i float8)
create type ut_pair as (a int, b text)
create type ut_pair as (x int)
select row(1, 'a b', null), (1, 2), row()
select row(1, 'a')::ut_pair, (2, 'x,y')::ut_pair, row(1.5, 2)::ut_complex
select row(1, 'a', 3)::ut_pair
select (row(1, 'a')::ut_pair).b, (row(3, 'z')::ut_pair).a + 1
select (row(1, 'a')::ut_pair).nosuch
select row(1, 2) = row(1, 2), row(1, 2) <> row(1, 3), row(1, 2) < row(1, 3), row(2, 1) > row(1, 9), row(1, null) = row(1, 2)
select row(1, null) is distinct from row(1, null), row(1, 2) is distinct from row(1, null), row(1, 2) is not distinct from row(1, 2)
select row(null, null) is null, row(1, null) is null, row(1, null) is not null, row(1, 2) is not null
select row(1, 2) in (row(3, 4), row(1, 2)), (1, 2) not in ((1, 2))
select row(1, 2) = row(1, 2, 3)
select '(1,hello)'::ut_pair, '(,)'::ut_pair, '(5,"a ""q"" \\ b")'::ut_pair
select '(1,2,3)'::ut_pair
select 'x'::ut_pair
create table ut_people (id int, p ut_pair, c ut_complex)
insert into ut_people values (1, row(10, 'ten'), row(1, 2)), (2, '(20,twenty)', null), (3, null, '(0.5,-1)')
select * from ut_people order by id
select id, (p).a, (p).b, (c).r from ut_people order by id
select id from ut_people where p = row(10, 'ten')::ut_pair
select ut_people from ut_people order by id
select t from ut_people t where id = 2
select (t).p, (t).id from ut_people t order by 2
update ut_people set p = row(11, 'eleven') where id = 1
select p from ut_people where id = 1
select row(1, 'a')::ut_pair = row(1, 'a')::ut_pair, row(1, 'a')::ut_pair < row(1, 'b')::ut_pair
create table ut_pt (a int, b text)
insert into ut_pt values (1, 'one'), (2, 'two')
select ut_pt from ut_pt order by a
select row(a, b)::ut_pt from ut_pt order by a
select (ut_pt).b from ut_pt order by a
select pg_typeof(row(1, 2)), pg_typeof(row(1, 'a')::ut_pair)
select typname, typtype, typcategory from pg_type where typname in ('ut_pair', '_ut_pair')  order by 1
update ut_people set p.b = 'changed' where id = 2
update ut_people set c.r = 9, c.i = (c).r + 1 where id = 3
select id, p, c from ut_people order by id
select row_to_json(ut_people) from ut_people order by id
select row_to_json(row(1, 'a b')), to_jsonb(row(1, 'x')::ut_pair), to_json(row(2, null)::ut_pair)
select array[row(1, 2), row(3, 4)], array[row(1, 'q')::ut_pair]
select format('%s', row(1, 'a')::ut_pair), concat(row(1, 'x y'))
select row(1, 2)::ut_pair < row(1, 'abc')::ut_pair
select row(1, 2) *< row(1, 3), row(1.0, 2) *= row(1.00, 2), row(1.0, 2) = row(1.00, 2)
create unique index ut_people_p on ut_people (p)
insert into ut_people values (4, row(11, 'eleven'), null)
select (p).a from ut_people where p = '(11,eleven)' order by 1
drop type ut_pair
drop table ut_people
drop table ut_pt
drop type ut_pair
drop type ut_complex
