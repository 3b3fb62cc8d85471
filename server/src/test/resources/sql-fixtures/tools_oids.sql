-- int4 and the OID types are binary-coercible: relabels convert, also inside arrays
select x::oid from generate_series(1,2) x
select x::regclass from (values (1259),(1249)) v(x)
select (select 1259)::regclass, (case when true then 23 else 25 end)::regtype
select array[1,2]::oid[]
select array[1259]::regclass[]
select 5::oid::int4, 1259::regclass::int4, (-1)::oid, 4294967295::int8::oid
select pg_typeof(1::oid), 1::oid + 0
select oid::int4 from pg_class where oid = 1259
select relname from pg_class where oid = 1259::int4
select 1::int4::regproc, 1::int4::regnamespace, 11::int4::regnamespace, 10::int4::regrole
select x::regtype from unnest(array[23, 25]) x
select sum(x::oid::int8) from generate_series(1,3) x
select max(x::oid) from generate_series(1,3) x
select x::oid = 2 from generate_series(1,3) x
select 2::int4::oid in (1, 2)
select 1::oid union select 2 order by 1
values (1::oid), (2)
select coalesce(null::oid, 0), greatest(1::oid, 2), nullif(1::oid, 1)
select case when true then 1::oid else 0 end
select 1 = any(array[1::oid])
select 1::oid = any(array[1, 2])
select array[1::oid, 2]
select (-1)::int8::oid
select 4294967295::int8::oid::int8, 3::oid::int8
select array[1259, 1249]::regclass[]::oid[]::int4[]
select x.oid::int from (select 1259::oid) x(oid)
select relname from pg_class where oid in (1259, 1249) order by 1
select relname from pg_class where oid = any(array[1259, 1249]) order by 1
select relname from pg_class c join (values (1259)) v(x) on c.oid = v.x
select '{pg_class,pg_proc}'::regclass[], '{int4}'::regtype[]::oid[]
