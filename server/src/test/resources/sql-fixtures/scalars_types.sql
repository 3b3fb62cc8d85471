-- scalar types (helper scalars): interval input as DecodeInterval reads it, typmod ranges, ISO 8601, range errors
select interval '999' minute, interval '999' hour, interval '999' day, interval '999' month, interval '1' year to month
select interval '1 2' day to hour, interval '123 11' day to hour, interval '1 2:03' minute to second, interval '1 -2:03' minute to second
select interval '12:34.5678' minute to second(2), interval '1 2:03.4567' day to second(2), interval '1 2:03.45678' hour to second(2)
select interval '1 2' minute
select interval 'P00021015T103020', interval 'P0002-10-15T10:30:20', interval 'P0002', interval 'P0002-10', interval 'PT10', interval 'PT10:30'
select interval 'P10.5e4Y', interval 'PT2562047788:00:54.775807', interval 'PT-2562047788.0152155022222'
select interval '4 millenniums 5 centuries 4 decades 1 year 4 months 4 days 17 minutes 31 seconds'
select interval '1 day ago 2 hours', interval 'ago 12 days', interval '1 day 2 hours ago ago', interval '1 days hours', interval '-1.5 months', interval '1.5 weeks'
select interval '12 ago 3'
select interval '1 mm'
select interval 'p1y'
select interval '2147483648 years'
select interval '-2147483649 months'
select interval 'P1-2147483647-2147483647'
select interval 'PT2562047789'
select interval '1 decade 2147483647 years'
select interval '0.1 millennium 2147483647 months'
select interval 'P-0.1Y-2147483648M'
select interval '2562047788.1:0:54.775807'
select interval '-9223372036854775808 microseconds ago'
select interval '-2147483648 months -2147483648 days -9223372036854775808 us'
select interval '2147483647 days -2147483648 months'
select justify_interval(interval '-2147483648 months -30 days 24 hrs')
SELECT '1 month 2146410 days'::interval * 1000.5002
-- dates and timestamps: DateStyle hint, text month after digits, POSIX zones, relative days with a zone
select date '18/1/1999'
select date '1999-08-Jan'
select timestamp 'Feb 16 17:32:01 -0097'
select timestamptz '2000-03-15 08:14:01 GMT+8', timestamptz '2000-03-15 13:14:02 GMT-1', timestamptz '2000-03-15 02:14:05 MST+7:00', timestamptz '2000-03-15 02:14:05 EST5EDT'
select timestamp '2000-03-15 03:14:04 PST+8'
select timestamp 'tomorrow EST' = timestamp 'tomorrow', timestamptz 'today zulu' = timestamptz 'today' , timestamp 'epoch 10:00', timestamptz 'infinity EST'
select timestamptz 'now EST'
select timestamp 'now' = localtimestamp, timestamptz 'now' = now(), date 'today' = current_date
-- SIMILAR TO, with constant patterns translated at plan time
SELECT 'abcdefg' SIMILAR TO '_bcd%', 'abcdefg' SIMILAR TO 'bcd%', 'abcd%' SIMILAR TO '_bcd#%' ESCAPE '#', 'abcdefg' NOT SIMILAR TO '_bcd%'
SELECT 'abcd\efg' SIMILAR TO '_bcd\%' ESCAPE '', 'abcdefg' SIMILAR TO '_bcd%' ESCAPE NULL
SELECT 'abcdefg' SIMILAR TO '_bcd#%' ESCAPE '##'
create table scalars_similar (f1 text)
insert into scalars_similar values ('abcd'), ('abc'), ('a_b'), ('x]y')
select f1 from scalars_similar where f1 similar to '_[_[:alpha:]_]_' order by f1
EXPLAIN (COSTS OFF) SELECT * FROM scalars_similar WHERE f1 SIMILAR TO '_[_[:alpha:]_]_'
EXPLAIN (COSTS OFF) SELECT * FROM scalars_similar WHERE f1 SIMILAR TO '[|a]%' ESCAPE '|'
EXPLAIN (COSTS OFF) SELECT * FROM scalars_similar WHERE f1 SIMILAR TO '[]%][^]%][^%]%'
drop table scalars_similar
-- VARIADIC arrays for VARIADIC "any" functions
select concat(variadic array[1,2,3]), concat_ws(',', variadic array[1,2,3]), concat(variadic NULL::int[]) is NULL, concat(variadic '{}'::int[]) = ''
select concat_ws(',', variadic 10)
select format('%s, %s', variadic array['Hello','World']), format('%2$s, %1$s', variadic array[1, 2]), format('%s, %s', variadic array[true, false])
select format('xx', variadic NULL::int[])
select num_nulls(1, null, 2), num_nonnulls(1, null, 2), num_nulls(variadic array[1,null,null]), num_nonnulls(variadic null::int[])
-- typsend functions
select float4send('5e-20'::float4), float4send('1.1754944e-38'::float4), float8send('2.2250738585072014E-308'::float8), int4send(5), int8send(-1), numeric_send(1.5), textsend('ab')
-- regular expressions
SELECT regexp_matches('foobarbequebazilbarfbonk', $re$(b[^b]+)(b[^b]+)$re$, 'g')
SELECT regexp_matches('1' || chr(10) || '2' || chr(10) || '3' || chr(10), '^.?', 'mg')
SELECT regexp_matches('foobarbequebaz', $re$(bar)(beque)$re$, 'gz')
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', '1')
-- numbers
select -('-9223372036854775808'::int8)
SELECT power(float8 '-1', float8 'NaN'), power(float8 '1', float8 'inf'), power(float8 '-1', float8 '-inf'), power(float8 '-inf', 3), power(float8 'inf', -2)
SELECT round(4.4e131071, -131071) = 4e131071, round(4.5e131071, -131072), round(5.5e131071, -131073), round(5e-16383, 1000000) = 5e-16383, trunc(9.9e131071, -131072)
SELECT round(5.5e131071, -131072)
select 10.0 ^ -2147483648, (-1.0) ^ 2147483647, (-1.0) ^ 1000000000000001, 1.000000000123 ^ (-2147483648), 1.5 ^ 100
select 10.0 ^ 2147483647
select round(((1 - 1.500012345678e-1000) ^ 1.45e1003) * 1e1000)
SELECT lcm(9999 * (10::numeric)^131068 + (10::numeric^131068 - 1), 2)
select * from generate_series(0::numeric, '42'::numeric, '-inf'::numeric)
select 1.0::numeric(4,4)
select 1000000::numeric(3,-3)
SELECT to_number('.01', 'FM9.99'), to_number('.-01', 'S99.99'), to_number(' . 0 1-', ' 9 9 . 9 9 S'), to_number('34,50','999,99'), to_number('123456','999G999')
SELECT to_number('$1234.56','L9,999.99'), to_number('$1,234.56','L99,999.99'), to_number('1234.56','L99,999.99')
select to_char('-Infinity'::numeric, 'MI99.99'), to_char('Infinity'::float4, 'MI99.99'), to_char('-Infinity'::float8, 'MI99.99'), to_char('NaN'::float4, 'MI99.99')
-- ISO 8601 labelled and run-together forms, Julian days with a fraction, BETWEEN SYMMETRIC
SELECT timestamp with time zone '20011227 040506-08', timestamp with time zone '20011227T040506-08', timestamp with time zone 'J2452271T040506-08'
SELECT timestamp with time zone 'Y2001M12D27H04M05S06.789+08', timestamp with time zone 'Y2001M12D27H04MM05S06.789-08', date 'y2001m12d27'
SELECT timestamp with time zone 'J2452271.5+08', timestamp with time zone 'J2452271.5-08', timestamp with time zone 'J2452271+08'
SELECT timestamp 'Y2001M12'
select 5 between symmetric 10 and 1, 5 not between symmetric 10 and 1, 5 between symmetric 1 and 3, null between symmetric 1 and 2
select date '99-Jan-08'
SELECT regexp_split_to_table('a b', 'e', 'g')
-- to_timestamp FFn (a digit field, the result rounded to n places); make_timestamptz numeric zones as DecodeTimezone reads them
SELECT i, to_timestamp('20181102123456123456', 'YYYYMMDDHH24MISSFF' || i) FROM generate_series(1, 6) i
select to_timestamp('56123456', 'SSFF1'), to_timestamp('5612', 'SSFF1'), to_timestamp('56.12 x', 'SS.FF2 x')
SELECT make_timestamptz(2010, 2, 27, 3, 45, 00, tz), tz FROM (VALUES ('+1'), ('+1:'), ('+1:0'), ('+100'), ('+01:00'), ('+1000'), ('+10:00:'), ('+10:00:1'), ('-10:00:10')) tzs(tz)
SELECT make_timestamptz(1973, 07, 15, 08, 15, 55.33, '2')
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, '+16')
-- a dynamic abbreviation (MSK) means what it meant at the instant the local time has in its zone
SELECT '2011-03-27 00:00:00 MSK'::timestamptz, '2011-03-27 01:59:59 MSK'::timestamptz, '2011-03-27 02:00:00 MSK'::timestamptz, '2014-10-26 00:59:59 MSK'::timestamptz, '2014-10-26 01:00:00 MSK'::timestamptz
SELECT '2011-03-27 02:00:00'::timestamp AT TIME ZONE 'MSK', '2011-03-27 02:59:59'::timestamp AT TIME ZONE 'MSK', '2011-03-27 03:00:00'::timestamp AT TIME ZONE 'MSK', '2014-10-26 00:59:59'::timestamp AT TIME ZONE 'MSK', '2014-10-26 01:00:00'::timestamp AT TIME ZONE 'MSK'
SELECT '2011-03-26 21:59:59 UTC'::timestamptz AT TIME ZONE 'MSK', '2011-03-26 23:00:00 UTC'::timestamptz AT TIME ZONE 'MSK', '2014-10-25 21:59:59 UTC'::timestamptz AT TIME ZONE 'MSK', '2014-10-25 22:00:00 UTC'::timestamptz AT TIME ZONE 'MSK'
select timestamptz '100000312 23:58:48 IST', timestamptz '1000000312 23:58:48 IST', timestamp '1000312'
select timestamp '1234567'
