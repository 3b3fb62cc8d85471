-- pg_column_size: bytes of PostgreSQL's datum (fixed length, varlena header + data, numeric, jsonb layout)
select pg_column_size(1), pg_column_size(1::int8), pg_column_size(1::int2), pg_column_size(true), pg_column_size(now());
select pg_column_size('abc'::text), pg_column_size('héllo'::varchar), pg_column_size('\x0102'::bytea), pg_column_size(null::int);
select pg_column_size(1.5::numeric), pg_column_size(0::numeric), pg_column_size(0.00001::numeric), pg_column_size(123456789.123::numeric), pg_column_size(1e100::numeric), pg_column_size('NaN'::numeric), pg_column_size(-12.3400::numeric);
select pg_column_size('{}'::jsonb), pg_column_size('[]'::jsonb), pg_column_size('{"a":1}'::jsonb), pg_column_size('1'::jsonb), pg_column_size('"abc"'::jsonb), pg_column_size('null'::jsonb);
select pg_column_size('[1,"ab",true,null,{"x":[]}]'::jsonb), pg_column_size('{"bb":1.50,"a":[2,{"c":"x"}],"ccc":-0.0001}'::jsonb);
select pg_column_size('{}'::jsonb || '{}'::jsonb) = pg_column_size('{}'::jsonb);
select pg_column_size('{"aa":1}'::jsonb || '{"b":2}'::jsonb) = pg_column_size('{"aa":1, "b":2}'::jsonb);
select pg_column_size('{"a":1 , "b":2, "c":3}'::jsonb - 'b') = pg_column_size('{"a":1, "c":3}'::jsonb);
