-- a semi join whose conditions key its right side to two FROM items: that side made unique (a HashAggregate on the
-- compared columns) or unique already (an index on them) joins any FROM item first as a plain inner join
-- (PostgreSQL's join_is_legal with JOIN_UNIQUE_INNER/OUTER and reduce_unique_semijoins), so it can meet the item its
-- equalities key it to before the others; the answers keep each FROM row once however often the side repeats it
drop table if exists join_s26_jc_a, join_s26_jc_b, join_s26_jc_c, join_s26_jc_d;
create table join_s26_jc_a (u int, pad text); create table join_s26_jc_b (h int, pad text); create table join_s26_jc_c (th int, tt int, pad text);
insert into join_s26_jc_a select g, 'a' || g from generate_series(0, 999) g; create unique index join_s26_jc_a_u on join_s26_jc_a (u);
insert into join_s26_jc_b select g % 100, 'b' || g from generate_series(0, 9999) g; create index join_s26_jc_b_h on join_s26_jc_b (h);
insert into join_s26_jc_c select g % 1000, g, 'c' || g from generate_series(0, 9999) g; create index join_s26_jc_c_th_tt on join_s26_jc_c (th, tt);
create table join_s26_jc_d as select u, u * 10 as tt from join_s26_jc_a; create unique index join_s26_jc_d_u_tt on join_s26_jc_d (u, tt);
vacuum analyze join_s26_jc_a;
vacuum analyze join_s26_jc_b;
vacuum analyze join_s26_jc_c;
vacuum analyze join_s26_jc_d;
explain (costs off) select a.u, b.h from join_s26_jc_a a, join_s26_jc_b b where exists (select 1 from join_s26_jc_d d where d.u = a.u and d.tt = b.h) and a.u < 1;
select a.u, b.h, count(*) from join_s26_jc_a a, join_s26_jc_b b where exists (select 1 from join_s26_jc_c c where c.th = a.u and c.tt = b.h) and a.u < 5 group by 1, 2 order by 1, 2;
select a.u, b.h, count(*) from join_s26_jc_a a, join_s26_jc_b b where exists (select 1 from join_s26_jc_d d where d.u = a.u and d.tt = b.h) and a.u < 12 group by 1, 2 order by 1, 2;
select count(*) from join_s26_jc_a a, join_s26_jc_b b where exists (select 1 from join_s26_jc_c c where c.th = a.u and c.tt = b.h and c.tt > 50) and a.u < 100;
drop table join_s26_jc_a, join_s26_jc_b, join_s26_jc_c, join_s26_jc_d;
