-- EXPLAIN VERBOSE: a join lists its own left relation's columns first even when the chosen path swapped its sides
-- (the smaller relation hashed, a LEFT join run as a Hash Right Join): PostgreSQL's join relation keeps the column
-- order of the pair that built it, whichever side the path puts each relation on
drop table if exists join_s26_so_a, join_s26_so_b, join_s26_so_c;
create table join_s26_so_a (x int, y int); create table join_s26_so_b (x int, z int); create table join_s26_so_c (z int, w int);
insert into join_s26_so_a select g, g from generate_series(1, 10) g; insert into join_s26_so_b select g % 10, g from generate_series(1, 100) g; insert into join_s26_so_c select g % 100, g from generate_series(1, 10000) g;
analyze join_s26_so_a;
analyze join_s26_so_b;
analyze join_s26_so_c;
explain (verbose, costs off) select a.y, b.z, c.w from join_s26_so_a a, join_s26_so_b b, join_s26_so_c c where a.x = b.x and b.z = c.z;
explain (verbose, costs off) select a.y, b.z, c.w from join_s26_so_c c, join_s26_so_b b, join_s26_so_a a where a.x = b.x and b.z = c.z;
explain (verbose, costs off) select a.y, b.z, c.w from join_s26_so_a a left join join_s26_so_b b on a.x = b.x join join_s26_so_c c on b.z = c.z;
explain (verbose, costs off) select c.w, b.z from join_s26_so_c c left join join_s26_so_b b on b.z = c.z join join_s26_so_a a on a.x = b.x;
select count(*), sum(a.y), sum(c.w) from join_s26_so_a a, join_s26_so_b b, join_s26_so_c c where a.x = b.x and b.z = c.z;
drop table join_s26_so_a, join_s26_so_b, join_s26_so_c;
