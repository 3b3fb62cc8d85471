-- jsonb field access
select '{"a":1,"b":{"c":[1,2,3]}}'::jsonb -> 'b', '{"a":1}'::jsonb -> 'x', '{"a":"t"}'::jsonb ->> 'a', '{"a":null}'::jsonb ->> 'a', '{"a":null}'::jsonb -> 'a'
select '[1,"two",{"x":3}]'::jsonb -> 1, '[1,"two",{"x":3}]'::jsonb ->> 1, '[1,2,3]'::jsonb -> -1, '[1,2,3]'::jsonb -> 5, '[1,2,3]'::jsonb -> -4, '{"a":1}'::jsonb -> 0, '[1]'::jsonb -> 'a'
select '{"a":{"b":[1,2]}}'::jsonb #> '{a,b,1}', '{"a":{"b":[1,2]}}'::jsonb #>> '{a,b}', '[1]'::jsonb #> '{x}', '{"a":[{"b":"c"}]}'::jsonb #>> '{a,0,b}', '{"a":1}'::jsonb #> '{}', '"s"'::jsonb #>> '{}'
select '{"a":{"b":[1,2]}}'::jsonb #> '{a,b,-1}', '{"a":1}'::jsonb #> '{a,b}', '{"a":1}'::jsonb #>> '{a,null}'
-- json field access keeps the original text
select '{"a":1,"a":2}'::json -> 'a', '{"a":1,"a":2}'::json ->> 'a', '[1,[2,3]]'::json -> 1, '[1,[2,3]]'::json -> -1, '  {"a" :  [1, 2 ] }'::json -> 'a'
select '{"a":"x\ny"}'::json ->> 'a' = E'x\ny', '{"a":"\u00e9"}'::json ->> 'a', '{"a":"\u00e9"}'::json -> 'a', '{"a":null}'::json ->> 'a' is null, '{"a":null}'::json -> 'a'
select '{"a":{"b":[1,2]}}'::json #> '{a,b,-1}', '{"a":{"b":[1, 2]}}'::json #> '{a,b}', '{"a":{"b":"x"}}'::json #>> '{a,b}', '[1,2]'::json ->> 0, '{"a":1}'::json -> 0
-- comparison
select '1'::jsonb < '[]'::jsonb, '1'::jsonb < '"a"'::jsonb, '[1,2]'::jsonb < '[3]'::jsonb, '{"b":1}'::jsonb < '{"aa":1}'::jsonb, 'null'::jsonb < '1'::jsonb, '{}'::jsonb > '[]'::jsonb, 'true'::jsonb > '1'::jsonb, '"b"'::jsonb > '"a"'::jsonb
select '{"a":1,"b":2}'::jsonb = '{"b":2,"a":1}'::jsonb, '1.0'::jsonb = '1'::jsonb, '[1,2]'::jsonb <> '[2,1]'::jsonb, '1'::jsonb < '[5]'::jsonb, '{"a":1}'::jsonb <= '{"a":2}'::jsonb, '[1,"a"]'::jsonb >= '[1,null]'::jsonb
select '{"a":[1,2]}'::jsonb < '{"a":{}}'::jsonb, '1'::jsonb > '{}'::jsonb, '[true]'::jsonb > '[false]'::jsonb, 'false'::jsonb < 'true'::jsonb
-- containment and existence
select '{"a":1,"b":2}'::jsonb @> '{"a":1}', '{"a":1}'::jsonb @> '{"a":1,"b":2}', '{"a":1}'::jsonb <@ '{"a":1,"b":2}', '[1,2,3]'::jsonb @> '[3,1]', '[1,2,[1,3]]'::jsonb @> '[[1]]', '[1,2]'::jsonb @> '[[1]]'
select '[1,2]'::jsonb @> '1', '1'::jsonb @> '[1]', '"a"'::jsonb @> '"a"', '{"a":{"b":[1,2]}}'::jsonb @> '{"a":{"b":[2]}}', '{"a":[1]}'::jsonb @> '{"a":1}', '[{"a":1,"b":2}]'::jsonb @> '[{"a":1}]', '{"a":1}'::jsonb @> '[]'
select '"a"'::jsonb ? 'a', '["a",1]'::jsonb ? 'a', '["a",1]'::jsonb ? '1', '{"a":1}'::jsonb ? 'a', '{"a":{"b":1}}'::jsonb ? 'b'
select '{"a":1,"b":2}'::jsonb ?| '{a,c}', '{"a":1,"b":2}'::jsonb ?& '{a,c}', '{"a":1,"b":2}'::jsonb ?& '{a,b}', '["x"]'::jsonb ?| '{y,x}'
-- concatenation and deletion
select '1'::jsonb || '2'::jsonb, '{"a":1}'::jsonb || '1', '[1]'::jsonb || '{"a":1}', '{"a":1,"b":2}'::jsonb || '{"b":3,"c":4}', '[1,2]'::jsonb || '[3]', '[]'::jsonb || '"x"'
select '{"a":1,"b":2}'::jsonb - 'a', '["a","b","a",1]'::jsonb - 'a', '[1,2,3]'::jsonb - 1, '[1,2,3]'::jsonb - -1, '[1,2,3]'::jsonb - 10, '{"a":1,"b":2,"c":3}'::jsonb - '{a,c}'::text[]
select '1'::jsonb - 'a'
select '{"a":1}'::jsonb - 1
select '"x"'::jsonb - 0
select '{"a":[1,2]}'::jsonb #- '{a,0}', '{"a":{"b":1,"c":2}}'::jsonb #- '{a,b}', '[1,2,3]'::jsonb #- '{-1}', '{"a":1}'::jsonb #- '{x,y}', '{"a":1}'::jsonb #- '{}'
select '[1,2]'::jsonb #- '{x}'
select '1'::jsonb #- '{a}'
-- jsonb_set / jsonb_insert
select jsonb_set('{"a":[1,2]}', '{a,0}', '9', true), jsonb_set('{"a":1}', '{b}', '2', false), jsonb_set('{"a":1}', '{b,c}', '2', true), jsonb_set('{"a":1}', '{b}', '[2]', true)
select jsonb_set('[1,2,3]', '{-1}', '"x"', true), jsonb_set('[1,2,3]', '{10}', '"x"', true), jsonb_set('[1,2,3]', '{-10}', '"x"', true), jsonb_set('[1,2,3]', '{10}', '"x"', false)
select jsonb_set('{"a":{"b":{"c":1}}}', '{a,b,c}', '{"d":2}', true), jsonb_set('{"a":1}', '{}', '2', true)
select jsonb_set('1', '{a}', '2', true)
select jsonb_set('[1]', '{x}', '2', true)
select jsonb_insert('{"a":[0,1,2]}', '{a,1}', '"new"', false), jsonb_insert('{"a":[0,1,2]}', '{a,1}', '"new"', true), jsonb_insert('{"a":[0,1,2]}', '{a,-1}', '"new"', true), jsonb_insert('{"a":1}', '{b}', '2', false)
select jsonb_insert('{"a":1}', '{a}', '2', false)
-- typeof, length, strip_nulls, pretty
select jsonb_typeof('{}'), jsonb_typeof('[]'), jsonb_typeof('"x"'), jsonb_typeof('1.5'), jsonb_typeof('true'), jsonb_typeof('null')
select json_typeof('{}'), json_typeof(' [ ] '), json_typeof('"x"'), json_typeof('-1e5'), json_typeof('false'), json_typeof('null')
select jsonb_array_length('[1,[2,3],{}]'), jsonb_array_length('[]'), json_array_length('[1, [2,3], {"a":[]}]'), json_array_length('[]')
select jsonb_array_length('1')
select jsonb_array_length('{}')
select json_array_length('1')
select json_array_length('{}')
select jsonb_strip_nulls('{"a":1,"b":null,"c":[null,{"d":null}]}'), json_strip_nulls('{ "a" : 1, "b":null, "c" : [null, {"d": null}] }'), jsonb_strip_nulls('null')
select replace(jsonb_pretty('{"a":[1,{"b":null}],"c":{}, "d":[]}'), E'\n', '/'), jsonb_pretty('1'), replace(jsonb_pretty('[]'), E'\n', '/')
-- casts
select '{"a":1}'::jsonb::text, '{"b": 2, "a": 1}'::json::jsonb, '{"b":2,"a":1}'::jsonb::json, ' [1, 2] '::json::text, '{"a":1}'::text::jsonb
select '1.5'::jsonb::numeric, '1.5'::jsonb::int4, '2.5'::jsonb::int2, '1e2'::jsonb::float8, 'true'::jsonb::bool, '12345678901'::jsonb::int8, '0.1'::jsonb::float4
select '{"a":1}'::jsonb::numeric
select '"1"'::jsonb::int4
select '[1]'::jsonb::bool
select '1e10'::jsonb::int4
select '{"a":'::jsonb
-- to_json / build
select to_json('a"b'::text), to_json(1.5), to_json('NaN'::float8), to_json('Infinity'::numeric), to_jsonb('NaN'::numeric), to_json(true), to_json(42), to_jsonb('x'::text)
select to_json(1e20::float8), to_jsonb(1e20::float8), to_jsonb(0.1::float4), to_json(0.1::float4), to_json('\x01'::bytea), to_jsonb('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid), to_jsonb('{"a":[1]}'::jsonb)
select json_build_object('a', 1, 'b', 'x', 'c', null, 'd', true, 'f', 1.50, 'g', '{"x":1}'::jsonb), json_build_object(), json_build_object(1.5, 2, true, 3)
select jsonb_build_object('b', 1, 'a', 'x', 'c', null, 'a', 2), jsonb_build_object(), jsonb_build_object(1, 2)
select json_build_array(1, 'a', null, 2.5, '[1]'::jsonb), jsonb_build_array(1, 'a', null), json_build_array(), jsonb_build_array()
select json_build_object('a')
select json_build_object(null, 1)
select jsonb_build_object(null, 1)
select jsonb_build_object('a')
select jsonb_build_object('a', jsonb_build_object('b', jsonb_build_array(1, 2.0, 'x')))
-- json(b)_object from text arrays, jsonb_set_lax
select json_object('{a,1,b,2}'), json_object('{{a,1},{b,null}}'), jsonb_object('{a,1,b,2,a,3}'), json_object('{a,b}', '{1,2}'), json_object('{}'), jsonb_object('{}'), jsonb_object('{x,y}', '{1,null}')
select json_object('{a}')
select json_object('{{a,1,2}}')
select json_object('{a,null}'::text[], '{1,2}')
select json_object('{a,b}', '{1}')
select json_object('{null,1}')
select jsonb_set_lax('{"a":1}', '{a}', null, true, 'delete_key'), jsonb_set_lax('{"a":1}', '{a}', null, true, 'use_json_null'), jsonb_set_lax('{"a":1}', '{a}', null, true, 'return_target'), jsonb_set_lax('{"a":1}', '{a}', '2', true, 'delete_key')
select jsonb_set_lax('{"a":1}', '{a}', null, true, 'raise_exception')
select jsonb_set_lax('{"a":1}', '{a}', null, true, 'foo')
select to_json('{1,2}'::int[]), to_json('{a,NULL}'::text[]), json_build_object('a', '{1,2}'::int4[]), to_jsonb('{{1,2},{3,4}}'::int[]), to_json('{{1,2},{3,4}}'::int8[]), to_json('{}'::int[]), jsonb_build_array('{1.5,NULL}'::numeric[])
select jsonb_hash('1'), jsonb_hash('"a"'), jsonb_hash('null'), jsonb_hash('true'), jsonb_hash('[]'), jsonb_hash('{}'), jsonb_hash('[1,"a",null,false]'), jsonb_hash('{"b":[1,{"c":2}],"a":1.50}'), jsonb_hash('{"a":1.5,"b":[1,{"c":2.0}]}')
select jsonb_hash_extended('1', 0), jsonb_hash_extended('[true,false,null]', 0), jsonb_hash_extended('[true,false,null]', 7), jsonb_hash_extended('{"k":"v","n":[1,2.5]}', -2), jsonb_hash_extended('{}', 9)
select '[1,2,3]'::jsonb #> '{" 1"}', '[1,2,3]'::jsonb #> '{"1 "}', '[1,2,3]'::jsonb #> '{+1}', '[1,2,3]'::json #>> '{" 2"}', '{"a b":{"":1}}'::jsonb #> '{a b,""}'
select '{"\u00e9":1, "a\"b":2}'::json -> 'é', '{"\u00e9":1, "a\"b":2}'::json ->> 'a"b', '{"a":{"b":"c"}}'::json -> 'a' -> 'b', '[{"x":[true]}]'::jsonb -> 0 -> 'x' ->> 0
select '  [ 1 , {"a" : null} ]  '::json -> 1, json_typeof('  "x"  '), '{"a":1}'::jsonb @> '{}', '[]'::jsonb <@ '[1]', '{"a":[1,2,3]}'::jsonb @> '{"a":[3,3]}'
