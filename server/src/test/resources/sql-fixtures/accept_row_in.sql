-- (a, b) IN / NOT IN / op ANY|ALL (subquery of as many columns), NULL fields making the comparison unknown
select (1,2) in (select 1, 2);
select (1,null) in (select 1, 2);
select (1,null::int) not in (select 3, 2);
select (1,2) in (select 1);
select (1,2) = any (select 1, 2, 3);
select (1,'a') in (select 1, 'a'::text union all select 2, 'b');
select (1,2) < all (select 2, 1 union all select 1, 3);
select x from (values (1,2),(3,4),(5,null)) v(x,y) where (x,y) in (select a, b from (values (1,2),(3,5)) w(a,b)) order by x;
select x from (values (1,2),(3,4),(5,null)) v(x,y) where (x,y) not in (select a, b from (values (1,2),(3,5)) w(a,b)) order by x;
select x from (values (1,2),(3,4)) v(x,y) where (x,y) in (select a, b from (values (1,2),(3,5)) w(a,b) where a = v.x) order by x;
select x from (values (1,2),(3,4)) v(x,y) where (x,y) not in (select a, b from (values (1,2),(3,null)) w(a,b)) order by x;
-- SELECT * grouped by every column
drop table if exists acc_g;
create table acc_g (a int, b int, c int, d int, primary key (a, b));
insert into acc_g values (1,2,3,4), (2,2,3,4);
select * from acc_g group by a,b,c,d order by a;
select acc_g.* from acc_g group by a,b,c,d order by a;
drop table acc_g;
-- int2vector and oidvector are not true array types: their array types print as int2vector[] / oidvector[]
select pg_typeof(array['11 22 33'::int2vector]);
select pg_typeof(array(select '11 22 33'::oidvector));
select format_type(1006, -1), 1013::regtype, 1005::regtype;
