-- GREATEST / LEAST: common type, NULLs ignored, btree comparison
select greatest(1, 2, 3), least(1, 2, 3), greatest(1, null, 3), least(null, 2), greatest(null, null)
select greatest(1, 2.5), least(1, 2.5, -7::int8), greatest('a', 'b', 'ab'), least('a'::text, 'B')
select greatest(1.0::float8, 'NaN'), least(1.0::float8, 'NaN'), greatest(date '2020-01-01', timestamp '2019-12-31 23:00')
select greatest(true, false), least(true, false), greatest(interval '1 day', interval '23 hours'), greatest(1, 2::int8) + 0
select greatest(1, 'a')
select greatest(1, true)
select greatest(null::int, null), least('x', null), greatest(5), greatest(now(), now()) = now()
select least('{"a":1}'::jsonb, '[1]'::jsonb)
select greatest('1'::json, '2'::json)
