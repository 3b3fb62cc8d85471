-- SET (a, b) = (SELECT ...) runs the sub-SELECT once per row: with a volatile function in it the columns still agree (issue 6)
create table aggdist_multiassign_t (a int primary key, b int, c text)
insert into aggdist_multiassign_t select g, g, 'x' from generate_series(1, 20) g
update aggdist_multiassign_t t set (b, c) = (select x, x::text from (select (random() * 100000)::int + t.a * 0 x) s)
select count(*) filter (where b::text <> c) from aggdist_multiassign_t
update aggdist_multiassign_t t set (c, b) = (select x::text, x from (select (random() * 100000)::int x) s) where a > 10
select count(*) filter (where b::text <> c) from aggdist_multiassign_t
update aggdist_multiassign_t t set (b, c) = (select t.a + 1, (t.a * 2)::text) where a < 3 returning a, b, c
insert into aggdist_multiassign_t values (1, 0, 'z') on conflict (a) do update set (b, c) = (select x, x::text from (select (random() * 100000)::int + excluded.a * 0 x) s) returning a, b::text = c
insert into aggdist_multiassign_t values (2, 0, 'z') on conflict (a) do update set (c, b) = (select 'w' || excluded.c, excluded.a + aggdist_multiassign_t.b) returning a, b, c
drop table aggdist_multiassign_t
