-- a one-row VALUES may call set-returning functions (as a select list does); several rows may not
select * from (values (generate_series(1, 3))) v;
values (generate_series(1, 2), 5);
values (1), (generate_series(1, 2));
select * from (values (1, 'a'), (2, generate_series(1, 2)::text)) v;
drop table if exists vvs_t;
create table vvs_t (a int, b int default 7);
insert into vvs_t values (generate_series(1, 3));
insert into vvs_t values (10, generate_series(1, 2));
insert into vvs_t values (1, 1), (generate_series(1, 2), 2);
select a, b from vvs_t order by a, b;
insert into vvs_t values ((select count(*) from generate_series(1, 4))::int);
select count(*) from vvs_t;
drop table vvs_t;
-- t.* in a LATERAL VALUES row is expanded into t's columns
select * from (values (1, 2)) n(a, b), lateral (values (n.*)) v;
select * from (values (1, 2)) n(a, b), lateral (values (n.*, 3), (5, 6, 7)) v order by 3;
select v.* from (values ('x', 2)) n(a, b), lateral (values (n.*)) v(p, q);
