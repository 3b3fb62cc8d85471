-- an EXISTS whose subquery's own planning keyed an index by the outer row (an index on (a, b), both compared with
-- outer columns) is still pulled up into a semi join, here an inner join as the inner side is unique (PostgreSQL 15)
drop table if exists s23e_a, s23e_o;
create table s23e_a (a int, b int, c int, primary key (a, b)); create table s23e_o (x int, y int);
insert into s23e_a select g % 10, g / 10, g from generate_series(0, 99) g; insert into s23e_o select g % 13, g % 11 from generate_series(1, 60) g; insert into s23e_o values (null, 1), (1, null);
select count(*), sum(x), sum(y) from s23e_o o where exists (select 1 from s23e_a t where t.a = o.x and t.b = o.y);
select count(*) from s23e_o o where not exists (select 1 from s23e_a t where t.a = o.x and t.b = o.y);
select count(*) from s23e_o o where exists (select 1 from s23e_a t where t.a = o.x and t.b = o.y and t.c > 50);
explain (costs off) select * from s23e_o o where exists (select 1 from s23e_a t where t.a = o.x and t.b = o.y);
explain (costs off) select * from s23e_o o where exists (select 1 from s23e_a t where t.a = o.x and t.b = o.y and t.c > 50);
drop table s23e_a, s23e_o;
