-- random values (seed 15), answers recorded from PostgreSQL 15
select timestamp '2136-04-01 01:56:51.000000 BC' + interval '-7:29:45.373019', timestamp '2000-04-28 11:51:20.234242' - interval '-41 days 3:31:05.483505'
select timestamp '2012-11-15 12:49:55.000000' + interval '-38 mons 36 days 50:44:54.754012', timestamp '1973-02-04 12:03:04.491427' - interval '24 mons 39 days'
select timestamp '1920-11-11 12:57:30.352507' + interval '0', timestamp '1116-07-13 00:53:16.000000' - interval '-35 mons -85 days'
select timestamp '2027-08-02 16:03:30.000000' + interval '19 mons 93 days 38:46:16.711206', timestamp '1902-07-14 11:03:39.980501' - interval '-1 mons -93 days'
select timestamp '3661-10-13 16:00:09.000000' + interval '25 mons -38 days -10:31:20.2666', timestamp '1456-11-28 16:46:06.875680' - interval '-24 mons -20 days 44:39:35.647463'
select timestamp '1614-03-23 20:29:53.000000 BC' + interval '30 mons 1:14:35.677933', timestamp '0477-11-25 10:29:55.633862' - interval '3 mons -31 days -27:03:29.960735'
select timestamp '0276-12-22 02:50:56.756528' + interval '-11 mons 57 days', timestamp '0229-03-12 18:09:32.181758' - interval '-29:27:04.443622'
select timestamp '4000-01-15 10:25:57.000000' + interval '34 mons 8:28:01.352278', timestamp '2018-08-13 22:40:32.000000' - interval '0 mons 22 days 40:36:29.545125'
select timestamp '0347-09-17 12:42:06.729189' + interval '15 days -16:57:26.126357', timestamp '1246-05-05 14:42:32.000000' - interval '26 mons -23:25:27.231557'
select timestamp '2871-11-22 12:47:51.997036' + interval '-3 days -7:24:21.696987', timestamp '1370-11-24 07:36:42.000000' - interval '27 mons -20:31:16.517834'
select timestamp '1960-03-17 20:42:13.995395' + interval '48:03:14.40860', timestamp '1351-11-19 10:20:23.442303' - interval '45:53:36.666914'
select timestamp '0933-03-14 04:07:03.000000' + interval '9 mons 5:22:09.205481', timestamp '1409-09-09 16:32:03.000000 BC' - interval '34 mons 23 days -32:43:10.531460'
select timestamp '3250-12-14 10:41:51.000000' + interval '29 mons 46 days -10:48:48.851278', timestamp '0445-01-08 08:28:09.788796' - interval '-31 mons -22:42:53.775808'
select timestamp '2026-04-04 03:18:23.000000' + interval '34 mons -66 days -19:44:01.142506', timestamp '0156-10-06 20:54:44.000000' - interval '24 days 26:38:10.816515'
select timestamp '2003-10-13 21:49:53.986679' + interval '-22 mons 59 days -35:06:04.227952', timestamp '1657-04-02 23:24:44.209696' - interval '13 mons 64 days -50:09:05.998421'
select timestamp '2022-07-23 14:45:34.000000' + interval '-95 days -14:19:35.319898', timestamp '1875-02-26 04:19:24.348855' - interval '-56 days -13:14:00.386909'
select timestamp '1958-05-03 00:12:59.070845' + interval '-24 days', timestamp '0956-03-24 04:03:42.637722' - interval '-16:38:57.668415'
select timestamp '0617-11-01 05:06:38.000000' + interval '-68 days -32:39:00.774617', timestamp '1310-01-18 08:09:54.092345' - interval '-24 mons -5 days -1:10:56.70738'
select timestamp '0209-10-17 05:36:41.000000' + interval '-19 mons 92 days -43:26:07.837741', timestamp '2253-10-16 02:45:37.000000' - interval '-42 days -33:19:16.594653'
select timestamp '1145-04-25 15:23:31.969688' + interval '8:31:59.695214', timestamp '1838-10-15 11:16:18.595834' - interval '14 mons -34 days -32:46:41.635417'
select timestamp '1893-12-26 01:56:50.000000' + interval '23 days 4:52:12.970013', timestamp '1884-02-25 04:42:47.000000' - interval '-28:32:59.505940'
select timestamp '3165-12-23 05:50:29.000000' + interval '-6 mons -39 days', timestamp '3851-09-03 05:52:08.000000' - interval '31 mons -19 days -20:01:00.481293'
select timestamp '1771-03-16 11:43:36.843808' + interval '-16:04:04.39168', timestamp '3067-09-02 08:57:04.000000' - interval '-17 mons'
select timestamp '1444-07-17 04:14:14.000000' + interval '11 mons 81 days 44:33:06.806423', timestamp '2094-02-12 08:06:27.819433' - interval '45 days -34:41:18.348980'
select timestamp '1737-07-08 08:44:01.757819' + interval '29 mons -49:29:43.435837', timestamp '0286-03-15 14:13:53.121673' - interval '21 mons 54 days -44:22:13.798286'
select timestamp '1739-07-05 04:58:13.953895' + interval '45:15:39.465625', timestamp '2070-01-02 08:57:59.000000' - interval '-30 mons -65 days 20:34:58.381625'
select timestamp '1908-10-08 05:31:29.527994' + interval '-22 mons 42 days -25:55:59.802800', timestamp '1464-10-17 03:50:31.993563' - interval '-21:45:24.697021'
select timestamp '2022-10-25 12:07:21.356447' + interval '-27 mons -86 days 14:00:50.311618', timestamp '1677-12-09 01:14:56.499077' - interval '64 days -47:08:48.781504'
select timestamp '1970-02-11 09:13:58.000000' + interval '16 mons 21:02:39.753194', timestamp '3801-12-04 13:03:41.568513' - interval '-32 days 42:22:43.685893'
select timestamp '1051-09-11 19:24:27.000000' + interval '-36 mons -35 days 31:00:33.342135', timestamp '1945-03-23 00:17:43.000000' - interval '-26 mons -62 days 23:38:18.95436'
select timestamp '1943-01-02 04:16:09.000000' - timestamp '0729-06-17 16:22:59.000000', age(timestamp '1943-01-02 04:16:09.000000', timestamp '0729-06-17 16:22:59.000000')
select timestamp '0854-09-07 01:56:48.000000' - timestamp '1932-04-10 04:59:01.000000', age(timestamp '0854-09-07 01:56:48.000000', timestamp '1932-04-10 04:59:01.000000')
select timestamp '1165-02-16 15:28:43.044861' - timestamp '2684-04-18 10:02:12.713084', age(timestamp '1165-02-16 15:28:43.044861', timestamp '2684-04-18 10:02:12.713084')
select timestamp '2017-05-25 00:21:04.000000' - timestamp '1900-02-04 15:05:05.000000', age(timestamp '2017-05-25 00:21:04.000000', timestamp '1900-02-04 15:05:05.000000')
select timestamp '1962-05-18 03:39:27.960391' - timestamp '1941-12-24 21:43:30.191524 BC', age(timestamp '1962-05-18 03:39:27.960391', timestamp '1941-12-24 21:43:30.191524 BC')
select timestamp '1120-10-16 23:26:45.100883' - timestamp '3098-01-06 15:49:35.000000', age(timestamp '1120-10-16 23:26:45.100883', timestamp '3098-01-06 15:49:35.000000')
select timestamp '1948-10-24 08:39:12.441984' - timestamp '0958-11-18 19:50:33.000000', age(timestamp '1948-10-24 08:39:12.441984', timestamp '0958-11-18 19:50:33.000000')
select timestamp '0227-05-07 19:47:57.159719' - timestamp '2664-05-10 22:35:16.000000', age(timestamp '0227-05-07 19:47:57.159719', timestamp '2664-05-10 22:35:16.000000')
select timestamp '1304-06-21 11:44:45.206220' - timestamp '2268-10-20 21:19:00.000000', age(timestamp '1304-06-21 11:44:45.206220', timestamp '2268-10-20 21:19:00.000000')
select timestamp '1318-04-09 04:43:05.000000' - timestamp '1992-09-09 07:16:20.000000', age(timestamp '1318-04-09 04:43:05.000000', timestamp '1992-09-09 07:16:20.000000')
select timestamp '0038-12-09 06:46:10.000000' - timestamp '1950-02-02 05:02:15.000000', age(timestamp '0038-12-09 06:46:10.000000', timestamp '1950-02-02 05:02:15.000000')
select timestamp '3462-08-27 11:03:37.488001' - timestamp '1902-08-09 16:17:22.255642', age(timestamp '3462-08-27 11:03:37.488001', timestamp '1902-08-09 16:17:22.255642')
select timestamp '2099-05-27 08:36:12.324469 BC' - timestamp '1052-11-21 10:01:26.000000', age(timestamp '2099-05-27 08:36:12.324469 BC', timestamp '1052-11-21 10:01:26.000000')
select timestamp '1442-06-09 16:05:02.000000' - timestamp '3281-05-14 01:27:48.274529', age(timestamp '1442-06-09 16:05:02.000000', timestamp '3281-05-14 01:27:48.274529')
select timestamp '1325-02-14 05:26:00.000000' - timestamp '1990-03-18 12:29:19.041242 BC', age(timestamp '1325-02-14 05:26:00.000000', timestamp '1990-03-18 12:29:19.041242 BC')
select timestamp '1894-06-12 10:05:50.007296' - timestamp '0253-10-16 18:46:25.883209', age(timestamp '1894-06-12 10:05:50.007296', timestamp '0253-10-16 18:46:25.883209')
select timestamp '0190-11-11 22:48:40.004024' - timestamp '1988-02-25 12:23:09.650167 BC', age(timestamp '0190-11-11 22:48:40.004024', timestamp '1988-02-25 12:23:09.650167 BC')
select timestamp '1902-03-25 22:58:56.072614' - timestamp '0717-10-04 12:42:23.945058', age(timestamp '1902-03-25 22:58:56.072614', timestamp '0717-10-04 12:42:23.945058')
select timestamp '2718-07-18 11:28:15.000000' - timestamp '1220-09-18 23:36:03.000000', age(timestamp '2718-07-18 11:28:15.000000', timestamp '1220-09-18 23:36:03.000000')
select timestamp '1969-01-10 19:09:50.412781' - timestamp '3133-07-25 04:31:35.000000', age(timestamp '1969-01-10 19:09:50.412781', timestamp '3133-07-25 04:31:35.000000')
select interval '20 mons -58 days -8:30:59.430804' * 123.456, interval '-32 mons 26:14:54.369670' / 1e-3
select interval '-40 mons -18 days' * 0.001, interval '38 days 26:10:40.397874' / 1e-3
select interval '-15 days 28:11:51.849586' * 1.25, interval '4 mons -1 days' / 1e-3
select interval '5 days -40:29:57.527809' * -3, interval '-18 mons -3 days -32:21:14.381364' / 11
select interval '23 mons 77 days 32:41:51.711569' * 123.456, interval '-11:31:09.11825' / -2.5
select interval '-28 mons -2:17:11.27887' * 7.1, interval '-23 mons 99 days' / 3
select interval '33 mons -40 days -37:11:41.156052' * 0.5, interval '-32 mons -63 days' / 1e-3
select interval '67 days -44:31:50.983489' * 7.1, interval '-73 days 23:24:45.672248' / 1e-3
select interval '30 mons' * 123.456, interval '-11 mons -72 days -44:37:26.679206' / 11
select interval '0' * 123.456, interval '-18 mons 92 days' / 11
select interval '-35 mons' * 7.1, interval '-40 mons -21:18:11.738320' / 0.7
select interval '-1:32:19.785011' * 0.001, interval '16 mons 32:23:35.696087' / 1e-3
select interval '-38 mons' * -3, interval '-35 mons -16 days 32:27:58.2360' / 3
select interval '20 mons -11 days -33:51:30.436906' * 123.456, interval '-29 mons 52 days -8:59:21.226007' / 1e-3
select interval '-31 days -12:42:54.56400' * 123.456, interval '46 days -7:32:52.73350' / 3
select interval '-6 mons 6:51:32.792115' * 0.5, interval '-25 mons -56 days -10:12:45.302994' / 1e-3
select interval '-25 mons -16:21:07.468513' * 7.1, interval '-29 mons 8:29:58.785136' / 0.7
select interval '-24 mons 32 days 13:42:12.282652' * 7.1, interval '92 days 21:16:04.899802' / 0.7
select interval '-33 mons 79 days 25:24:06.534047' * 0.001, interval '-31 days -28:35:20.149919' / 1e-3
select interval '-58 days -24:41:11.563357' * 123.456, interval '25 mons 14:32:32.854891' / -2.5
select justify_days(interval '4 mons -28:58:07.222591'), justify_hours(interval '4 mons -28:58:07.222591'), justify_interval(interval '4 mons -28:58:07.222591')
select justify_days(interval '-30:54:59.454116'), justify_hours(interval '-30:54:59.454116'), justify_interval(interval '-30:54:59.454116')
select justify_days(interval '1 mons 19 days -14:27:22.62023'), justify_hours(interval '1 mons 19 days -14:27:22.62023'), justify_interval(interval '1 mons 19 days -14:27:22.62023')
select justify_days(interval '-35 mons 34:42:14.209733'), justify_hours(interval '-35 mons 34:42:14.209733'), justify_interval(interval '-35 mons 34:42:14.209733')
select justify_days(interval '1 days'), justify_hours(interval '1 days'), justify_interval(interval '1 days')
select justify_days(interval '-30 days'), justify_hours(interval '-30 days'), justify_interval(interval '-30 days')
select justify_days(interval '37 mons 10 days'), justify_hours(interval '37 mons 10 days'), justify_interval(interval '37 mons 10 days')
select justify_days(interval '-15 mons 88 days 38:26:59.989036'), justify_hours(interval '-15 mons 88 days 38:26:59.989036'), justify_interval(interval '-15 mons 88 days 38:26:59.989036')
select justify_days(interval '38 mons'), justify_hours(interval '38 mons'), justify_interval(interval '38 mons')
select justify_days(interval '-8 mons -100 days -33:59:13.271232'), justify_hours(interval '-8 mons -100 days -33:59:13.271232'), justify_interval(interval '-8 mons -100 days -33:59:13.271232')
select justify_days(interval '34 mons 16 days 21:55:56.969115'), justify_hours(interval '34 mons 16 days 21:55:56.969115'), justify_interval(interval '34 mons 16 days 21:55:56.969115')
select justify_days(interval '37 days -2:21:12.223409'), justify_hours(interval '37 days -2:21:12.223409'), justify_interval(interval '37 days -2:21:12.223409')
select justify_days(interval '24 mons -60 days -3:13:13.307415'), justify_hours(interval '24 mons -60 days -3:13:13.307415'), justify_interval(interval '24 mons -60 days -3:13:13.307415')
select justify_days(interval '35 mons 22:09:17.518102'), justify_hours(interval '35 mons 22:09:17.518102'), justify_interval(interval '35 mons 22:09:17.518102')
select justify_days(interval '-33 mons 17 days'), justify_hours(interval '-33 mons 17 days'), justify_interval(interval '-33 mons 17 days')
select extract(microseconds from timestamp '3519-08-09 05:00:07.000000 BC'), date_part('microseconds', timestamp '3519-08-09 05:00:07.000000 BC')
select extract(milliseconds from timestamp '1957-02-11 04:30:49.820794'), date_part('milliseconds', timestamp '1957-02-11 04:30:49.820794')
select extract(week from timestamp '2552-06-23 14:24:05.000000'), date_part('week', timestamp '2552-06-23 14:24:05.000000')
select extract(day from timestamp '0756-11-05 06:45:09.000000'), date_part('day', timestamp '0756-11-05 06:45:09.000000')
select extract(week from timestamp '1995-10-12 05:02:30.000000'), date_part('week', timestamp '1995-10-12 05:02:30.000000')
select extract(microseconds from timestamp '1976-04-05 14:29:15.409080'), date_part('microseconds', timestamp '1976-04-05 14:29:15.409080')
select extract(day from timestamp '2241-06-09 01:30:55.000000'), date_part('day', timestamp '2241-06-09 01:30:55.000000')
select extract(dow from timestamp '2095-04-20 05:44:32.000000'), date_part('dow', timestamp '2095-04-20 05:44:32.000000')
select extract(minute from timestamp '0379-02-02 22:12:48.000000'), date_part('minute', timestamp '0379-02-02 22:12:48.000000')
select extract(microseconds from timestamp '2001-04-12 16:19:54.859366'), date_part('microseconds', timestamp '2001-04-12 16:19:54.859366')
select extract(second from timestamp '1928-10-08 12:56:33.000000'), date_part('second', timestamp '1928-10-08 12:56:33.000000')
select extract(millennium from timestamp '1387-11-28 02:51:02.337540'), date_part('millennium', timestamp '1387-11-28 02:51:02.337540')
select extract(day from timestamp '1998-05-11 19:56:19.594278'), date_part('day', timestamp '1998-05-11 19:56:19.594278')
select extract(epoch from timestamp '0239-07-14 22:15:13.000000'), date_part('epoch', timestamp '0239-07-14 22:15:13.000000')
select extract(julian from timestamp '1942-05-28 21:15:32.299268'), date_part('julian', timestamp '1942-05-28 21:15:32.299268')
select extract(hour from timestamp '1970-03-14 08:30:20.331258 BC'), date_part('hour', timestamp '1970-03-14 08:30:20.331258 BC')
select extract(dow from timestamp '1222-01-11 08:03:44.185364'), date_part('dow', timestamp '1222-01-11 08:03:44.185364')
select extract(year from timestamp '1008-08-23 08:50:46.863073 BC'), date_part('year', timestamp '1008-08-23 08:50:46.863073 BC')
select extract(day from timestamp '1633-02-27 00:14:31.678355'), date_part('day', timestamp '1633-02-27 00:14:31.678355')
select extract(isoyear from timestamp '2011-10-05 14:20:11.000000'), date_part('isoyear', timestamp '2011-10-05 14:20:11.000000')
select extract(quarter from interval '-70 days -2:13:16.385059'), date_part('quarter', interval '-70 days -2:13:16.385059')
select extract(minute from interval '-9 mons 36:15:50.643925'), date_part('minute', interval '-9 mons 36:15:50.643925')
select extract(milliseconds from interval '29 mons -4 days -12:34:02.743125'), date_part('milliseconds', interval '29 mons -4 days -12:34:02.743125')
select extract(epoch from interval '0'), date_part('epoch', interval '0')
select extract(hour from interval '43 days 26:23:36.164925'), date_part('hour', interval '43 days 26:23:36.164925')
select extract(year from interval '5 mons -20:26:54.36562'), date_part('year', interval '5 mons -20:26:54.36562')
select extract(decade from interval '-46 days 27:36:58.606567'), date_part('decade', interval '-46 days 27:36:58.606567')
select extract(second from interval '14:17:11.992658'), date_part('second', interval '14:17:11.992658')
select extract(minute from interval '-24 mons -37:14:42.932613'), date_part('minute', interval '-24 mons -37:14:42.932613')
select extract(epoch from interval '-72 days -24:57:37.825035'), date_part('epoch', interval '-72 days -24:57:37.825035')
select extract(decade from interval '-40 days -29:59:00.576879'), date_part('decade', interval '-40 days -29:59:00.576879')
select extract(year from interval '41:47:05.93038'), date_part('year', interval '41:47:05.93038')
select extract(decade from interval '22:03:25.417351'), date_part('decade', interval '22:03:25.417351')
select extract(month from interval '-39 mons -38 days -36:50:05.169678'), date_part('month', interval '-39 mons -38 days -36:50:05.169678')
select extract(year from interval '-31:32:35.606343'), date_part('year', interval '-31:32:35.606343')
select date_trunc('minute', timestamp '0905-11-16 19:20:22.000000'), date_trunc('minute', timestamptz '0905-11-16 19:20:22.000000+00', 'Europe/London')
select date_trunc('week', timestamp '1987-07-27 08:18:52.716421'), date_trunc('week', timestamptz '1987-07-27 08:18:52.716421+00', '+03')
select date_trunc('microseconds', timestamp '3335-07-03 13:45:31.000000'), date_trunc('microseconds', timestamptz '3335-07-03 13:45:31.000000+00', 'UTC')
select date_trunc('microseconds', timestamp '2000-01-03 16:21:27.785200'), date_trunc('microseconds', timestamptz '2000-01-03 16:21:27.785200+00', 'Europe/London')
select date_trunc('second', timestamp '3217-05-14 20:09:24.377463'), date_trunc('second', timestamptz '3217-05-14 20:09:24.377463+00', 'Australia/Sydney')
select date_trunc('century', timestamp '0514-07-06 21:27:22.000000 BC'), date_trunc('century', timestamptz '0514-07-06 21:27:22.000000 BC+00', 'UTC')
select date_trunc('decade', timestamp '0788-09-06 12:59:01.000000'), date_trunc('decade', timestamptz '0788-09-06 12:59:01.000000+00', '+03')
select date_trunc('milliseconds', timestamp '1561-03-14 11:31:25.000000'), date_trunc('milliseconds', timestamptz '1561-03-14 11:31:25.000000+00', 'EST')
select date_trunc('hour', timestamp '1628-11-08 10:23:11.240318'), date_trunc('hour', timestamptz '1628-11-08 10:23:11.240318+00', 'EST')
select date_trunc('week', timestamp '3302-03-25 22:29:50.916228'), date_trunc('week', timestamptz '3302-03-25 22:29:50.916228+00', 'Asia/Kolkata')
select date_trunc('century', timestamp '0720-06-12 06:27:13.034583'), date_trunc('century', timestamptz '0720-06-12 06:27:13.034583+00', 'America/New_York')
select date_trunc('minute', timestamp '2123-07-19 14:09:48.000000 BC'), date_trunc('minute', timestamptz '2123-07-19 14:09:48.000000 BC+00', 'Australia/Sydney')
select date_trunc('microseconds', timestamp '1962-12-24 02:55:36.803778 BC'), date_trunc('microseconds', timestamptz '1962-12-24 02:55:36.803778 BC+00', 'Europe/London')
select date_trunc('day', timestamp '1955-10-22 08:05:39.000000'), date_trunc('day', timestamptz '1955-10-22 08:05:39.000000+00', 'Australia/Sydney')
select date_trunc('quarter', timestamp '1902-11-05 17:37:24.000000'), date_trunc('quarter', timestamptz '1902-11-05 17:37:24.000000+00', 'Australia/Sydney')
select to_char(timestamp '3778-08-27 07:48:22.000000', 'YYYY-MM-DD HH24:MI:SS.US')
select to_char(timestamp '1587-06-01 00:29:02.404727', 'FMDDth "of" FMMonth, YYYY BC')
select to_char(timestamp '1979-12-08 15:32:18.000000', 'FMDDth "of" FMMonth, YYYY BC')
select to_char(timestamp '0659-02-16 18:07:50.000000', 'YYYY-MM-DD HH24:MI:SS.US')
select to_char(timestamp '1547-06-07 08:09:56.000000', 'Y,YYY CC J SSSS FF3 TZ')
select to_char(timestamp '1997-02-17 07:09:10.000000', 'Day DD Month YYYY FMHH12:MI AM')
select to_char(timestamp '2013-07-08 12:27:19.000000', 'dy mon yy hh:mi:ss pm rm')
select to_char(timestamp '2094-06-17 00:08:37.000000', 'YYYY-MM-DD HH24:MI:SS.US')
select to_char(timestamp '0562-10-01 04:55:07.691576', 'Y,YYY CC J SSSS FF3 TZ')
select to_char(timestamp '3402-11-12 23:10:52.119960', 'FMDDth "of" FMMonth, YYYY BC')
select to_char(timestamp '1950-06-07 21:59:44.000000', 'YYYY-MM-DD HH24:MI:SS.US')
select to_char(timestamp '1917-05-22 21:59:30.721285', 'IYYY-IW-ID DDD IDDD WW W Q')
select to_char(timestamp '1559-03-25 01:25:54.336219', 'FMDDth "of" FMMonth, YYYY BC')
select to_char(timestamp '1951-04-20 06:05:09.000000', 'dy mon yy hh:mi:ss pm rm')
select to_char(timestamp '1836-01-08 19:02:11.030095', 'FMDDth "of" FMMonth, YYYY BC')
select to_char(timestamp '1946-11-14 07:44:15.485615', 'dy mon yy hh:mi:ss pm rm')
select to_char(timestamp '1990-07-04 07:19:37.000000', 'Y,YYY CC J SSSS FF3 TZ')
select to_char(timestamp '1252-09-25 00:36:30.000000', 'Y,YYY CC J SSSS FF3 TZ')
select to_char(timestamp '1715-02-19 18:04:46.000000', 'FMDDth "of" FMMonth, YYYY BC')
select to_char(timestamp '1995-05-08 22:26:27.000000', 'dy mon yy hh:mi:ss pm rm')
select to_char(interval '11 mons 50:34:53.902974', 'DDD WW W J Q CC Y,YYY')
select to_char(interval '31 mons 48 days -11:41:03.101432', 'FMHH24 "h" FMMI "m"')
select to_char(interval '-77 days 4:38:09.40771', 'DDD WW W J Q CC Y,YYY')
select to_char(interval '88 days', 'FMHH24 "h" FMMI "m"')
select to_char(interval '-6 mons -61 days 34:06:21.888952', 'DDD WW W J Q CC Y,YYY')
select to_char(interval '36 mons 87 days 36:35:14.728133', 'YYYY MM DD HH24:MI:SS.MS')
select to_char(interval '-13 mons -27 days -45:44:16.266173', 'FMHH24 "h" FMMI "m"')
select to_char(interval '-34 days', 'HH12 MI SS US')
select to_char(interval '-13:01:34.869690', 'DDD WW W J Q CC Y,YYY')
select to_char(interval '-33:29:00.583272', 'DDD WW W J Q CC Y,YYY')
select timestamp '0062-06-06 14:07:17.000000 BC' at time zone 'Asia/Tokyo', timestamptz '0062-06-06 14:07:17.000000 BC+00' at time zone 'Asia/Tokyo'
select timestamp '1970-07-10 13:14:20.000000' at time zone 'Australia/Sydney', timestamptz '1970-07-10 13:14:20.000000+00' at time zone 'Australia/Sydney'
select timestamp '1537-12-04 12:52:59.551864' at time zone 'Asia/Kolkata', timestamptz '1537-12-04 12:52:59.551864+00' at time zone 'Asia/Kolkata'
select timestamp '1972-08-04 01:14:02.779352' at time zone 'UTC', timestamptz '1972-08-04 01:14:02.779352+00' at time zone 'UTC'
select timestamp '1663-02-22 01:45:05.322703 BC' at time zone 'UTC', timestamptz '1663-02-22 01:45:05.322703 BC+00' at time zone 'UTC'
select timestamp '2669-02-06 19:11:33.975507' at time zone '+03', timestamptz '2669-02-06 19:11:33.975507+00' at time zone '+03'
select timestamp '1975-10-05 17:20:33.000000' at time zone 'EST', timestamptz '1975-10-05 17:20:33.000000+00' at time zone 'EST'
select timestamp '2025-06-12 06:56:01.000000 BC' at time zone 'Europe/London', timestamptz '2025-06-12 06:56:01.000000 BC+00' at time zone 'Europe/London'
select timestamp '1630-06-13 11:10:17.014645' at time zone '+03', timestamptz '1630-06-13 11:10:17.014645+00' at time zone '+03'
select timestamp '3983-01-16 22:38:13.826469' at time zone 'Asia/Tokyo', timestamptz '3983-01-16 22:38:13.826469+00' at time zone 'Asia/Tokyo'
select timestamp '3244-09-23 10:30:29.339592' at time zone 'Asia/Tokyo', timestamptz '3244-09-23 10:30:29.339592+00' at time zone 'Asia/Tokyo'
select timestamp '0240-05-27 23:50:24.750072' at time zone 'EST', timestamptz '0240-05-27 23:50:24.750072+00' at time zone 'EST'
select timestamp '1909-12-19 10:53:09.000000' at time zone 'America/Sao_Paulo', timestamptz '1909-12-19 10:53:09.000000+00' at time zone 'America/Sao_Paulo'
select timestamp '1984-12-01 08:10:03.951941' at time zone 'UTC', timestamptz '1984-12-01 08:10:03.951941+00' at time zone 'UTC'
select timestamp '1919-09-22 16:23:56.457363' at time zone 'UTC', timestamptz '1919-09-22 16:23:56.457363+00' at time zone 'UTC'
select to_timestamp(to_char(timestamp '0038-06-10 20:12:28.036145', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
select to_timestamp(to_char(timestamp '0797-10-03 23:11:21.430301', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
select to_timestamp(to_char(timestamp '0854-03-24 07:12:37.000000 BC', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
select to_timestamp(to_char(timestamp '2013-02-11 09:53:41.000000', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
select to_timestamp(to_char(timestamp '1447-07-27 05:54:24.000000', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
select to_timestamp(to_char(timestamp '0700-05-22 17:19:25.000000', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
select to_timestamp(to_char(timestamp '0939-02-05 04:11:43.735533', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
select to_timestamp(to_char(timestamp '3661-08-20 03:44:50.944417', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
select to_timestamp(to_char(timestamp '1989-09-28 12:10:57.000000', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
select to_timestamp(to_char(timestamp '3418-11-16 08:44:05.588271', 'YYYY-MM-DD HH24:MI:SS.US BC'), 'YYYY-MM-DD HH24:MI:SS.US BC')
