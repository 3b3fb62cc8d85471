-- integer, float and numeric arithmetic and their errors
select 1 + 1
select 2147483647 + 1
select -32768::int2 * 2::int2
select 7 / 2, -7 / 2, 7 % -3, -7 % 3
select 9223372036854775807 + 1
select 1 / 0
select 1.0 / 3
select 10 / 3.0
select 2.50 * 1.10
select 1e300::float8 * 1e300::float8
select 2 ^ 0.5
select (-8) ^ (1.0/3)
select 0.1 + 0.2
select 0.1::float8 + 0.2::float8
select 1.5::int4, 2.5::int4, (-2.5)::int4
select 123.456::numeric(5,2)
select 12345.6::numeric(4,1)
select round(2.5), round(-2.5), round(2.345, 2)
select trunc(2.789, 1), ceil(-1.5), floor(-1.5)
select 'abc' || 1 || true
select 'x'::text < 'y', 'B' < 'a'
select 3 between 1 and 5, 3 not between 4 and 5
select 2 in (1, 2, 3), 4 not in (1, 2)
select case when 1 > 2 then 'a' when 2 > 1 then 'b' end
select coalesce(null, 2, 3), coalesce(null::int, null)
select null is null, 1 is not null, true is true, null::bool is unknown
select abs(-5), abs(-5.5), abs(-5::float8)
select length('héllo'), octet_length('héllo'), upper('abc'), lower('ÀB')
select substr('hello', 2, 3), substring('hello', 2), position('l' in 'hello')
select 'hello' like 'h%o', 'hello' ilike 'H_LLO', 'a%' like 'a\%'
select lpad('5', 3, '0'), rpad('ab', 5, 'xy'), repeat('ab', 3)
select split_part('a,b,c', ',', 2), replace('aaa', 'a', 'bb'), reverse('abc')
select md5('abc'), chr(65), ascii('A'), to_hex(255)
select 1 + 'a'
select 'a' + 'b'
select nosuchfunction(1)
select 1::int2 + 1::int8, 1.5::float4 + 1
select 2.5 ^ 2, 2 ^ 10::numeric, 10::numeric ^ -2, 1.5 ^ 0.5, 100::numeric ^ 0.5, 2::numeric ^ 100, 0.5::numeric ^ 3, (-2)::numeric ^ 3, 0::numeric ^ 0
select 3.7 ^ 1.3, 0.001 ^ 0.25, 12345.678 ^ 2.5
select 0::numeric ^ -1
select lpad('ab', 5), rpad('ab', 4) || '|'
select parse_ident('foo.boo'), parse_ident('"a b".c', false)
select make_interval(0, 0, 0, 1), make_timestamp(2020, 1, 2, 3, 4, 5)
select json_extract_path('{"a": {"b": 7}}'::json, 'a', 'b'), jsonb_extract_path_text('{"a": [1, 2]}', 'a', '1')
select jsonb_delete('{"a": 1, "b": 2, "c": 3}', 'a', 'c')
select json_extract_path_text('{"a": 1}'::json, variadic array['a'])
select nullif(1, 1), nullif(1, 2), nullif('a', 'b'), nullif(null::int, 1)
select 1 is distinct from 1, 1 is distinct from null, null::int is distinct from null, 1 is not distinct from 2, null::int is not distinct from null
select 'a' is distinct from 'b', 1.5 is not distinct from 1.50
