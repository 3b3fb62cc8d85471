-- SQL-language wrappers around the internal functions
select interval '1 hour' + date '2020-01-01', interval '1 hour' + time '10:00', interval '1 hour' + timetz '10:00+02', 5 + date '2020-01-01'
select interval '1 day' + timestamptz '2020-01-01 00:00+00', time '10:00' + date '2020-01-01', timetz '10:00+02' + date '2020-01-01'
select age(current_date::timestamp) = interval '0', date_part('day', date '2020-05-06'), date_part('epoch', date '2020-05-06')
select date '2020-01-01' - interval '1 hour', time '10:00' - interval '1 day 1 hour', timetz '00:30+01' - interval '1 hour'
-- more casts
select '2020-02-29'::date + 365, '2020-02-29 12:00'::timestamp::date, '2020-02-29 23:59:59.999999+00'::timestamptz::date
select cast(interval '-3 hours' as time), cast(time '23:59:59.999999' as interval), cast(timetz '23:59+14' as time)
select '13:14:15.123456'::time(3), '13:14:15.123456+05'::timetz(0), '2020-01-01 13:14:15.999999'::timestamp(5)
select time '00:00:00.5'::time(0), time '23:59:59.5'::time(0), timetz '23:59:59.5-01'::timetz(0)
select timestamp '294276-12-31 23:59:59.999999'::timestamp(0)
select '2000-01-01'::date::timestamp(0) + interval '0.5 second'
-- interval arithmetic corner cases
select interval '1 mon' * 0.5, interval '1 mon 1 day' * 2.5, interval '1.5 mon' * 3, interval '1 day' * 1.0e-7
select interval '1 year' / 7, interval '-1 mon' / 3, interval '100 days' / 1000, interval '1 sec' / 3
select interval '29 days 23:59:59.999999' * 1.0000001, interval '1 mon' * -0.0001
select interval '-2147483648 months' * -1
select - interval '-2147483648 days'
select interval '1 day' / 'infinity'::float8, interval '1 day' * 0
select interval '1 day' * 'infinity'::float8
select interval '178000000 years'
select interval '2 days' > interval '47 hours', interval '1 year' = interval '360 days', interval '1 year' = interval '12 mons'
select interval '-1 mon' < interval '-29 days', interval '00:00:00.000001' > interval '0'
select justify_interval(interval '2147483647 days')
select justify_hours(interval '-2147483648 days -24 hours')
-- timestamps far apart and at the edges
select timestamp '4714-11-24 00:00:00 BC' + interval '1 usec', timestamp '294276-12-31 23:59:59.999999' - interval '1 usec'
select timestamp '0001-01-01' - timestamp '0001-12-31 BC', date '0001-01-01' - date '0001-12-31 BC'
select timestamp '2000-02-28' + interval '1 day', timestamp '1900-02-28' + interval '1 day', timestamp '2100-02-28' + interval '1 day'
select timestamp '2020-03-31' - interval '1 month', timestamp '2020-05-31' + interval '1 month', timestamp '2021-02-28' + interval '1 year 1 day'
select timestamp '2020-01-01' + interval '-1 year -1 month -1 day -1 hour', timestamp '2020-01-01' + interval '1000000 hours'
select timestamp '2020-01-01' - interval '106751991 days'
select date '2020-01-01' + 2147483647
select date '2020-01-01' - 2147483647
-- extract edges
select extract(week from date '2020-12-31'), extract(week from date '2021-01-01'), extract(week from date '2019-12-30'), extract(isoyear from date '2019-12-30')
select extract(isoyear from date '0001-01-01'), extract(isoyear from date '0001-12-31 BC'), extract(year from date '0001-12-31 BC'), extract(decade from date '0001-01-01 BC')
select extract(century from date '0100-12-31'), extract(century from date '0101-01-01'), extract(millennium from date '2000-12-31'), extract(millennium from date '0001-01-01 BC')
select extract(epoch from date '1970-01-01'), extract(epoch from timestamp '1969-12-31 23:59:59.5'), extract(epoch from timestamptz '294276-12-31 23:59:59+00')
select extract(microseconds from time '24:00'), extract(hour from time '24:00'), extract(epoch from time '24:00')
select extract(epoch from interval '-1 year -1 day'), extract(hour from interval '-25 hours'), extract(quarter from interval '-5 months'), extract(microseconds from interval '-1.5 seconds')
select extract(MONTH from date '2020-05-06'), extract("month" from date '2020-05-06'), extract('month' from date '2020-05-06')
select date_part('quarter', date '2020-12-31'), date_part('isodow', timestamp '2020-05-10'), date_part('doy', timestamptz '2020-03-01 00:00+00'), date_part('microsecond', time '00:00:01.000001')
select date_part('julian', date '2020-01-01'), date_part('julian', date 'infinity'), date_part('isoyear', timestamp '-infinity'), date_part('hour', timestamp '-infinity')
select date_part('now', timestamp '2020-01-01')
select date_part('jan', timestamp '2020-01-01')
select date_part('timezone', time '10:00')
select extract(epoch from timestamp 'infinity') > 0, date_part('epoch', timestamptz 'infinity')
-- date_trunc edges
select date_trunc('week', timestamp '2021-01-01'), date_trunc('week', timestamp '2020-12-28 10:00'), date_trunc('quarter', timestamp '2020-12-31 23:59')
select date_trunc('MONTH', timestamp '2020-05-06'), date_trunc('Day', timestamptz '2020-05-06 12:00+00'), date_trunc('d', timestamp '2020-05-06 12:00'), date_trunc('hours', timestamp '2020-05-06 12:34')
select date_trunc('millennium', timestamp '2000-05-06'), date_trunc('millennium', timestamp '2001-01-01'), date_trunc('century', timestamp '0001-01-01 BC'), date_trunc('decade', timestamp '0009-01-01 BC')
select date_trunc('year', timestamp '4714-11-24 BC')
select date_trunc('day', timestamptz '2020-03-29 12:00+00', 'Europe/Berlin'), date_trunc('hour', timestamptz '2020-03-29 01:30+00', 'Europe/Berlin'), date_trunc('day', timestamptz '2020-03-29 12:00+00', 'EST')
select date_trunc('minute', interval '-1 hour -2 minutes -3 seconds'), date_trunc('decade', interval '35 years 5 months'), date_trunc('quarter', interval '1 year 5 months'), date_trunc('milliseconds', interval '1.234567 seconds')
select date_trunc('timezone', timestamp '2020-01-01')
select date_trunc('dow', timestamp '2020-01-01')
-- date_bin edges
select date_bin(interval '1 hour 30 minutes', timestamp '2020-01-01 05:00', timestamp '2020-01-01'), date_bin(interval '7 days', timestamp '2020-01-15', timestamp '2020-01-01 12:00')
select date_bin(interval '1 second', timestamp '2020-01-01 00:00:00.5', timestamp '1900-01-01 00:00:00.25')
select date_bin(interval '-1 hour', timestamp '2020-01-01', timestamp '2000-01-01')
select date_bin(interval '1 hour', timestamp '2020-01-01', timestamp 'infinity')
-- age
select age(timestamp '2020-01-31', timestamp '2019-12-31'), age(timestamp '2020-03-31', timestamp '2020-02-29'), age(timestamp '2020-03-01', timestamp '2020-02-29 12:00')
select age(timestamp '2000-01-01 00:00:00.5', timestamp '2000-01-01 00:00:01'), age(timestamp '2000-01-01', timestamp '1000-06-15 12:34:56.789')
select age(timestamptz '2020-03-01 00:00+00', timestamptz '2020-01-31 12:00+00'), age(date '2020-05-06', date '2019-05-07')
-- make_* edges
select make_date(2020, 2, 30)
select make_date(-1, 12, 31), make_date(5874897, 12, 31), make_date(-4713, 11, 24)
select make_date(5874898, 1, 1)
select make_date(-4714, 11, 24)
select make_time(0, 0, 0), make_time(12, 59, 59.999999), make_time(12, 30, 59.9999999)
select make_time(-1, 0, 0)
select make_time(10, 60, 0)
select make_time(10, 0, 60.5)
select make_time(10, 0, 'nan')
select make_timestamp(2020, 2, 29, 24, 0, 0), make_timestamp(1999, 12, 31, 23, 59, 59.9999999)
select make_timestamp(294277, 1, 1, 0, 0, 0)
select make_timestamptz(2020, 6, 1, 12, 0, 0, 'Europe/Berlin'), make_timestamptz(2020, 6, 1, 12, 0, 0, '-03:30'), make_timestamptz(2020, 6, 1, 12, 0, 0, 'EST')
select make_timestamptz(2020, 6, 1, 12, 0, 0, '5')
select make_timestamptz(2020, 6, 1, 12, 0, 0, 'Nowhere')
select make_interval(0, 0, 2, 1, 0, 0, 0), make_interval(-1, 0, 0, 0, 0, 0, -0.5), make_interval(0, 0, 0, 0, 1, 90, 3600)
select make_interval(0, 0, 0, 0, 0, 0, 'infinity')
select make_interval(178956971, 0, 0, 0, 0, 0, 0)
-- time zones
select timestamptz '2020-06-01 12:00+00' at time zone 'Australia/Adelaide', timestamptz '2020-06-01 12:00+00' at time zone 'Asia/Kathmandu', timestamptz '2020-06-01 12:00+00' at time zone 'Pacific/Chatham'
select timestamp '2020-06-01 12:00' at time zone 'Etc/GMT+5', timestamp '2020-06-01 12:00' at time zone 'GMT', timestamp '2020-06-01 12:00' at time zone 'zulu', timestamp '2020-06-01 12:00' at time zone 'z'
select timestamp '2020-06-01 12:00' at time zone 'UTC-05:30', timestamp '2020-06-01 12:00' at time zone '<+0530>-05:30', timestamp '2020-06-01 12:00' at time zone 'XYZ+7'
select timestamp '2020-06-01 12:00' at time zone 'america/NEW_york', timestamptz '2020-06-01 12:00+00' at time zone 'AMERICA/los_angeles'
select timestamp '2020-06-01 12:00' at time zone interval '01:30:45.5', timestamptz '2020-06-01 12:00+00' at time zone interval '-01:30:45.5'
select timestamptz '2020-06-01 12:00+00' at time zone interval '1 mon'
select timetz '12:00+00' at time zone 'America/New_York' = timetz '07:00-05' or timetz '12:00+00' at time zone 'America/New_York' = timetz '08:00-04', timetz '23:30-02' at time zone 'UTC', timetz '00:30+02' at time zone interval '00:00'
select timestamp '294276-12-31 23:00' at time zone 'Asia/Tokyo', timestamptz '4714-11-24 01:00+00 BC' at time zone 'Asia/Tokyo'
select timestamp '294276-12-31 23:00' at time zone 'America/New_York'
select timestamptz '294276-12-31 23:00+00' at time zone 'Asia/Tokyo'
-- to_char more
select to_char(timestamp '2020-01-05 01:02:03', 'D ID DY Day W WW IW IYYY'), to_char(timestamp '2019-12-29', 'IYYY-IW-ID'), to_char(timestamp '2016-01-03', 'IYYY-IW-ID IDDD')
select to_char(timestamp '2020-05-06 13:00', 'HH12th FMHH12 hh12 AM'), to_char(timestamp '2020-05-06 00:00', 'HH12 PM'), to_char(timestamp '2020-05-06 11:59', 'HH AM p.m.')
select to_char(timestamp '2020-05-06', 'YYYYTH yyyyth FMDDTH FMDDth MMTH'), to_char(timestamp '2020-05-13', 'FMDDth'), to_char(timestamp '2020-05-21', 'FMDDth'), to_char(timestamp '2020-05-12', 'DDTH')
select to_char(timestamp '2020-05-06 17:08:09.123456', 'FF1 FF2 FF3 FF4 FF5 FF6 MS US MSth'), to_char(timestamp '2020-05-06 17:08:09', 'SSSSS ss mi')
select to_char(timestamp '0001-01-01 BC', 'YYYY Y,YYY CC BC b.c. J'), to_char(timestamp '2000-01-01', 'CC cc Y,YYY J Q q'), to_char(timestamp '2001-01-01', 'CC')
select to_char(timestamp '2020-05-06', 'rm RM FMrm'), to_char(timestamp '2020-12-06', 'RM'), to_char(timestamp '2020-01-06', 'FMRM.')
select to_char(timestamp '2020-05-06 17:08:09', '"YYYY"YYYY"\\"'), to_char(timestamp '2020-05-06', 'YYYY "year" MM "mon"'), to_char(timestamp '2020-05-06', '"unterminated')
select to_char(timestamp '2020-05-06 17:08:09', 'FMMonth FMDay FMDY FMMon'), to_char(timestamp '2020-09-06', 'Month|'), to_char(timestamp '2020-09-06', 'TMDay TMMon TMMONTH')
select to_char(timestamptz '2020-05-06 17:08:09.5+00', 'YYYY-MM-DD"T"HH24:MI:SS.MSOF'), to_char(timestamptz '2020-05-06 17:08:09+00', 'TZH TZM FMOF')
select to_char(interval '1 year 2 months 3 days 04:05:06', 'YY MM DD HH12 HH MI SS SSSS'), to_char(interval '25 hours', 'HH24 HH'), to_char(interval '-1 year -2 months', 'YYYY MM CC Y,YYY')
select to_char(interval '123 days', 'DDD WW W J'), to_char(interval '1.5 seconds', 'SS.MS US FF2'), to_char(interval '2 years 3 mons', 'RM rm Q')
select to_char(interval '1 day', 'Day')
select to_char(interval '1 day', 'AM')
select to_char(interval '1 day', 'TZ')
select to_char(timestamp '2020-05-06', 'FMYYYYTH'), to_char(timestamp '2020-05-06', 'SP DDSP FMSP'), to_char(date '2020-05-06', 'Day Month DDD')
-- to_timestamp / to_date more
select to_timestamp('2020-05-06T17:08:09', 'YYYY-MM-DD"T"HH24:MI:SS'), to_timestamp('17:08', 'HH24:MI'), to_timestamp('2020-05-06 17:08:09.123456789', 'YYYY-MM-DD HH24:MI:SS.US')
select to_timestamp('2020.05.06', 'YYYY.MM.DD'), to_timestamp('2020/5/6 5:8:9 pm', 'YYYY/MM/DD HH:MI:SS am'), to_timestamp('6 may 2020 17h', 'DD mon YYYY HH24"h"')
select to_timestamp('2020-05-06 17:08:09 UTC', 'YYYY-MM-DD HH24:MI:SS TZ')
select to_timestamp('2020-05-06', 'YYYY-MM-DD-HH24'), to_timestamp('2020-05-06 12', 'YYYY-MM-DD SS'), to_timestamp('1 2 3', 'HH24 MI SS')
select to_timestamp('2020 05 06', 'YYYYMMDD')
select to_timestamp('20200506123456', 'YYYYMMDDHH24MISS'), to_timestamp('2020506', 'YYYYMMDD')
select to_timestamp('05/06/2020', 'MM/DD/YYYY'), to_timestamp('2020-05-06 00:00:00.5', 'YYYY-MM-DD HH24:MI:SS.FF1'), to_timestamp('2020-05-06 00:00:00.123456', 'YYYY-MM-DD HH24:MI:SS.FF2')
select to_timestamp('2020-05-06', 'YYYY-MM-DD IW')
select to_timestamp('2020 20 3', 'IYYY IW ID'), to_timestamp('2020 150', 'IYYY IDDD'), to_timestamp('2020 20', 'IYYY IW')
select to_timestamp('2020-05 20', 'YYYY-MM IW')
select to_timestamp('2020 19', 'YYYY WW'), to_timestamp('2020-05 2', 'YYYY-MM W'), to_timestamp('20 2020', 'CC YYYY'), to_timestamp('20 05', 'CC YY'), to_timestamp('21', 'CC')
select to_timestamp('5 BC 2020', 'CC BC YYYY'), to_timestamp('100 BC', 'YYYY BC'), to_timestamp('2020 b.c.', 'YYYY B.C.')
select to_timestamp('2,020-05-06', 'Y,YYY-MM-DD'), to_timestamp('xii 2020', 'rm YYYY'), to_timestamp('IV 2020', 'RM YYYY')
select to_timestamp('2020-05-06 13 PM', 'YYYY-MM-DD HH PM')
select to_timestamp('2020-05-06 12 AM', 'YYYY-MM-DD HH AM'), to_timestamp('2020-05-06 12 P.M.', 'YYYY-MM-DD HH A.M.')
select to_timestamp('2020-05-06 5 XM', 'YYYY-MM-DD HH AM')
select to_timestamp('Foo 2020', 'Mon YYYY')
select to_timestamp('2020-05-06 10', 'YYYY-MM-DD TZ')
select to_timestamp('2020 05 06 2020', 'YYYY MM DD YYYY')
select to_timestamp('2020 2021', 'YYYY YYYY')
select to_timestamp('0 2020', 'DDD YYYY')
select to_timestamp('366 2020', 'DDD YYYY'), to_timestamp('60 2021', 'DDD YYYY'), to_timestamp('2020 60', 'YYYY DDD')
select to_timestamp('367 2020', 'DDD YYYY')
select to_timestamp('366', 'DDD')
select to_timestamp('9999999999', 'YYYY')
select to_timestamp('12', 'MMDD')
select to_timestamp('1', 'YYYYMM')
select to_timestamp('', 'YYYY'), to_timestamp('2020', ''), to_date('', '')
select to_timestamp('2020-05-06 17:08:09', 'FXYYYY-MM-DD HH24:MI:SS'), to_timestamp('2020  05', 'FXYYYY MM')
select to_timestamp('2020-05-06 +5', 'YYYY-MM-DD TZH'), to_timestamp('2020-05-06 -0530', 'YYYY-MM-DD TZHTZM'), to_timestamp('2020-05-06 30', 'YYYY-MM-DD TZM')
select to_date('2020-366', 'YYYY-DDD'), to_date('20200230', 'YYYYMMDD')
select to_date('2020-Feb-29', 'YYYY-Mon-DD'), to_date('29 february 2020', 'DD Month YYYY'), to_date('2020-W09-6', 'IYYY-"W"IW-ID'), to_date('44-03-15 BC', 'YY-MM-DD BC')
select to_date('5874897-12-31', 'YYYY-MM-DD')
select to_date('5874898-01-01', 'YYYY-MM-DD')
select to_date('4714-11-23 BC', 'YYYY-MM-DD BC')
select to_date('  2020-05-06', 'YYYY-MM-DD'), to_date('2020-05-06', '  YYYY-MM-DD'), to_date('2020 - 05 - 06', 'YYYY-MM-DD')
-- overflow at the extremes, as PostgreSQL 15 handles it
select timestamp '294276-12-31' - timestamp '4714-11-24 BC'
select date '5874897-12-31' - date '4714-11-24 BC'
select justify_hours(interval '2147483647 days 24 hours')
select age(timestamp '294276-12-31', timestamp '4714-11-24 BC')
select timestamp '2020-01-01' + interval '2147483647 days'
select interval '1 day' * 1e300
select make_time(1, 1, 1e300)
-- hash opclass support, bit-compatible with PostgreSQL
select timestamp_hash('2020-01-01 10:00'), timestamp_hash('-infinity'), time_hash('13:14:15.5'), timetz_hash('13:14:15.5+02'), interval_hash('1 mon 2 days 03:04:05'), interval_hash('-1 year')
select timestamp_hash_extended('2020-01-01 10:00', 0), timestamp_hash_extended('2020-01-01 10:00', 42), timetz_hash_extended('13:14:15.5+02', 7), interval_hash_extended('1 mon', -5), time_hash_extended('00:00', 1)
select interval_hash('1 mon') = interval_hash('30 days'), timestamp_hash('1999-12-31 23:00')
-- avg(interval) support functions
select interval_accum('{1 day, 00:00:00.000002}'::interval[], '5 hours'), interval_avg('{1 mon 1 day, 00:00:00.000003}'::interval[]), interval_avg('{1 day, 0}'::interval[]), interval_accum_inv('{1 day, 00:00:00.000002}'::interval[], '5 hours')
-- abbreviations whose offset changed over time follow their zone
select timestamp '2012-06-01 12:00' at time zone 'MSK', timestamp '2010-01-01 12:00' at time zone 'VET', timestamp '2020-01-01 12:00' at time zone 'AMST', timestamp '1990-01-01 12:00' at time zone 'MSK', timestamp '2020-07-01 12:00' at time zone 'LHDT', timestamp '2020-01-01 12:00' at time zone 'LHDT', timestamp '2020-01-01 12:00' at time zone 'NOVST', timestamptz '2012-06-01 12:00+00' at time zone 'msk'
