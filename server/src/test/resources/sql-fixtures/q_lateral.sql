-- LATERAL VALUES and alias.* of an item to the left
drop table if exists q_lat
create table q_lat (a int, b text)
insert into q_lat values (1, 'x'), (2, 'y')
select * from q_lat t, lateral (values (t.a * 10), (t.a * 100)) v(n) order by 1, 3
select * from (values (1)) x(lb), lateral (values (lb)) y(lbcopy)
select * from q_lat t, lateral (select t.* ) s order by 1
select s.* from q_lat t, lateral (select t.*, 5 as five) s order by 1
select (select n from (values (q_lat.a + 1)) v(n)) from q_lat order by 1
drop table q_lat
