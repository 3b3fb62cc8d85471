-- outer-join reduction (reduce_outer_joins) through a pulled-up subquery's computed columns: find_nonnullable_rels looks into the expression a column stands for, and an OR forces non-null only the relations every arm does
drop table if exists js26_ra_n1
drop table if exists js26_ra_n2
drop table if exists js26_ra_n3
create table js26_ra_n1 (id int primary key, a1 boolean, a2 boolean)
create table js26_ra_n2 (id int primary key, n1_id int, b1 boolean, b2 boolean)
create table js26_ra_n3 (id int primary key, n2_id int, c1 boolean)
insert into js26_ra_n1 values (1,true,true), (2,true,false), (3,false,false)
insert into js26_ra_n2 values (1,1,true,true), (2,2,true,false), (3,3,false,false), (4,null,null,true)
insert into js26_ra_n3 values (1,1,true), (2,2,false), (3,3,true), (4,4,false), (5,null,true)
explain (costs off) select n3.id from js26_ra_n3 n3 left join (select n2.*, (n2.b1 or n1.a1) as b3 from js26_ra_n2 n2 left join js26_ra_n1 n1 on n1.id = n2.n1_id) ss on ss.id = n3.n2_id where ss.b3
explain (costs off) select n3.id from js26_ra_n3 n3 left join (select n2.*, (n2.b1 or n2.b2) as b3 from js26_ra_n2 n2 left join js26_ra_n1 n1 on n1.id = n2.n1_id) ss on ss.id = n3.n2_id where ss.b3
explain (costs off) select n3.id from js26_ra_n3 n3 left join (select n2.*, coalesce(n1.a1, n2.b1) as b3 from js26_ra_n2 n2 left join js26_ra_n1 n1 on n1.id = n2.n1_id) ss on ss.id = n3.n2_id where ss.b3
explain (costs off) select * from js26_ra_n2 n2 left join js26_ra_n1 n1 on n1.id = n2.n1_id where n2.b1 or n1.a1
explain (costs off) select * from js26_ra_n3 n3 left join (js26_ra_n2 n2 join js26_ra_n1 n1 on n1.id = n2.n1_id) on n2.id = n3.n2_id where n2.b1 or n1.a1
select n3.id, ss.b3 from js26_ra_n3 n3 left join (select n2.*, (n2.b1 or n1.a1) as b3 from js26_ra_n2 n2 left join js26_ra_n1 n1 on n1.id = n2.n1_id) ss on ss.id = n3.n2_id where ss.b3 order by 1
select n3.id, ss.b3 from js26_ra_n3 n3 left join (select n2.*, (n2.b1 and n1.a1) as b3 from js26_ra_n2 n2 left join js26_ra_n1 n1 on n1.id = n2.n1_id) ss on ss.id = n3.n2_id where ss.b3 order by 1
select n3.id, ss.b3 from js26_ra_n3 n3 left join (select n2.*, coalesce(n1.a1, n2.b1) as b3 from js26_ra_n2 n2 left join js26_ra_n1 n1 on n1.id = n2.n1_id) ss on ss.id = n3.n2_id where ss.b3 is not false order by 1
select n3.id, ss.id, ss.b3 from js26_ra_n3 n3 left join (select n2.*, (n2.b1 or n1.a1) as b3 from js26_ra_n2 n2 left join js26_ra_n1 n1 on n1.id = n2.n1_id) ss on ss.id = n3.n2_id where ss.b3 or n3.c1 order by 1
drop table js26_ra_n3
drop table js26_ra_n2
drop table js26_ra_n1
