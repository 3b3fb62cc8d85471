-- WITH RECURSIVE ... SEARCH / CYCLE
drop table if exists q_graph
create table q_graph (f int, t int, label text)
insert into q_graph values (1, 2, 'arc 1 -> 2'), (1, 3, 'arc 1 -> 3'), (2, 3, 'arc 2 -> 3'), (1, 4, 'arc 1 -> 4'), (4, 5, 'arc 4 -> 5'), (5, 1, 'arc 5 -> 1')
with recursive s(f, t, label) as (select * from q_graph g where f = 1 union all select g.* from q_graph g, s where g.f = s.t and g.f <> 5) search depth first by f, t set seq select * from s order by seq limit 8
with recursive s(f, t, label) as (select * from q_graph g where f = 1 union all select g.* from q_graph g, s where g.f = s.t and g.f <> 5) search breadth first by f, t set seq select * from s order by seq limit 8
with recursive s(f, t, label) as (select * from q_graph g union all select g.* from q_graph g, s where g.f = s.t) cycle f, t set is_cycle using path select * from s order by path
with recursive s(f, t, label) as (select * from q_graph g union all select g.* from q_graph g, s sg where g.f = sg.t) cycle f, t set is_cycle to 'Y' default 'N' using path select count(*), count(*) filter (where is_cycle = 'Y') from s
with recursive s(f, t, label) as (select * from q_graph g union all select g.* from q_graph g, s where g.f = s.t) search depth first by f, t set seq cycle f, t set is_cycle using path select f, t, seq, is_cycle from s order by seq limit 6
with recursive test as (select 1 as x union all select x + 1 from test) search depth first by x set y select * from test limit 5
with recursive test as (select 0 as x union all select (x + 1) % 10 from test) cycle x set is_cycle using path select * from test order by x, is_cycle
with recursive a as (select 1 as b union all select * from a) cycle b set c using p select * from a
with recursive s(f, t, label) as (select * from q_graph g union all select g.* from q_graph g, s where g.f = s.t) search depth first by foo set seq select * from s
with recursive s(f, t, label) as (select * from q_graph g union all select g.* from q_graph g, s where g.f = s.t) search depth first by f, f set seq select * from s
with recursive s(f, t, label) as (select * from q_graph g union all select g.* from q_graph g, s where g.f = s.t) search depth first by f set label select * from s
with recursive s(f, t, label) as (select * from q_graph g union all select g.* from q_graph g, s where g.f = s.t) cycle f set c to true default 55 using p select * from s
with recursive s(f, t, label) as (select * from q_graph g union all select g.* from q_graph g, s where g.f = s.t) cycle f set c to true default false using c select * from s
with recursive s(f, t, label) as (select * from q_graph union all select * from q_graph union all select g.* from q_graph g, s where g.f = s.t) search depth first by f set seq select * from s
select array[row(1, 2)] || row(3, 4)
drop table q_graph
