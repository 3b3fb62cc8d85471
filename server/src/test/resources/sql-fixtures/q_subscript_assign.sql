drop table if exists q_arr
create table q_arr (id int, a int[], t text[])
insert into q_arr values (1, '{1,2,3}', '{x}'), (2, null, null), (3, '{}', '{}')
update q_arr set a[2] = 20 where id = 1
update q_arr set a[5] = 50, t[2] = 'y' where id = 1
update q_arr set a[0] = 0 where id = 1
update q_arr set a[3] = 3 where id = 2
update q_arr set a[1] = '7', t[1] = 'only' where id = 3
select id, a, t, a[2] from q_arr order by id
update q_arr set a[null] = 1 where id = 1
drop table q_arr
