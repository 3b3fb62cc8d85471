-- a subplan's outer value that the outer node shows as a reference (a PlaceHolderVar of a left join's nullable side) is shown as that reference inside the subplan (find_param_referent): ((42) IS NOT NULL)
drop table if exists js26_pp_a
drop table if exists js26_pp_b
create table js26_pp_a (q1 int8, q2 int8)
create table js26_pp_b (q1 int8, q2 int8)
insert into js26_pp_a values (123, 456), (123, 4567890123456789), (4567890123456789, 123), (-5, 7)
insert into js26_pp_b values (1, 2), (123, 123), (456, 5), (7, 8)
analyze js26_pp_a
analyze js26_pp_b
explain (costs off) select * from js26_pp_a t1 left join (select q1 as x, 42 as y from js26_pp_b t2) ss on t1.q2 = ss.x where 1 = (select 1 from js26_pp_b t3 where ss.y is not null limit 1) order by 1, 2
select * from js26_pp_a t1 left join (select q1 as x, 42 as y from js26_pp_b t2) ss on t1.q2 = ss.x where 1 = (select 1 from js26_pp_b t3 where ss.y is not null limit 1) order by 1, 2
select * from js26_pp_a t1 left join (select q1 as x, coalesce(q2, 0) as y from js26_pp_b t2) ss on t1.q2 = ss.x where exists (select 1 from js26_pp_b t3 where t3.q1 > ss.y limit 1) order by 1, 2
drop table js26_pp_a
drop table js26_pp_b
