-- RIGHT and FULL joins planned with the query's WHERE: reduced by strict conditions, a FULL join's merged column
-- compared with a constant filtering both sides, the preserved side's conditions pushed down; no join removal
-- through a DISTINCT that does not cover the join columns
drop table if exists outerjoin_reduction_a, outerjoin_reduction_b, outerjoin_reduction_c;
create table outerjoin_reduction_a (id int primary key, x int);
create table outerjoin_reduction_b (id int primary key, aid int, y int);
create table outerjoin_reduction_c (id int, w int);
insert into outerjoin_reduction_a select g, g % 10 from generate_series(1, 1000) g;
insert into outerjoin_reduction_b select g, g % 50, g % 7 from generate_series(1, 100) g;
insert into outerjoin_reduction_c values (1, 1), (2, 2), (3, null), (null, 4), (42, 42);
analyze outerjoin_reduction_a; analyze outerjoin_reduction_b; analyze outerjoin_reduction_c;
select * from outerjoin_reduction_a a full join outerjoin_reduction_b b on a.id = b.id where coalesce(a.id, b.id) = 42;
select * from outerjoin_reduction_a a full join outerjoin_reduction_b b on a.id = b.id where coalesce(b.id, a.id) = 42;
select * from outerjoin_reduction_c c full join outerjoin_reduction_b b on c.id = b.id where coalesce(c.id, b.id) = 42;
select * from outerjoin_reduction_c c full join outerjoin_reduction_b b on c.id = b.id where coalesce(c.id, b.id) = 3 or c.w = 4 order by 1, 2, 3;
select * from outerjoin_reduction_c c full join outerjoin_reduction_b b on c.id = b.id and b.y = 1 where coalesce(c.id, b.id) = 1;
select count(*), sum(c.id), sum(b.id) from outerjoin_reduction_c c full join outerjoin_reduction_b b on c.id = b.id where b.y > 3;
select count(*), sum(c.id), sum(b.id) from outerjoin_reduction_c c full join outerjoin_reduction_b b on c.id = b.id where c.w > 1;
explain (costs off) select * from outerjoin_reduction_c c full join outerjoin_reduction_b b on c.id = b.id where c.w > 1 and b.y > 1;
select * from outerjoin_reduction_c c full join outerjoin_reduction_b b on c.id = b.id where c.w > 1 and b.y > 1 order by 1;
select c.*, b.id from outerjoin_reduction_b b right join outerjoin_reduction_c c on c.id = b.id where c.w < 4 order by 1;
select c.*, b.id from outerjoin_reduction_b b right join outerjoin_reduction_c c on c.id = b.id where b.id is null order by 1, 2;
select count(*), sum(a.id), sum(b.id), sum(c.id) from outerjoin_reduction_b b right join outerjoin_reduction_a a on a.id = b.aid left join outerjoin_reduction_c c on c.id = b.y;
select count(*), sum(a.id), sum(b.id), sum(c.id) from outerjoin_reduction_c c right join (outerjoin_reduction_b b right join outerjoin_reduction_a a on a.id = b.aid) on c.id = b.y where a.x = 1;
explain (costs off) select c.* from outerjoin_reduction_c c left join (select distinct id from outerjoin_reduction_b) s on c.id = s.id;
select c.* from outerjoin_reduction_c c left join (select distinct * from outerjoin_reduction_b) s on c.id = s.id order by 1, 2;
select count(*), sum(c.id), sum(b.id), sum(a.id) from outerjoin_reduction_c c left join (outerjoin_reduction_b b left join outerjoin_reduction_a a on b.aid = a.id) on c.w = a.x;
select count(*), sum(c.id), sum(b.id), sum(a.id) from (outerjoin_reduction_b b left join outerjoin_reduction_a a on b.aid = a.id) right join outerjoin_reduction_c c on c.w = a.x;
select count(*), sum(c.id), sum(b.id), sum(a.id) from outerjoin_reduction_c c left join (outerjoin_reduction_b b left join outerjoin_reduction_a a on b.aid = a.id) on c.w = coalesce(a.x, b.y);
drop table outerjoin_reduction_a, outerjoin_reduction_b, outerjoin_reduction_c;
