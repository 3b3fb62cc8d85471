drop table if exists q_w1, q_w2
create table q_w1 (a int, b text)
create table q_w2 (a int, b text)
insert into q_w1 values (1, 'x'), (2, 'y'), (3, 'z')
with s as (select a, b from q_w1 where a > 1) insert into q_w2 select * from s
select * from q_w2 order by a
with s as (select 2 as a) update q_w2 set b = 'updated' where a in (select a from s) returning *
with s as (select 3 as a) delete from q_w2 where a = (select a from s) returning a
with d as (delete from q_w1 where a = 1 returning *) insert into q_w2 select * from d returning *
select * from q_w1 order by a
select * from q_w2 order by a
with d as (delete from q_w2) select 1
with d as (delete from q_w2 returning a) select count(*) from d
with recursive r(n) as (select 1 union all select n + 1 from r where n < 3) insert into q_w1 select n, 'r' from r
select * from q_w1 order by a, b
select (with t as (select 1 as x) select x from t)
select * from (with t as (select 2 as x) select x from t) s
with t as (select 1 as x) select * from t where x in (with u as (select 1) select * from u)
drop table q_w1, q_w2
