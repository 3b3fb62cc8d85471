select time(2) '10:00:00.123', timestamp(1) '2020-01-01 10:00:00.16', timestamptz(0) '2020-01-01 10:00:00.6+00'
select '10:00:00.123'::time(2)::text, current_time(0)::text = current_time(0)::text
select now()::timestamp(0) <= localtimestamp(0) + interval '1 sec'
select extract(hour from current_time) >= 0, localtime(2) is not null, current_timestamp(7) is not null
select 'today'::timestamp = current_date::timestamp, 'tomorrow'::date - 'yesterday'::date
select timestamp with time zone '2020-01-01 00:00+00', time with time zone '10:00+01', timestamp without time zone '2020-01-01'
select date '2020-01-01' + time with time zone '10:00+01'
select '2020-01-01'::date - '2019-01-01', '10:00'::time - '09:00'
select date '2020-01-01' - timestamp '2019-12-31 12:00'
select timestamp '2020-01-01' - date '2019-12-31'
