-- LEFT JOINs of one-row VALUES whose ON condition folds to true are one constant row (remove_useless_result_rtes),
-- which the joins above then drop like any constant FROM item
drop table if exists join_s24_cr_i;
create table join_s24_cr_i (f1 int);
insert into join_s24_cr_i values (0), (123456), (-123456), (2147483647), (-2147483647);
vacuum analyze join_s24_cr_i;
explain (costs off) select * from (values (1, 0)) v1(x1, x2) left join (values (3, 1)) v2(y1, y2) on v1.x1 = v2.y2;
select * from (values (1, 0)) v1(x1, x2) left join (values (3, 1)) v2(y1, y2) on v1.x1 = v2.y2;
select * from (values (1, 0)) v1(x1, x2) left join (values (3, 2)) v2(y1, y2) on v1.x1 = v2.y2;
explain (costs off) select i.f1, ss.* from join_s24_cr_i i left join ((values (1, 0)) v1(x1, x2) left join (values (3, 1)) v2(y1, y2) on v1.x1 = v2.y2) ss on i.f1 = ss.x2;
select i.f1, ss.* from join_s24_cr_i i left join ((values (1, 0)) v1(x1, x2) left join (values (3, 1)) v2(y1, y2) on v1.x1 = v2.y2) ss on i.f1 = ss.x2 order by 1;
explain (costs off) select i.f1, ss.* from join_s24_cr_i i join ((values (1, 0)) v1(x1, x2) left join (values (3, 1)) v2(y1, y2) on v1.x1 = v2.y2) ss on i.f1 = ss.x2;
select i.f1, ss.* from join_s24_cr_i i join ((values (1, 0)) v1(x1, x2) left join (values (3, 1)) v2(y1, y2) on v1.x1 = v2.y2) ss on i.f1 = ss.x2;
-- a one-row VALUES joined to a table is a constant row too
explain (costs off) select * from join_s24_cr_i i, (values (0, 'zero')) v(k, name) where i.f1 = v.k;
select * from join_s24_cr_i i, (values (0, 'zero')) v(k, name) where i.f1 = v.k;
drop table join_s24_cr_i;
