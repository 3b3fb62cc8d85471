drop table if exists ut_dtab
drop domain if exists ut_posint cascade
drop domain if exists ut_small cascade
drop domain if exists ut_str cascade
drop domain if exists ut_nn cascade
create domain ut_posint as int check (value > 0)
create domain ut_small as ut_posint check (value < 100)
create domain ut_str as varchar(5) default 'abc'
create domain ut_nn as int not null default 7
select 5::ut_posint, pg_typeof(5::ut_posint)
select (-1)::ut_posint
select 150::ut_small
select 0::ut_small
select 'abcdefg'::ut_str
select 'ab'::ut_str || 'cd', 3::ut_posint + 4, 3::ut_posint < 4
select null::ut_nn
select null::ut_posint
create domain ut_posint as int
create domain ut_bad as int check (x > 0)
create domain ut_bad as int check (value > 0) not null null
create domain ut_bad as int default 'a'
create table ut_dtab (a ut_posint, b ut_str, c ut_nn, d ut_small)
insert into ut_dtab (a) values (1)
insert into ut_dtab (a, d) values (2, 50)
insert into ut_dtab (a) values (-5)
insert into ut_dtab (a, d) values (3, 500)
insert into ut_dtab (a, c) values (3, null)
select * from ut_dtab order by a
update ut_dtab set a = 0 where a = 1
update ut_dtab set a = a + 10 where a = 1
select a, b, c, d from ut_dtab order by a
alter domain ut_posint add constraint ut_big check (value > 5)
alter domain ut_posint add constraint ut_big check (value > 1)
select 1::ut_posint
alter domain ut_posint drop constraint ut_big
select 1::ut_posint
alter domain ut_posint drop constraint nosuch
alter domain ut_posint drop constraint if exists nosuch
alter domain ut_str set not null
alter domain ut_posint set default 42
insert into ut_dtab (b) values ('x')
select a, b, c from ut_dtab where b = 'x'
alter domain ut_posint drop default
alter domain ut_str set not null
insert into ut_dtab (a) values (99)
delete from ut_dtab where d is null and b = 'x'
alter domain ut_str set not null
alter domain ut_str drop not null
select typname, typtype, typnotnull, format_type(typbasetype, typtypmod) from pg_type where typname like 'ut\_%' and typtype = 'd' order by 1
select conname from pg_constraint where contypid = 'ut_posint'::regtype order by 1
drop domain ut_small
drop domain ut_posint
drop table ut_dtab
drop domain ut_small
drop domain ut_posint, ut_str, ut_nn
drop domain ut_posint
