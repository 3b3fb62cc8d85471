-- A LATERAL side that is a join: the outer join's condition on its outer input alone filters that input's scan
-- (PostgreSQL moves the join clause into the parameterized base relation it reads)
drop table if exists join_s24_lp_a, join_s24_lp_b;
create table join_s24_lp_a (q1 bigint, q2 bigint); create table join_s24_lp_b (q1 bigint, q2 bigint);
insert into join_s24_lp_a values (123, 456), (123, 4567890123456789), (4567890123456789, 123), (4567890123456789, 4567890123456789), (4567890123456789, -4567890123456789); insert into join_s24_lp_b select * from join_s24_lp_a;
-- sizes without column statistics, as test_setup leaves int8_tbl
vacuum join_s24_lp_a;
vacuum join_s24_lp_b;
explain (verbose, costs off) select * from join_s24_lp_a a left join lateral (select b.q1 as bq1, c.q1 as cq1, least(a.q1, b.q1, c.q1) from join_s24_lp_b b cross join join_s24_lp_b c) ss on a.q2 = ss.bq1;
select * from join_s24_lp_a a left join lateral (select b.q1 as bq1, c.q1 as cq1, least(a.q1, b.q1, c.q1) from join_s24_lp_b b cross join join_s24_lp_b c) ss on a.q2 = ss.bq1 order by 1, 2, 3, 4, 5;
select * from join_s24_lp_a a join lateral (select b.q1 as bq1, c.q2 as cq2, greatest(a.q1, c.q2) g from join_s24_lp_b b left join join_s24_lp_b c on b.q2 = c.q1) ss on a.q2 = ss.bq1 order by 1, 2, 3, 4, 5;
-- the rows, wherever the condition is checked: on the inner input, on a LEFT join's preserved or nullable side
select * from join_s24_lp_a a left join lateral (select b.q1 as bq1, c.q1 as cq1, least(a.q1, b.q1, c.q1) from join_s24_lp_b b cross join join_s24_lp_b c) ss on a.q2 = ss.cq1 order by 1, 2, 3, 4, 5;
select * from join_s24_lp_a a left join lateral (select b.q1 as bq1, c.q2 as cq2, least(a.q1, b.q1, c.q2) l from join_s24_lp_b b left join join_s24_lp_b c on b.q2 = c.q1) ss on a.q2 = ss.bq1 order by 1, 2, 3, 4, 5;
select * from join_s24_lp_a a left join lateral (select b.q1 as bq1, c.q2 as cq2, least(a.q1, b.q1, c.q2) l from join_s24_lp_b b left join join_s24_lp_b c on b.q2 = c.q1) ss on a.q1 = ss.cq2 order by 1, 2, 3, 4, 5;
select * from join_s24_lp_a a left join lateral (select b.q1 as bq1, c.q2 as cq2, coalesce(a.q1, b.q1, c.q2) l from join_s24_lp_b b join join_s24_lp_b c on b.q2 = c.q1) ss on a.q2 = ss.bq1 and ss.cq2 > 0 order by 1, 2, 3, 4, 5;
drop table join_s24_lp_a, join_s24_lp_b;
