-- date arithmetic and comparisons
select date '2020-02-28' + 1, date '2020-02-28' + 2, 1 + date '2021-12-31'
select date '2020-03-01' - 1, date '2020-03-01' - date '2019-03-01'
select date '2000-01-01' - date 'infinity'
select date 'infinity' + 1, date '-infinity' - 10
select date '5874897-12-31' + 1
select date '4714-11-24 BC' - 1
select date '2020-01-31' + interval '1 month', date '2020-01-31' - interval '1 month'
select date '2020-01-01' + time '10:30', time '10:30' + date '2020-01-01'
select date '2020-01-01' + timetz '10:30+02'
select date '2020-01-01' < date '2020-01-02', date 'infinity' > date '2020-01-02', date '-infinity' < date '4714-11-24 BC'
select date '2020-01-01' = timestamp '2020-01-01 00:00', date '2020-01-01' < timestamp '2020-01-01 00:00:01'
select date '2020-01-01' >= timestamptz '2020-01-01 00:00+00', timestamptz '2020-01-01 00:00+01' < date '2020-01-01'
select date 'infinity' = timestamp 'infinity', date '-infinity' = timestamptz '-infinity'
select date '5874897-12-31' > timestamp '294276-12-31 23:59'
-- date casts
select date '2020-05-06'::timestamp, date '2020-05-06'::timestamptz, date 'infinity'::timestamp
select timestamp '2020-05-06 23:59:59.999'::date, timestamptz '2020-05-06 23:59:59+00'::date, timestamp '-infinity'::date
select date '5874897-12-31'::timestamp
select date '294276-12-31'::timestamp, date '294277-01-01'::timestamp
-- timestamp arithmetic
select timestamp '2020-01-31 10:00' + interval '1 month', timestamp '2020-02-29 10:00' + interval '1 year'
select timestamp '2020-01-01 00:00' + interval '1 year 2 mons 3 days 04:05:06.789'
select timestamp '2020-01-01 00:00' - interval '1 year 2 mons 3 days 04:05:06.789'
select interval '1 day' + timestamp '2020-01-01'
select timestamp '2020-03-01 00:00' - timestamp '2020-02-01 12:00', timestamp '2020-02-01' - timestamp '2021-03-01 01:02:03'
select timestamp 'infinity' - timestamp '2020-01-01'
select timestamp 'infinity' + interval '1 day', timestamp '-infinity' - interval '1 day'
select timestamp '294276-12-31 23:59:59' + interval '1 second'
select timestamp '294276-12-31 23:59:59' + interval '1 month'
select timestamp '4714-11-24 00:00:00 BC' - interval '1 usec'
select timestamp '2020-01-01 12:00' < timestamp '2020-01-01 12:00:00.000001', timestamp 'infinity' > timestamp '294276-01-01'
select timestamp '2020-01-01 12:00' = timestamptz '2020-01-01 12:00+00', timestamp '2020-01-01 12:00' < timestamptz '2020-01-01 12:00-01'
select timestamptz '2020-06-01 12:00+02' - timestamptz '2020-06-01 00:00+00', timestamptz '2020-01-01 00:00+00' - timestamptz '2019-01-01 00:00+00'
select timestamptz '2020-01-31 10:00+00' + interval '1 month 1 day 1 hour'
select timestamptz 'infinity' - interval '1 day', timestamptz '-infinity' + interval '1 day'
select timestamptz '2020-01-01 00:00+00' > timestamptz '2019-12-31 23:59:59.999999+00', timestamptz '2020-01-01 01:00+01' = timestamptz '2020-01-01 00:00+00'
-- timestamp/timestamptz casts and typmods
select timestamp '2020-05-06 07:08:09.123456'::timestamp(3), timestamp '2020-05-06 07:08:09.5'::timestamp(0), timestamp '2020-05-06 07:08:09.123456'::timestamp(6)
select timestamptz '2020-05-06 07:08:09.987654+00'::timestamptz(2), '2020-05-06 07:08:09.95'::timestamp(1)
select timestamp '1999-12-31 23:59:59.999999'::timestamp(0), timestamp '0099-12-31 23:59:59.5 BC'::timestamp(0)
select timestamp 'infinity'::timestamp(2)
select timestamp '2020-05-06 07:08:09'::timestamptz, timestamptz '2020-05-06 07:08:09+03'::timestamp
select timestamp '2020-05-06 07:08:09.5'::time, timestamptz '2020-05-06 07:08:09+03'::time, timestamptz '2020-05-06 07:08:09+03'::timetz
select timestamp 'infinity'::timestamptz, timestamptz '-infinity'::timestamp
select cast(timestamp '2020-05-06 07:08:09' as date), cast('2020-05-06 07:08:09+05' as timestamptz)
select '2020-05-06'::date::text, '2020-05-06 01:02'::timestamp::text, '1 day'::interval::text
select '1 year 2 mons'::interval::varchar
-- time and timetz
select time '10:00' + interval '15 hours', time '10:00' - interval '11 hours', interval '1 day 1 hour' + time '23:00'
select time '10:00' - time '12:30:15.5', time '24:00' - time '00:00'
select time '12:34:56.789'::time(1), time '23:59:59.9'::time(0), time '12:34:56.789'::time(0)
select time '12:34:56' < time '12:34:57', time '24:00' > time '23:59:59.999999', time '10:00' = time '10:00:00'
select time '12:34:56'::interval, interval '26 hours 10 minutes'::time, interval '-1 hour'::time
select interval '1 month 3 days 04:05'::time
select timetz '10:00+02' + interval '15 hours', timetz '10:00-03' - interval '11 hours'
select timetz '10:00+02' = timetz '08:00+00', timetz '10:00+02' < timetz '09:00+00', timetz '10:00+02' > timetz '08:00+00'
select timetz '12:34:56.789+05:30'::timetz(1), timetz '12:34:56.789+05:30'::time
select time '10:00'::timetz
select timetz '10:00+02' <> timetz '10:00+01', timetz '10:00+02' >= timetz '10:00+02'
-- interval arithmetic
select interval '1 day' + interval '2 hours', interval '1 mon' - interval '1 day 1 hour', - interval '1 year -2 days 03:00'
select interval '1 month' * 1.5, interval '1 day' * 0.3, 2 * interval '3 hours 1 second'
select interval '1 year 1 day' / 3, interval '10 days' / 4, interval '1 mon' / 7
select interval '1 hour' / 0
select interval '2147483647 months' + interval '1 month'
select interval '2147483647 days' * 2
select interval '1 day' * 'nan'::float8
select interval '1 month' = interval '30 days', interval '1 day' = interval '24 hours', interval '1 mon' > interval '29 days 23:59:59'
select interval '-1 day' < interval '0', interval '1 year' >= interval '360 days', interval '1 hour' <> interval '60 minutes'
select interval '1 year 2 months 3 days 4 hours 5 minutes 6 seconds' * -1
select interval '01:02:03.456789' * 1000000
-- overlaps and larger/smaller functions
select overlaps(timestamp '2020-01-01', timestamp '2020-02-01', timestamp '2020-02-01', timestamp '2020-03-01')
select overlaps(time '10:00', time '12:00', time '11:00', time '13:00'), overlaps(time '10:00', time '12:00', time '12:00', time '13:00')
select overlaps(timestamp '2020-01-01', null::timestamp, timestamp '2020-01-01', timestamp '2020-01-02')
select overlaps(timestamp '2020-01-02', null::timestamp, timestamp '2020-01-01', timestamp '2020-01-03')
select overlaps(timetz '10:00+00', timetz '12:00+00', timetz '13:00+02', timetz '15:00+02')
select isfinite(date '2020-01-01'), isfinite(date 'infinity'), isfinite(timestamp '-infinity'), isfinite(timestamptz '2020-01-01'), isfinite(interval '1 day')
