-- remove_useless_joins: a LEFT JOIN to a side unique on the join keys whose columns nobody reads is not run;
-- the results must stay those of the join (every left row once, NULL keys and duplicate left rows kept)
drop table if exists jr_a, jr_b, jr_c, jr_d;
create table jr_a (id int primary key, b_id int);
create table jr_b (id int primary key, c_id int, v text);
create table jr_c (id int primary key, w text);
create table jr_d (a int, b int);
insert into jr_a values (1, 1), (2, 1), (3, 2), (4, null), (5, 9);
insert into jr_b values (1, 1, 'x'), (2, null, 'y'), (3, 3, 'z');
insert into jr_c values (1, 'c1'), (3, 'c3');
insert into jr_d values (1, 1), (1, 1), (2, null), (null, null), (7, 7);
analyze jr_a; analyze jr_b; analyze jr_c; analyze jr_d;
explain (costs off) select a.* from jr_a a left join jr_b b on a.b_id = b.id;
select a.* from jr_a a left join jr_b b on a.b_id = b.id order by a.id;
explain (costs off) select b.* from jr_b b left join jr_c c on b.c_id = c.id;
explain (costs off) select a.* from jr_a a left join (jr_b b left join jr_c c on b.c_id = c.id) on a.b_id = b.id;
select a.* from jr_a a left join (jr_b b left join jr_c c on b.c_id = c.id) on a.b_id = b.id order by a.id;
explain (costs off) select d.* from jr_d d left join (select id, c_id from jr_b group by jr_b.id, jr_b.c_id) s on d.a = s.id and d.b = s.c_id;
select d.* from jr_d d left join (select id, c_id from jr_b group by jr_b.id, jr_b.c_id) s on d.a = s.id and d.b = s.c_id order by 1, 2;
explain (costs off) select d.* from jr_d d left join (select distinct c_id from jr_b) s on d.b = s.c_id;
explain (costs off) select d.* from jr_d d left join (select id from jr_b union select id from jr_c) s on d.a = s.id;
select d.* from jr_d d left join (select id from jr_b union select id from jr_c) s on d.a = s.id order by 1, 2;
explain (costs off) select count(*) from jr_a a left join jr_b b on a.b_id = b.id;
select count(*) from jr_a a left join jr_b b on a.b_id = b.id;
explain (costs off) select a.id from jr_a a left join jr_b b on a.b_id = b.id and b.v = 'x';
select a.id from jr_a a left join jr_b b on a.b_id = b.id and b.v = 'x' order by 1;
-- not removable: the right side read above the join, or not unique on the join keys
select a.id, b.v from jr_a a left join jr_b b on a.b_id = b.id order by a.id;
select a.id from jr_a a left join jr_b b on a.b_id = b.id where b.id is null order by a.id;
select d.a from jr_d d left join jr_d e on d.a = e.a order by 1;
select count(*) from jr_d d left join jr_d e on d.a = e.a;
select a.id from jr_a a left join jr_b b on a.b_id = b.c_id order by 1;
select count(*) from jr_a a left join (select c_id from jr_b group by c_id, v) s on a.b_id = s.c_id;
select count(*) from jr_a a left join (select id from jr_b union all select id from jr_c) s on a.b_id = s.id;
select count(*) from jr_a a left join jr_b b on a.b_id < b.id;
-- reduce_outer_joins: a WHERE condition no NULL-padded row passes makes the LEFT JOIN inner; conditions on the
-- left side alone filter it below the join
explain (costs off) select * from jr_a a left join jr_b b on a.b_id = b.id where b.v = 'x';
select * from jr_a a left join jr_b b on a.b_id = b.id where b.v = 'x' order by a.id;
explain (costs off) select * from jr_a a left join jr_b b on a.b_id = b.id where a.id > 2;
select * from jr_a a left join jr_b b on a.b_id = b.id where a.id > 2 order by a.id;
explain (costs off) select * from jr_a a left join jr_b b on a.b_id = b.id where b.v = 'x' or b.c_id = 3;
select * from jr_a a left join jr_b b on a.b_id = b.id where b.v = 'x' or b.c_id = 3 order by a.id;
select * from jr_a a left join jr_b b on a.b_id = b.id where b.v = 'x' or a.id = 4 order by a.id;
explain (costs off) select * from jr_d d left join jr_b b on d.a = b.id where coalesce(b.v, 'none') = 'none';
select * from jr_d d left join jr_b b on d.a = b.id where coalesce(b.v, 'none') = 'none' order by 1, 2;
select * from jr_d d left join jr_b b on d.a = b.id where b.id is null order by 1, 2;
select * from jr_d d left join jr_b b on d.a = b.id where b.c_id is not null order by 1, 2;
select * from jr_d d left join jr_b b on d.a = b.id left join jr_c c on b.c_id = c.id where c.w = 'c1' order by 1, 2;
select * from jr_d d left join jr_b b on d.a = b.id join jr_c c on b.c_id = c.id order by 1, 2;
select * from jr_d d left join jr_b b on d.a = b.id left join jr_c c on b.c_id = c.id where c.w is null order by 1, 2, 3;
select * from jr_a a left join (select id, v from jr_b where v <> 'y') s on a.b_id = s.id where s.v > 'a' order by a.id;
select a.id from jr_a a where a.b_id not in (select c_id from jr_b) order by 1;
select a.id from jr_a a where a.b_id not in (select c_id from jr_b where c_id is not null) order by 1;
select a.id from jr_a a where a.b_id in (select d.a from jr_d d) order by 1;
-- an outer value in a subplan's condition is shown qualified; ON true is no join condition
explain (costs off) select * from jr_a a where exists (select 1 from jr_b b where b.id = a.b_id limit 0);
select * from jr_a a left join lateral (select b.v from jr_b b where b.id = a.b_id) s on true order by a.id;
drop table jr_a, jr_b, jr_c, jr_d;
