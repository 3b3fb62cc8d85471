drop table if exists q_a, q_b
create table q_a (id int, x int, name text)
create table q_b (id int, a_id int, v numeric)
insert into q_a values (1, 10, 'one'), (2, 20, 'two'), (3, 30, 'three'), (4, null, 'four')
insert into q_b values (1, 1, 1.5), (2, 1, 2.5), (3, 2, 3.5), (4, 5, 4.5)
select id, (select count(*) from q_b where q_b.a_id = q_a.id) from q_a order by id
select id from q_a where exists (select 1 from q_b where a_id = q_a.id) order by id
select id from q_a where not exists (select 1 from q_b b where b.a_id = q_a.id) order by id
select id from q_a a where a.x > (select avg(x) from q_a b where b.id <> a.id) order by 1
select id, (select max(v) from q_b where a_id = a.id) as mv from q_a a order by mv nulls first, id
select a.id, s.total from q_a a, lateral (select sum(v) as total from q_b where a_id = a.id) s order by 1
select a.id, s.v from q_a a left join lateral (select v from q_b where a_id = a.id order by v desc limit 1) s on true order by 1
select x, (select count(*) from q_b where a_id = q_a.x / 10) from q_a group by x order by x
select id, (select count(*) from q_b where a_id = q_a.x) from q_a group by x
select id from q_a where id in (select a_id from q_b where v > q_a.id) order by 1
select id from q_a where x > all (select id * 10 from q_b where a_id = q_a.id) order by 1
select (select (select q_a.id + q_b.id) from q_b where q_b.id = 1) from q_a order by 1
select * from generate_series(1,3)
select * from generate_series(1,10,3) g
select * from generate_series(5,1,-2) with ordinality as t(a, b)
select * from generate_series(1.5, 3)
select * from generate_series('2020-01-01'::timestamp, '2020-01-03', '1 day')
select * from generate_series('2020-01-01'::timestamptz, '2020-01-03', '12 hours')
select * from generate_series(1,3,0)
select * from unnest(array[1,2,3])
select * from unnest(array[1,2], array['a','b','c']) as u(n, s)
select * from rows from (generate_series(1,2), unnest(array['x','y','z'])) with ordinality
select g, g*2 from generate_series(1,3) g
select a.id, g from q_a a, generate_series(1, a.id) g order by 1, 2
select * from generate_subscripts(array[5,6,7], 1)
select * from regexp_split_to_table('a,b,,c', ',')
select * from string_to_table('a|b|c', '|')
select * from jsonb_each('{"a":1,"b":"x"}')
select * from jsonb_each_text('{"a":1,"b":"x","c":null}')
select * from jsonb_array_elements('[1,"a",{"b":2}]')
select * from jsonb_array_elements_text('[1,"a",null]')
select * from jsonb_object_keys('{"z":1,"a":2}')
select * from abs(-3)
select * from regexp_matches('foobarbequebaz', '(bar)(beque)')
with t as (select 1 as a, 2 as b) select * from t
with t(x, y) as (select 1, 2), u as (select x + y as s from t) select * from t, u
with t as (select id from q_a) select count(*) from t a, t b
with recursive t(n) as (select 1 union all select n + 1 from t where n < 5) select * from t
with recursive t(n) as (select 1 union all select n + 1 from t) select * from t limit 7
with recursive t(n) as (select 1 union select (n % 3) + 1 from t) select * from t
with recursive t(n) as (select 1::int union all select n + 1::bigint from t where n < 3) select * from t
with recursive t(n) as (select n from t) select * from t
with recursive t(n) as (select 1 union all select n+1 from t where n < 3), u as (select n*10 as m from t) select * from u
with t as (select 1) , t as (select 2) select 1
with recursive fib(a, b) as (select 0::numeric, 1::numeric union all select b, a + b from fib where a < 100) select a from fib
with d as (delete from q_b where v > 4 returning *) select id, v from d
with i as (insert into q_b values (9, 9, 9.9) returning id) select * from i
select (select count(*) from generate_series(1, q_a.id)) from q_a order by 1
drop table q_a, q_b
