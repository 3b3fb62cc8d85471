-- a join whose inner side is unique on the join's equalities (a primary key, or a unique index completed by a
-- constant filter) stops at each outer row's first match: PostgreSQL 15 prices it so (inner_unique) and hashes that side
drop table if exists join_s23_iu_t1, join_s23_iu_t2, join_s23_iu_f;
create table join_s23_iu_t1 (a int, b int, c int, d int, primary key (a, b)); create table join_s23_iu_t2 (x int, y int, z int, primary key (x, y));
explain (costs off) select * from join_s23_iu_t1 t1 join join_s23_iu_t2 t2 on t1.a = t2.x and t1.b = t2.y;
explain (costs off) select * from join_s23_iu_t2 t2 join join_s23_iu_t1 t1 on t1.a = t2.x and t1.b = t2.y;
explain (costs off) select * from join_s23_iu_t1 t1 join join_s23_iu_t2 t2 on t1.a = t2.x and t1.b = t2.y group by t1.a, t1.b, t1.c, t1.d, t2.x, t2.y, t2.z;
insert into join_s23_iu_t1 select g % 30, g / 30, g, -g from generate_series(1, 600) g; insert into join_s23_iu_t2 select g % 20, g / 20, g from generate_series(1, 500) g;
select count(*), sum(c), sum(z) from join_s23_iu_t1 t1 join join_s23_iu_t2 t2 on t1.a = t2.x and t1.b = t2.y;
create table join_s23_iu_f (x integer, x10 integer, x10b integer, x100 integer);
insert into join_s23_iu_f select x, x/10, x/10, x/100 from generate_series(1,1000) x; create unique index on join_s23_iu_f (x, x10, x100); analyze join_s23_iu_f;
explain (costs off) select * from join_s23_iu_f f1 join join_s23_iu_f f2 on (f1.x = f2.x and f1.x10 = f2.x10b and f1.x100 = f2.x100) where f1.x100 = 2;
explain (verbose, costs off) select * from join_s23_iu_f f2 join join_s23_iu_f f1 on (f1.x = f2.x and f1.x10 = f2.x10b and f1.x100 = 2) where f2.x100 = 2;
select count(*), sum(f1.x), sum(f2.x10b) from join_s23_iu_f f1 join join_s23_iu_f f2 on (f1.x = f2.x and f1.x10 = f2.x10b and f1.x100 = f2.x100) where f1.x100 = 2;
drop table join_s23_iu_t1, join_s23_iu_t2, join_s23_iu_f;
