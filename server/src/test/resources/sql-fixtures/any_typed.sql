-- needs ExprCompiler to bind "any" argument types (ArgumentTypeAware); move up one directory once it does
select concat(date '2020-01-02', ' ', '{"a":1}'::json, ' ', timestamp '2020-01-02 03:04:05'), format('%s|%L', date '2020-01-02', timestamptz '2020-01-02 03:04:05+00')
select to_json(date '2020-01-02'), to_json(timestamp '2020-01-02 03:04:05.5'), to_json(timestamptz '2020-01-02 03:04:05+00'), json_build_object('a', '{"x":1}'::json, 'd', date '2021-02-03'), to_jsonb('{"b":1,"a":2}'::json), to_json(interval '1 day')
select to_json(array[date '2020-01-01']), jsonb_build_array(1::oid, time '10:00'), concat_ws(',', 1::int2, 2.5::float4)
