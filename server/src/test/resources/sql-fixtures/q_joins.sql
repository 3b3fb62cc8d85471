drop table if exists q_j1, q_j2, q_j3
create table q_j1 (id int, x text, k int)
create table q_j2 (id int, y text, k int)
create table q_j3 (k int, z text)
insert into q_j1 values (1, 'a', 10), (2, 'b', 20), (3, 'c', null)
insert into q_j2 values (1, 'p', 10), (2, 'q', 30), (4, 'r', 40)
insert into q_j3 values (10, 'ten'), (30, 'thirty')
select * from q_j1 join q_j2 using (id) order by id
select * from q_j1 natural join q_j2 order by id
select * from q_j1 left join q_j2 using (id) order by id
select * from q_j1 right join q_j2 using (id) order by id
select * from q_j1 full join q_j2 using (id) order by id
select id, q_j1.id, q_j2.id, x, y from q_j1 full join q_j2 using (id) order by 1
select * from q_j1 join q_j2 using (id, k) order by id
select * from q_j1 join q_j2 using (id) join q_j3 using (k) order by id
select * from q_j1 join q_j2 using (nosuch)
select * from q_j1 join q_j2 using (id, id)
select q_j1.* from q_j1 join q_j2 using (id) order by 1
select * from q_j1 cross join q_j3 order by 1, 4
select count(*) from q_j1 a join q_j2 b on a.k = b.k
select a.id, b.id from q_j1 a left join q_j2 b on a.k = b.k and b.y <> 'zz' order by 1
select a.id, b.id from q_j1 a, q_j2 b where a.k = b.k and a.id < 5 and b.y like '%' order by 1
select * from q_j3 natural join q_j3 t2 order by 1
select * from (q_j1 join q_j2 using (id)) as j order by 1
select j.id, j.y from (q_j1 join q_j2 using (id)) as j(a, b) order by 1
select j.a, j.y from (q_j1 join q_j2 using (id)) as j(a) order by 1
select x.id, q_j1.x from q_j1 join q_j2 using (id) as x order by 1
select x.* from q_j1 join q_j2 using (id) as x order by 1
select * from q_j1 join q_j2 using (id) as x order by 1
select x.k from q_j1 join q_j2 using (id) as x
drop table q_j1, q_j2, q_j3
