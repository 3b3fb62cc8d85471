-- extract (numeric) and date_part (float8)
select extract(year from timestamp '2020-05-06 07:08:09.123456'), extract(month from timestamp '2020-05-06 07:08:09.123456'), extract(day from timestamp '2020-05-06 07:08:09.123456')
select extract(hour from timestamp '2020-05-06 07:08:09.123456'), extract(minute from timestamp '2020-05-06 07:08:09.123456'), extract(second from timestamp '2020-05-06 07:08:09.123456')
select extract(milliseconds from timestamp '2020-05-06 07:08:09.123456'), extract(microseconds from timestamp '2020-05-06 07:08:09.123456')
select extract(epoch from timestamp '2020-05-06 07:08:09.123456'), extract(epoch from timestamptz '2020-05-06 07:08:09.5+02')
select extract(dow from date '2020-05-10'), extract(isodow from date '2020-05-10'), extract(doy from date '2020-12-31'), extract(week from date '2021-01-03'), extract(isoyear from date '2021-01-03')
select extract(quarter from date '2020-08-01'), extract(decade from date '2020-08-01'), extract(century from date '2000-08-01'), extract(century from date '2001-01-01'), extract(millennium from date '2001-01-01')
select extract(year from date '0044-03-15 BC'), extract(century from date '0044-03-15 BC'), extract(decade from date '0044-03-15 BC'), extract(millennium from date '1000-03-15 BC')
select extract(julian from date '2020-01-01'), extract(julian from timestamp '2020-01-01 12:00'), extract(epoch from date '2020-01-01')
select extract(year from date 'infinity'), extract(month from date 'infinity'), extract(epoch from timestamp '-infinity')
select extract(hour from date '2020-01-01')
select extract(foo from timestamp '2020-01-01')
select extract(timezone from timestamp '2020-01-01')
select extract(timezone from timestamptz '2020-01-01'), extract(timezone_hour from timestamptz '2020-01-01'), extract(timezone_minute from timestamptz '2020-01-01')
select extract(hour from time '13:14:15.5'), extract(second from time '13:14:15.5'), extract(epoch from time '13:14:15.5'), extract(milliseconds from time '13:14:15.5')
select extract(day from time '13:14:15')
select extract(hour from timetz '13:14:15.5-03:30'), extract(timezone from timetz '13:14:15.5-03:30'), extract(timezone_hour from timetz '13:14:15.5-03:30'), extract(timezone_minute from timetz '13:14:15.5-03:30'), extract(epoch from timetz '13:14:15.5-03:30')
select extract(year from interval '1 year 14 months'), extract(month from interval '1 year 14 months'), extract(day from interval '40 days 30 hours'), extract(hour from interval '40 days 30 hours')
select extract(epoch from interval '1 year 2 months 3 days 04:05:06.789'), extract(second from interval '-1 minute -2.5 seconds'), extract(minute from interval '-1 minute -2.5 seconds')
select extract(century from interval '250 years'), extract(millennium from interval '2500 years'), extract(decade from interval '-25 years'), extract(quarter from interval '7 months')
select extract(dow from interval '1 day')
select date_part('year', timestamp '2020-05-06 07:08:09.123456'), date_part('second', timestamp '2020-05-06 07:08:09.123456'), date_part('epoch', timestamp '2020-05-06 07:08:09.123456')
select date_part('milliseconds', timestamp '2020-05-06 07:08:09.123456'), date_part('julian', timestamp '2020-05-06 12:00'), date_part('dow', date '2020-05-06')
select date_part('epoch', timestamptz '2020-05-06 07:08:09.5+02'), date_part('timezone', timestamptz '2020-05-06 07:08:09.5+02')
select date_part('epoch', interval '1 year 2 months 3 days 04:05:06.789'), date_part('second', time '01:02:03.25'), date_part('hour', timetz '01:02:03.25+01')
select date_part('year', timestamp 'infinity'), date_part('day', timestamp 'infinity'), date_part('YEAR', date '2020-01-01'), date_part('Secs', time '00:00:07')
select date_part('year', date 'infinity')
select date_part('mon', interval '13 months'), date_part('week', timestamp '2020-12-31'), date_part('y', timestamp '2020-12-31')
-- date_trunc
select date_trunc('year', timestamp '2020-05-06 07:08:09.123456'), date_trunc('quarter', timestamp '2020-05-06 07:08:09.123456'), date_trunc('month', timestamp '2020-05-06 07:08:09.123456')
select date_trunc('week', timestamp '2020-05-06 07:08:09.123456'), date_trunc('day', timestamp '2020-05-06 07:08:09.123456'), date_trunc('hour', timestamp '2020-05-06 07:08:09.123456')
select date_trunc('minute', timestamp '2020-05-06 07:08:09.123456'), date_trunc('second', timestamp '2020-05-06 07:08:09.123456'), date_trunc('milliseconds', timestamp '2020-05-06 07:08:09.123456'), date_trunc('microseconds', timestamp '2020-05-06 07:08:09.123456')
select date_trunc('decade', timestamp '2019-05-06'), date_trunc('century', timestamp '2000-05-06'), date_trunc('century', timestamp '2001-05-06'), date_trunc('millennium', timestamp '2001-05-06')
select date_trunc('century', timestamp '0055-05-06 BC'), date_trunc('decade', timestamp '0055-05-06 BC'), date_trunc('millennium', timestamp '1055-05-06 BC')
select date_trunc('day', timestamptz '2020-05-06 07:08:09+05'), date_trunc('month', timestamptz '2020-05-06 07:08:09+05')
select date_trunc('day', timestamptz '2020-05-06 07:08:09+00', 'Asia/Tokyo'), date_trunc('month', timestamptz '2020-11-01 07:08:09+00', 'America/New_York')
select date_trunc('day', timestamptz '2020-05-06 07:08:09+00', 'Mars/Olympus')
select date_trunc('hour', interval '1 year 2 months 3 days 04:05:06'), date_trunc('year', interval '1 year 14 months 3 days'), date_trunc('day', interval '-3 days -04:05:06')
select date_trunc('week', interval '10 days')
select date_trunc('epoch', timestamp '2020-01-01')
select date_trunc('fortnight', timestamp '2020-01-01')
select date_trunc('day', timestamp 'infinity'), date_trunc('day', date '2020-05-06')
-- date_bin
select date_bin(interval '15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01'), date_bin(interval '15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01 00:02:30')
select date_bin(interval '1 day', timestamptz '2020-02-11 15:44:17+00', timestamptz '2001-01-01 00:00+00'), date_bin(interval '5 minutes', timestamp '1999-12-31 23:58', timestamp '2020-01-01')
select date_bin(interval '1 month', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01')
select date_bin(interval '0 days', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01')
select date_bin(interval '1 hour', timestamp 'infinity', timestamp '2001-01-01')
-- age, justify
select age(timestamp '2020-05-06 07:08:09', timestamp '2019-01-31 10:00'), age(timestamp '2019-01-31', timestamp '2020-05-06 07:08:09')
select age(timestamp '2020-03-01', timestamp '2020-01-31'), age(timestamp '2020-02-29', timestamp '2019-02-28'), age(timestamp '2021-02-28', timestamp '2020-02-29')
select age(timestamptz '2020-05-06 07:08:09+00', timestamptz '2020-01-01 00:00+00'), age(timestamp '2020-01-01', timestamp '2020-01-01')
select age(timestamp 'infinity', timestamp '2020-01-01')
select age(timestamp '0001-01-01 BC', timestamp '0001-01-01')
select justify_days(interval '65 days'), justify_days(interval '-65 days'), justify_days(interval '1 month -35 days'), justify_days(interval '-1 month 40 days')
select justify_hours(interval '50 hours'), justify_hours(interval '-50 hours'), justify_hours(interval '1 day -3 hours'), justify_hours(interval '-1 day 3 hours')
select justify_interval(interval '1 mon -1 hour'), justify_interval(interval '-1 mon 1 hour'), justify_interval(interval '1 mon 65 days 50 hours'), justify_interval(interval '-3 days 50 hours')
-- make_*
select make_date(2020, 2, 29), make_date(-44, 3, 15), make_time(10, 20, 30.5), make_timestamp(2020, 1, 2, 3, 4, 5.678)
select make_date(2021, 2, 29)
select make_date(0, 1, 1)
select make_time(24, 0, 0), make_time(23, 59, 60)
select make_time(25, 0, 0)
select make_timestamp(2020, 13, 1, 0, 0, 0)
select make_timestamptz(2020, 1, 2, 3, 4, 5.5), make_timestamptz(2020, 7, 2, 3, 4, 5, 'America/New_York'), make_timestamptz(2020, 1, 2, 3, 4, 5, '+05')
select make_interval(1, 2, 3, 4, 5, 6, 7.5), make_interval(0, 0, 0, 0, 0, 0, 0)
select make_timestamp(-44, 3, 15, 12, 0, 0)
-- time zones: timezone() and AT TIME ZONE
select timestamp '2020-07-01 12:00' at time zone 'America/New_York', timestamptz '2020-07-01 12:00+00' at time zone 'America/New_York'
select timestamp '2020-01-01 12:00' at time zone 'UTC', timestamptz '2020-01-01 12:00+00' at time zone 'Asia/Kolkata'
select timestamp '2020-01-01 12:00' at time zone 'EST', timestamp '2020-01-01 12:00' at time zone 'pst', timestamptz '2020-01-01 12:00+00' at time zone 'cet'
select timestamp '2020-01-01 12:00' at time zone '+05', timestamptz '2020-01-01 12:00+00' at time zone '-03:30', timestamptz '2020-01-01 12:00+00' at time zone 'UTC+2'
select timestamp '2020-01-01 12:00' at time zone interval '02:00', timestamptz '2020-01-01 12:00+00' at time zone interval '-05:30'
select timestamp '2020-01-01 12:00' at time zone interval '1 day'
select timestamp '2020-01-01 12:00' at time zone 'Nowhere/Land'
select timezone('Europe/Berlin', timestamp '2020-03-29 02:30'), timezone('Europe/Berlin', timestamp '2020-10-25 02:30'), timezone('europe/berlin', timestamptz '2020-10-25 00:30+00')
select timetz '10:00+02' at time zone 'UTC', timetz '10:00+02' at time zone interval '05:00', timezone('Asia/Tokyo', timetz '23:00+00')
select timestamp 'infinity' at time zone 'UTC', timestamptz '-infinity' at time zone 'Europe/Paris'
select timestamptz '1883-01-01 00:00+00' at time zone 'America/New_York', timestamptz '1800-06-01 00:00+00' at time zone 'Europe/Paris'
-- the current time
select now() = current_timestamp, now() = transaction_timestamp(), now() <= statement_timestamp(), statement_timestamp() <= clock_timestamp()
select current_date = now()::date, localtimestamp = now()::timestamp, current_time = now()::timetz, localtime = now()::time
select current_timestamp(0) = date_trunc('second', now()) or current_timestamp(0) = date_trunc('second', now()) + interval '1 second', extract(microseconds from localtime(0)) % 1000000, extract(microseconds from current_time(0)) % 1000000, extract(microseconds from localtimestamp(0)) % 1000000
select now() - current_timestamp, extract(epoch from clock_timestamp() - now()) >= 0, timeofday() like '% %'
select 'now'::timestamptz <= clock_timestamp(), 'today'::date = current_date, 'epoch'::timestamp
select to_timestamp(1234567890.5), to_timestamp(0), to_timestamp(-1.000001), to_timestamp('infinity'::float8), to_timestamp('-infinity'::float8)
select to_timestamp('nan'::float8)
select to_timestamp(1e20)
