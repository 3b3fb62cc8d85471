drop table if exists ut_enumtest
drop type if exists ut_rainbow
drop type if exists ut_mood cascade
create type ut_rainbow as enum ('red', 'orange', 'yellow', 'green', 'blue', 'purple')
create type ut_rainbow as enum ('x')
select 'red'::ut_rainbow, 'mauve'::ut_rainbow
select 'red'::ut_rainbow < 'green'::ut_rainbow, 'purple'::ut_rainbow > 'blue', 'red'::ut_rainbow = 'red'
select enum_first(null::ut_rainbow), enum_last(null::ut_rainbow), enum_range(null::ut_rainbow)
select enum_range('orange'::ut_rainbow, 'green'::ut_rainbow), enum_range(null, 'green'::ut_rainbow), enum_range('blue'::ut_rainbow, null)
select 'green'::ut_rainbow::text, 'blue'::text::ut_rainbow, cast('yellow' as ut_rainbow)
select pg_typeof('red'::ut_rainbow), pg_typeof(enum_range(null::ut_rainbow))
create table ut_enumtest (col ut_rainbow)
insert into ut_enumtest values ('red'), ('orange'), ('yellow'), ('green')
insert into ut_enumtest values ('mauve')
select * from ut_enumtest order by col desc
select * from ut_enumtest where col < 'yellow' order by col
select min(col), max(col) from ut_enumtest
select col, count(*) from ut_enumtest group by col order by col
create index ut_enumtest_idx on ut_enumtest (col)
select * from ut_enumtest where col = 'orange'
select * from ut_enumtest where col in ('green', 'red') order by 1
create type ut_mood as enum ('sad', 'happy')
alter type ut_mood add value 'ok' before 'happy'
alter type ut_mood add value 'ecstatic' after 'happy'
alter type ut_mood add value 'meh' after 'nosuch'
alter type ut_mood add value 'sad'
alter type ut_mood add value if not exists 'sad'
alter type ut_mood add value 'bored'
select enum_range(null::ut_mood)
select 'ok'::ut_mood < 'happy'::ut_mood, 'bored'::ut_mood > 'ecstatic'
alter type ut_mood rename value 'ok' to 'fine'
alter type ut_mood rename value 'nosuch' to 'x'
alter type ut_mood rename value 'fine' to 'happy'
select enum_range(null::ut_mood)
select array['sad','happy']::ut_mood[], ('{fine,bored}'::text)::ut_mood[], '{sad,"fine"}'::ut_mood[]
select e.enumlabel, e.enumsortorder from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = 'ut_mood' order by 2
select typname, typtype, typcategory, typlen from pg_type where typname in ('ut_mood', '_ut_mood') order by 1
select 'sad'::ut_mood = 'red'::ut_rainbow
drop type ut_rainbow
drop table ut_enumtest
drop type ut_rainbow
drop type ut_rainbow
drop type if exists ut_rainbow
select 'red'::ut_rainbow
drop type ut_mood
