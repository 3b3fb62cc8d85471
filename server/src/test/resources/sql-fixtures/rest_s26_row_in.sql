-- (a, b) IN (SELECT x, y ...) is pulled up into a semi join with one equality per column (convert_ANY_sublink_to_join);
-- equalities sharing a column make one equivalence class, joined once while each side compares its own members
-- (a = x AND b = x joins by a = x over the rows where a = b); an inner side made unique keeps its columns as written
-- (Group Key: x, x), a repeated grouping column counts once in the group estimate, and a = b of one table is eqsel's
-- default guess (0.005)
drop table if exists rest_s26_ri_a, rest_s26_ri_b;
create table rest_s26_ri_a (hundred int, thousand int, pad text); create table rest_s26_ri_b (twothousand int, fivethous int, two int);
insert into rest_s26_ri_a select g % 100, g % 1000, repeat('x', 200) from generate_series(1, 10000) g; insert into rest_s26_ri_a values (null, null, 'n'), (5, null, 'n');
insert into rest_s26_ri_b select g % 200, g % 500, g % 2 from generate_series(1, 1000) g; insert into rest_s26_ri_b values (null, 1, 1), (7, null, 0);
analyze rest_s26_ri_a; analyze rest_s26_ri_b;
select count(*), sum(hundred), sum(thousand) from rest_s26_ri_a where (hundred, thousand) in (select twothousand, twothousand from rest_s26_ri_b);
select count(*), sum(hundred) from rest_s26_ri_a where (hundred, thousand) in (select twothousand, fivethous from rest_s26_ri_b);
select count(*) from rest_s26_ri_a where (hundred, thousand) in (select twothousand, fivethous from rest_s26_ri_b where two = 1);
select count(*) from rest_s26_ri_a where (hundred, hundred) in (select twothousand, two from rest_s26_ri_b);
select count(*) from rest_s26_ri_a where (hundred, thousand) in (select twothousand, twothousand + 1 from rest_s26_ri_b);
select count(*) from rest_s26_ri_a where (hundred, thousand) not in (select twothousand, fivethous from rest_s26_ri_b where twothousand is not null and fivethous is not null);
select count(*) from rest_s26_ri_b where (twothousand, fivethous) in (select hundred, thousand from rest_s26_ri_a);
set enable_memoize to off;
explain (costs off) select 1 from rest_s26_ri_a where (hundred, thousand) in (select twothousand, twothousand from rest_s26_ri_b);
reset enable_memoize;
explain (costs off) select * from rest_s26_ri_a where hundred = thousand;
explain (costs off) select distinct twothousand, twothousand from rest_s26_ri_b;
drop table rest_s26_ri_a, rest_s26_ri_b;
