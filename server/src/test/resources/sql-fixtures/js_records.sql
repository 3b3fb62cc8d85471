-- json(b)_populate_record(set), json(b)_to_record(set), column definition lists, jsonb subscripts, VARIADIC builds
drop table if exists js_sub
drop type if exists js_rec
drop type if exists js_pop
drop domain if exists js_nn
drop domain if exists js_arr3
create type js_pop as (a text, b int, c timestamp)
create domain js_nn as int not null
create domain js_arr3 as int[] check (array_length(value, 1) = 3)
create type js_rec as (i js_nn, ia int[], c char(5), js json, jsb jsonb, r js_pop, ra js_pop[], d js_arr3)
select * from json_populate_record(null::js_pop, '{"a":"blurfl","x":43.2}') q
select * from json_populate_record(row('x',3,'2012-12-31 15:30:56')::js_pop, '{"a":[100,200,false]}') q
select * from jsonb_populate_record(row('x',3,'2012-12-31 15:30:56')::js_pop, '{"b":7}') q
select * from json_populate_record(row('x',3,'2012-12-31 15:30:56')::js_pop, '{"c":[100,200,false]}') q
select * from json_populate_record(null::js_pop, '[1]') q
select * from jsonb_populate_record(null::js_pop, '"a"') q
select i from json_populate_record(null::js_rec, '{"x": 1}') q
select i, ia from json_populate_record(null::js_rec, '{"i": 5, "ia": [[1, 2], [3, 4]]}') q
select ia from json_populate_record(null::js_rec, '{"i": 5, "ia": [[1], 2]}') q
select ia from json_populate_record(null::js_rec, '{"i": 5, "ia": [[1], [2, 3]]}') q
select ia from json_populate_record(null::js_rec, '{"i": 5, "ia": 123}') q
select ia from json_populate_record(null::js_rec, '{"i": 5, "ia": "{1,2,3}"}') q
select ia from json_populate_record(null::js_rec, '{"i": 5, "ia": [[], []]}') q
select c from json_populate_record(null::js_rec, '{"i": 5, "c": "ab"}') q
select c from json_populate_record(null::js_rec, '{"i": 5, "c": "abcdefgh"}') q
select js, jsb from json_populate_record(null::js_rec, '{"i": 5, "js": {"a" : [1, "x"]}, "jsb": {"a" : [1, "x"]}}') q
select js, jsb from jsonb_populate_record(null::js_rec, '{"i": 5, "js": "s", "jsb": "s"}') q
select r from json_populate_record(null::js_rec, '{"i": 5, "r": {"a": "abc", "c": "2003-01-02"}}') q
select r from json_populate_record(null::js_rec, '{"i": 5, "r": "(abc,42,2003-01-02)"}') q
select r from json_populate_record(null::js_rec, '{"i": 5, "r": 123}') q
select ra from json_populate_record(null::js_rec, '{"i": 5, "ra": [{"a": "x", "b": 1}, null]}') q
select d from json_populate_record(null::js_rec, '{"i": 5, "d": [1, 2]}') q
select d from json_populate_record(null::js_rec, '{"i": 5, "d": [1, 2, 3]}') q
select json_populate_record(row(1,2), '{"f1": 0, "f2": 1}')
select json_populate_record(null::record, '{"x": 0}')
select * from json_populate_record(null::record, '{"x": 776}') as (x int, y int)
select * from json_populate_recordset(null::js_pop, '[{"a":"blurfl","x":43.2},{"b":3,"c":"2012-01-20 10:42:53"}]') q
select * from jsonb_populate_recordset(row('def',99,null)::js_pop, '[{"a":"blurfl"},{"b":3}]') q
select * from json_populate_recordset(null::js_pop, '{"a":1}') q
select * from jsonb_populate_recordset(null::js_pop, '{"a":1}') q
select * from json_populate_recordset(null::js_pop, '[1]') q
select * from json_populate_recordset(row(0::int), '[{"a":"1"}]') q (a text, b text)
select * from json_populate_recordset(row(0::int, 0::int), '[{"a":"1"}]') q (a text, b text)
select i, json_populate_recordset(row(i, 50), '[{"f1":"42"},{"f2":"43"}]') from (values (1),(2)) v(i)
select * from json_to_record('{"a":1,"b":"foo","c":"bar"}') as x(a int, b text, d text)
select * from jsonb_to_record('{"a":1,"b":[1,2]}') as x(a int, b int[])
select * from json_to_recordset('[{"a":1,"b":"foo"},{"a":"2","c":"bar"}]') as x(a int, b text)
select * from jsonb_to_recordset('[{"a":1},{"a":2}]') as x(a int) order by a desc
select * from json_to_record('{"a":1}') as x(a int, a text)
select * from json_to_record('{"a":1}')
select * from generate_series(1, 2) as x(a int)
select json_to_record('{"a":1}')
select json_each('{"f1":[1,2,3],"f2":{"f3":1},"f4":null}')
select jsonb_each_text('{"a":"x","b":2}')
select ('123'::jsonb)['a']
select ('{"a": 1}'::jsonb)['a']
select ('[1, "2", null]'::jsonb)[1]
select ('[1, "2", null]'::jsonb)[-2]
select ('[1, "2", null]'::jsonb)['1']
select ('{"a": ["a1", {"b1": ["aaa", "bbb"]}]}'::jsonb)['a'][1]['b1'][1]
select ('{"a": 1}'::jsonb)[NULL]
select ('[1, "2", null]'::jsonb)[1.0]
select ('{"a": 1}'::jsonb)['a':'b']
create table js_sub (id int, j jsonb)
insert into js_sub values (1, '{}'), (2, '[0]'), (3, null)
update js_sub set j['a'] = '1' where id = 1
update js_sub set j[5] = '"x"' where id = 2
update js_sub set j[0]['b'] = '2' where id = 3
select id, j from js_sub order by id
update js_sub set j['a']['b'][1] = '3' where id = 1
update js_sub set j[-2] = 'true' where id = 2
select id, j from js_sub order by id
update js_sub set j[-10] = '1' where id = 2
update js_sub set j['a']['x'] = '1' where id = 1
update js_sub set j[NULL] = '1' where id = 1
update js_sub set j['z'] = NULL where id = 1
select j from js_sub where j['z'] = 'null'
drop table js_sub
select json_build_array(VARIADIC NULL::text[])
select json_build_array(VARIADIC '{a,b,c}'::text[])
select jsonb_build_array(VARIADIC '{}'::int[])
select json_build_object(VARIADIC '{{1,4},{2,5}}'::int[])
select jsonb_build_object(VARIADIC ARRAY['a', NULL]::text[])
select json_build_object(VARIADIC '{1,2,3}'::text[])
select json_build_object('{a,b}'::text[], 1)
select jsonb_build_object(json '{"a":1}', 1)
select replace(array_to_json('{{1,5},{99,100}}'::int[], true)::text, E'\n', '<nl>')
select array_to_json(array_agg(x)) from generate_series(1, 3) x
select replace(row_to_json(row(1, 'foo'), true)::text, E'\n', '<nl>')
select replace(json_agg(x)::text, E'\n', '<nl>') from (values (ARRAY[1,2]), (ARRAY[3])) v(x)
select (jsonb_each('{"a":1,"b":[2]}')).key
select (json_each('{"a":1,"b":[2]}')).value
select count(*) from (select (jsonb_each('{"a":1,"b":2}'::jsonb)).key) s
select '[]'::jsonb #- '{a}'
select '[1]'::jsonb #- '{a}'
select row_to_json(q) from (select 1 as b, 'x' as c) q
select replace(json_agg(q)::text, E'\n', '<nl>') from (select x as b, x * 2 as c from generate_series(1, 2) x) q
select array_to_json(array_agg(q)) from (select x as b, x * 2 as c from generate_series(1, 3) x) q
select (q).c from (select 1 as b, 'x' as c) q
select to_jsonb(q) from (select 1 as b, 'x' as c) q
select * from json_populate_record(null::js_pop, '{}') as z(a text, b int, c timestamp)
create function js_pair() returns js_pop language plpgsql as $$ begin return row('p', 5, null)::js_pop; end $$
select * from js_pair()
select b, a from js_pair() as z
drop function js_pair()
select row_to_json(r) from (select relkind, oid::regclass as name from pg_class where relname = 'pg_class') r
select jsonb_build_object('f', r) from (select oid::regclass as name from pg_class where relname = 'pg_class') r
drop type js_rec
drop domain js_arr3
drop domain js_nn
drop type js_pop
