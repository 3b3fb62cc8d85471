-- a semi join (IN, EXISTS) may instead be an inner join with its inner side made unique on the compared columns
-- (PostgreSQL's create_unique_path: a HashAggregate on them), hashed or driving the join, whichever is cheaper;
-- each outer row still comes out once however often the inner side repeats its value
drop table if exists join_s23_us_a, join_s23_us_b;
create table join_s23_us_a (x int, y int, v text); create table join_s23_us_b (k int, w int);
explain (costs off) select * from join_s23_us_a a where x in (select k from join_s23_us_b);
explain (costs off) select * from join_s23_us_a a where exists (select 1 from join_s23_us_b b where b.k = a.x);
explain (costs off) select * from join_s23_us_a a where x in (select k from join_s23_us_b where w > 0);
insert into join_s23_us_a select g, g % 7, 'a' || g from generate_series(1, 200) g; insert into join_s23_us_a values (null, 1, 'n');
insert into join_s23_us_b select g % 30, g from generate_series(1, 400) g; insert into join_s23_us_b values (null, 0);
select count(*), sum(x), count(distinct v) from join_s23_us_a a where x in (select k from join_s23_us_b);
select x, v from join_s23_us_a a where x in (select k from join_s23_us_b where w > 390) order by x;
select count(*) from join_s23_us_a a where exists (select 1 from join_s23_us_b b where b.k = a.x and b.w < 100);
analyze join_s23_us_a; analyze join_s23_us_b;
explain (costs off) select * from join_s23_us_a a where x in (select k from join_s23_us_b);
explain (costs off) select * from join_s23_us_b b where k in (select x from join_s23_us_a where y = 3);
select count(*), sum(k) from join_s23_us_b b where k in (select x from join_s23_us_a where y = 3);
drop table join_s23_us_a, join_s23_us_b;
