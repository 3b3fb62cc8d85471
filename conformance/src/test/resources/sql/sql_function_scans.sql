-- Set-returning SQL functions in FROM are inlined as the query of their body (PostgreSQL's
-- inline_set_returning_function): quals reach the body's scans and its indexes, a body with window functions
-- stays a Subquery Scan; STRICT, VOLATILE, SECURITY DEFINER functions, ORDINALITY and column definition lists
-- keep the Function Scan. Answers must be the same either way.
create table sfs (id int primary key, grp int, val text);
insert into sfs select g, g % 10, 'v' || g from generate_series(1, 2000) g;
analyze sfs;
create function sfs_of(int) returns setof sfs language sql stable as 'select * from sfs where grp = $1';
create function sfs_named(g int, lim int) returns setof sfs language sql stable
  as 'select * from sfs where grp = g and id <= lim';
create function sfs_strict(int) returns setof sfs language sql stable strict as 'select * from sfs where grp = $1';
create function sfs_volatile(int) returns setof sfs language sql as 'select * from sfs where grp = $1';
create function sfs_table(lo int) returns table(a int, b text) language sql immutable
  as 'select id, val from sfs where id between lo and lo + 2';
create function sfs_window(n bigint) returns setof integer[] language sql stable as $$
  select array_agg(s) over w from generate_series(1, 5) s
  window w as (order by s rows between current row and n following)
$$;
explain (costs off) select * from sfs_of(3) where id < 40;
select * from sfs_of(3) where id < 40 order by id;
explain (costs off) select * from sfs_of(3) f where f.id = 13;
select * from sfs_of(3) f where f.id = 13;
explain (costs off) select * from sfs_named(lim => 50, g => 7);
select * from sfs_named(lim => 50, g => 7);
explain (costs off) select * from sfs_strict(3) where id < 40;
select * from sfs_strict(3) where id < 40 order by id;
select count(*) from sfs_strict(null);
select count(*) from sfs_of(null);
explain (costs off) select * from sfs_volatile(3) where id < 40;
select * from sfs_volatile(3) where id < 40 order by id;
explain (costs off) select * from sfs_table(10);
select * from sfs_table(10);
select * from sfs_table(10) as t(x, y) where x > 10;
explain (costs off) select * from sfs_window(2);
select * from sfs_window(2);
explain (costs off) select * from sfs_of(3) with ordinality as o where id < 40;
select * from sfs_of(3) with ordinality as o where id < 40;
-- lateral: the argument is the outer row's column
explain (costs off) select s.id, t.* from sfs s, sfs_table(s.id) t where s.id < 3;
select s.id, t.* from sfs s, sfs_table(s.id) t where s.id < 3 order by 1, 2;
-- a volatile argument keeps the call
explain (costs off) select * from sfs_table((random() * 0)::int + 5);
select * from sfs_table((random() * 0)::int + 5);
-- the body's errors still come when the query runs
create function sfs_div(int) returns setof int language sql stable as 'select id / $1 from sfs where id < 3';
select * from sfs_div(0);
select * from sfs_div(1);
drop function sfs_div(int);
-- a composite parameter's fields by name.field and function.name.field
create function sfs_grp(r sfs) returns int language sql immutable as 'select r.grp * 100 + sfs_grp.r.id';
select sfs_grp(s) from sfs s where id < 4 order by 1;
select x from sfs, sfs_grp(sfs) f(x) where id < 3 order by 1;
drop function sfs_grp(sfs);
drop function sfs_of(int), sfs_named(int, int), sfs_strict(int), sfs_volatile(int), sfs_table(int), sfs_window(bigint);
drop table sfs;
