-- a WHERE conjunct X = X of a strict btree equality is X IS NOT NULL (process_equivalence), also once pushed into the
-- members of a UNION ALL; a volatile X or a non-btree type keeps the comparison
drop table if exists rest_s26_se;
create table rest_s26_se (a int, b text, c point);
insert into rest_s26_se values (1, 'x', '(1,1)'), (null, 'y', null), (3, null, '(2,2)');
explain (costs off) select * from rest_s26_se where a = a;
explain (costs off) select * from rest_s26_se where a + 1 = a + 1;
explain (costs off) select * from rest_s26_se where b = b and a > 0;
explain (costs off) select * from rest_s26_se where random() = random();
explain (costs off) select * from (select a, b from rest_s26_se union all select a, b from rest_s26_se) ss where b = b;
select a, b from rest_s26_se where a = a order by a;
explain (costs off) select (select 1 where a = a) from rest_s26_se;
select a, (select 1 where a = a) from rest_s26_se order by a;
select count(*) from rest_s26_se where b = b;
select count(*) from (select a, b from rest_s26_se union all select a, b from rest_s26_se) ss where a = a;
drop table rest_s26_se;
