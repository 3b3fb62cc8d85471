-- information_schema's helper functions, as pgjdbc and DBeaver call them
drop table if exists ti_pairs
create table ti_pairs (a int, b text, c int, primary key (c, a))
select * from information_schema._pg_expandarray(array[10,20])
select * from information_schema._pg_expandarray('[3:4]={a,b}'::text[])
select count(*) from information_schema._pg_expandarray('{}'::int[])
select x, n from information_schema._pg_expandarray(array[1.5, null, 2.5]) e order by n desc
select a.attname, e.n from pg_index i, information_schema._pg_expandarray(i.indkey) e, pg_attribute a where i.indrelid = 'ti_pairs'::regclass and a.attrelid = i.indrelid and a.attnum = e.x order by e.n
select information_schema._pg_char_max_length(1043, 14), information_schema._pg_char_max_length(25, -1), information_schema._pg_char_max_length(1042, 5)
select information_schema._pg_numeric_precision(1700, 655366), information_schema._pg_numeric_scale(1700, 655366), information_schema._pg_numeric_precision(23, -1), information_schema._pg_numeric_precision_radix(23, -1), information_schema._pg_numeric_precision_radix(1700, -1)
select information_schema._pg_datetime_precision(1184, 3), information_schema._pg_datetime_precision(1082, -1), information_schema._pg_datetime_precision(1114, -1)
select information_schema._pg_char_octet_length(1043, 14), information_schema._pg_char_octet_length(25, -1)
select e, pg_encoding_to_char(e), pg_encoding_max_length(e) from generate_series(0, 42) e where e in (0, 1, 4, 6, 8, 35, 42)
select column_name, character_maximum_length, numeric_precision from information_schema.columns where table_name = 'ti_pairs' order by ordinal_position
drop table ti_pairs
