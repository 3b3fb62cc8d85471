-- PlaceHolderVars of constant rows: a LEFT JOIN of one-row subqueries keeps the nullable side's values in its Result,
-- the preserved side's plain constants are put into the expressions above (pullup_replace_vars)
explain (verbose, costs off) select * from (select 1 as x) ss1 left join (select 2 as y) ss2 on (true), lateral (select ss2.y as z limit 1) ss3;
select * from (select 1 as x) ss1 left join (select 2 as y) ss2 on (true), lateral (select ss2.y as z limit 1) ss3;
explain (verbose, costs off) select * from (select 0 as val0) as ss0 left join (select 1 as val) as ss1 on true left join lateral (select ss1.val as val_filtered where false) as ss2 on true;
select * from (select 0 as val0) as ss0 left join (select 1 as val) as ss1 on true left join lateral (select ss1.val as val_filtered where false) as ss2 on true;
explain (verbose, costs off) select * from (select 1 as a) s1 left join (select 2 as b) s2 on true left join (select 3 as c) s3 on true, lateral (select s2.b, s3.c limit 1) ss;
select * from (select 1 as a) s1 left join (select 2 as b) s2 on true left join (select 3 as c) s3 on true, lateral (select s2.b, s3.c limit 1) ss;
explain (verbose, costs off) select * from (select 1 as a) s1 left join (select 2 as b) s2 on true;
explain (verbose, costs off) select * from (select 1 as a) s1 left join (select 2 as b) s2 on true left join lateral (select s2.b + s1.a as z where false) s3 on true;
select * from (select 1 as a) s1 left join (select 2 as b) s2 on true left join lateral (select s2.b + s1.a as z where false) s3 on true;
explain (verbose, costs off) select * from (values (1, 0)) v1(x1, x2) left join (values (3, 1)) v2(y1, y2) on v1.x1 = v2.y2, lateral (select v2.y1 limit 1) ss;
select * from (values (1, 0)) v1(x1, x2) left join (values (3, 1)) v2(y1, y2) on v1.x1 = v2.y2, lateral (select v2.y1 limit 1) ss;
