drop table if exists ut_rtab
select '[1,5)'::int4range, '(1,5]'::int4range, '[1,5]'::int8range, '(,)'::int4range, 'empty'::int4range, '[3,3)'::int4range, '[3,3]'::int4range
select '[1.5,2.5]'::numrange, '(1.5,)'::numrange, '[2020-01-01,2020-02-01]'::daterange, '["2020-01-01 10:00","2020-01-02 00:00")'::tsrange
select '[5,1)'::int4range
select '1,5'::int4range
select '[1,5'::int4range
select '[1,5)x'::int4range
select '[1,2,3)'::int4range
select int4range(1, 5), int4range(1, 5, '[]'), int4range(null, 5), numrange(1.0, 2.0, '()'), daterange('2020-01-01', '2020-01-05', '(]')
select int4range(1, 5, 'xx')
select lower(int4range(1, 5)), upper(int4range(1, 5)), isempty(int4range(1, 1)), lower_inc('(1,5]'::numrange), upper_inc('(1,5]'::numrange), lower_inf('(,5)'::int4range), upper_inf('(,5)'::int4range)
select lower('empty'::int4range), upper('(,)'::int4range)
select int4range(1, 10) @> 5, int4range(1, 10) @> 10, 5 <@ int4range(1, 10), int4range(1, 10) @> int4range(2, 3), int4range(2, 3) <@ int4range(1, 10)
select int4range(1, 5) && int4range(4, 8), int4range(1, 5) && int4range(5, 8), int4range(1, 5) -|- int4range(5, 8), numrange(1, 2) -|- numrange(2, 3, '()')
select int4range(1, 5) << int4range(6, 8), int4range(6, 8) >> int4range(1, 5), int4range(1, 5) &< int4range(3, 8), int4range(1, 5) &> int4range(3, 8)
select int4range(1, 5) + int4range(3, 8), int4range(1, 5) * int4range(3, 8), int4range(1, 8) - int4range(3, 10), int4range(1, 8) - int4range(0, 3)
select int4range(1, 5) + int4range(7, 8)
select int4range(1, 10) - int4range(3, 5)
select range_merge(int4range(1, 5), int4range(7, 8)), int4range(1, 5) * int4range(6, 8)
select int4range(1, 5) = int4range(1, 5), int4range(1, 5) < int4range(1, 6), 'empty'::int4range < int4range(1, 2), numrange(1, 2) = numrange(1, 2, '[]')
create table ut_rtab (id int, r int4range)
insert into ut_rtab values (1, '[1,10)'), (2, '[5,7]'), (3, 'empty'), (4, '(,3)'), (5, null)
select id, r from ut_rtab order by r, id
select id from ut_rtab where r @> 6 order by id
select id from ut_rtab where r && int4range(2, 4) order by id
select pg_typeof(int4range(1, 2)), pg_typeof(lower(numrange(1, 2)))
select array[int4range(1, 2), int4range(3, 4)]
drop table ut_rtab
select '{}'::int4multirange, '{[1,3), [2,5), [7,8)}'::int4multirange, '{[1,2], empty, (3,4]}'::int4multirange, int4multirange(int4range(1, 2), int4range(2, 3)), nummultirange()
select '{[1,3)'::int4multirange
select int4multirange(int4range(1, 5)) @> 3, int4multirange(int4range(1, 5), int4range(7, 9)) @> int4range(7, 8), int4range(0, 10) @> int4multirange(int4range(1, 5))
select int4multirange(int4range(1, 5), int4range(7, 9)) - int4multirange(int4range(2, 3)), int4multirange(int4range(1, 5)) + int4multirange(int4range(5, 6)), int4multirange(int4range(1, 5)) * int4multirange(int4range(3, 9))
select lower(int4multirange(int4range(1, 5), int4range(7, 9))), upper(int4multirange(int4range(1, 5), int4range(7, 9))), isempty(nummultirange()), range_merge(int4multirange(int4range(1, 5), int4range(7, 9)))
select int4multirange(int4range(1, 5)) && int4range(4, 6), int4multirange(int4range(1, 5)) << int4range(6, 7), int4multirange(int4range(1, 5)) -|- int4multirange(int4range(5, 7)), '{[1,2)}'::int4multirange < '{[1,3)}'::int4multirange
drop table if exists ut_trtab
drop type if exists ut_textrange cascade
create type ut_textrange as range (subtype = text, collation = "C")
select '[a,c)'::ut_textrange, ut_textrange('a', 'b'), ut_textrange('b', 'z', '[]') @> 'c'::text, '(,)'::ut_textrange
select ut_textmultirange(), ut_textmultirange(ut_textrange('a', 'c'), ut_textrange('b', 'd')), '{[a,b), [c,d)}'::ut_textmultirange
select typname, typtype from pg_type where typname like '%ut_text%range' order by 1
create table ut_trtab (r ut_textrange)
insert into ut_trtab values ('[b,d)'), ('[a,c)'), (null)
select r from ut_trtab order by r
drop type ut_textrange
drop table ut_trtab
drop type ut_textrange
select range_agg(r), range_intersect_agg(r) from (values (int4range(1, 5)), (int4range(3, 9)), (null), (int4range(4, 6))) v(r)
select range_agg(r) from (values (int4range(1, 2)), (int4range(5, 6))) v(r) where false
select range_agg(m) from (values ('{[1,2)}'::int4multirange), ('{[2,4),[8,9)}'::int4multirange)) v(m)
