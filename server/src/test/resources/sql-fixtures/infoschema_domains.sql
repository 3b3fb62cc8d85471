drop table if exists isd_t
drop schema if exists isd_s cascade
select 1::information_schema.cardinal_number as a, pg_typeof(1::information_schema.cardinal_number)
select (-1)::information_schema.cardinal_number
select -1::information_schema.cardinal_number
select null::information_schema.cardinal_number
select 'maybe'::information_schema.yes_or_no
select 'YES'::information_schema.yes_or_no, 'NO'::information_schema.yes_or_no
select 'abc'::information_schema.sql_identifier, pg_typeof('abc'::information_schema.sql_identifier)
select 'x'::information_schema.character_data, pg_typeof('x'::information_schema.character_data)
select '2020-01-01 10:00:00.12345+00'::information_schema.time_stamp
select 1::cardinal_number
select 'x'::yes_or_no
select format_type(13221, -1), format_type(13224, -1), format_type(13226, -1), format_type(13232, -1), format_type(13234, -1)
select format_type(13234, 7), format_type(13221, 5)
select 13221::regtype, 'information_schema.yes_or_no'::regtype::oid
select typname, typtype, typbasetype, typtypmod from pg_type where oid in (13221, 13224, 13226, 13232, 13234) order by oid
select 3::information_schema.cardinal_number + 4, 3::information_schema.cardinal_number < 4
select 'YES'::information_schema.yes_or_no = 'YES'
select array[1, 2]::information_schema.cardinal_number[]
create table isd_t (a information_schema.cardinal_number, b information_schema.yes_or_no, c information_schema.sql_identifier)
insert into isd_t values (3, 'NO', 'n1')
insert into isd_t values (-3, 'NO', 'n2')
insert into isd_t values (4, 'no', 'n3')
update isd_t set a = a - 10
select a, b, c, a + 1, pg_typeof(a), pg_typeof(b), pg_typeof(c) from isd_t
select pg_typeof(ordinal_position), pg_typeof(table_name), pg_typeof(is_nullable), pg_typeof(data_type) from information_schema.columns where table_name = 'isd_t' limit 1
select column_name, data_type, domain_schema, domain_name from information_schema.columns where table_name = 'isd_t' order by ordinal_position
drop table isd_t
create schema isd_s
create domain isd_s.pos as int check (value > 0)
select (-1)::isd_s.pos
select pg_typeof(1::isd_s.pos), format_type('isd_s.pos'::regtype, -1)
drop schema isd_s cascade
set search_path = information_schema, public; select 1::cardinal_number, format_type(13221, -1), pg_typeof(1::cardinal_number)
set search_path = information_schema, public; select (-5)::cardinal_number
reset search_path
select oid, conname, connamespace, contype, contypid, conrelid, pg_get_constraintdef(oid) from pg_constraint where contypid in (13221, 13224, 13226, 13232, 13234) order by oid
