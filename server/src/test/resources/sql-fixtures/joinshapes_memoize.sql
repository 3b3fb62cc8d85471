-- Memoize over a LATERAL subquery's Limit: chosen when the outer key repeats (its relation's filter leaves fewer distinct values than outer rows), not for one outer row
drop table if exists joinshapes_memoize_t;
drop table if exists joinshapes_memoize_i8;
drop table if exists joinshapes_memoize_k;
create table joinshapes_memoize_t (f1 text);
insert into joinshapes_memoize_t values ('doh!'), ('hi de ho neighbor')
create table joinshapes_memoize_i8 (q1 int8, q2 int8);
insert into joinshapes_memoize_i8 values (123, 456), (123, 4567890123456789), (4567890123456789, 123), (4567890123456789, 4567890123456789), (4567890123456789, -4567890123456789)
vacuum joinshapes_memoize_t
vacuum joinshapes_memoize_i8
explain (verbose, costs off) select * from joinshapes_memoize_t t1 left join joinshapes_memoize_i8 i8 on i8.q2 = 123, lateral (select i8.q1, t2.f1 from joinshapes_memoize_t t2 limit 1) as ss where t1.f1 = ss.f1
select * from joinshapes_memoize_t t1 left join joinshapes_memoize_i8 i8 on i8.q2 = 123, lateral (select i8.q1, t2.f1 from joinshapes_memoize_t t2 limit 1) as ss where t1.f1 = ss.f1
explain (costs off) select * from joinshapes_memoize_t t1 left join joinshapes_memoize_i8 i8 on i8.q2 = 123, lateral (select i8.q1, t2.f1 from joinshapes_memoize_t t2 limit 1) as ss where t1.f1 = ss.f1
set enable_memoize = off; explain (costs off) select * from joinshapes_memoize_t t1 left join joinshapes_memoize_i8 i8 on i8.q2 = 123, lateral (select i8.q1, t2.f1 from joinshapes_memoize_t t2 limit 1) as ss where t1.f1 = ss.f1; reset enable_memoize
analyze joinshapes_memoize_t
analyze joinshapes_memoize_i8
explain (verbose, costs off) select * from joinshapes_memoize_t t1 left join joinshapes_memoize_i8 i8 on i8.q2 = 123, lateral (select i8.q1, t2.f1 from joinshapes_memoize_t t2 limit 1) as ss where t1.f1 = ss.f1
select * from joinshapes_memoize_t t1 left join joinshapes_memoize_i8 i8 on i8.q2 = 123, lateral (select i8.q1, t2.f1 from joinshapes_memoize_t t2 limit 1) as ss where t1.f1 = ss.f1
explain (costs off) select * from joinshapes_memoize_t t1 join joinshapes_memoize_i8 i8 on i8.q2 = 456, lateral (select i8.q1, t2.f1 from joinshapes_memoize_t t2 order by t2.f1 limit 1) as ss where t1.f1 = 'doh!'
select * from joinshapes_memoize_t t1 join joinshapes_memoize_i8 i8 on i8.q2 = 456, lateral (select i8.q1, t2.f1 from joinshapes_memoize_t t2 order by t2.f1 limit 1) as ss where t1.f1 = 'doh!'
explain (costs off) select i8.q1, ss.f1 from joinshapes_memoize_i8 i8, lateral (select t2.f1 from joinshapes_memoize_t t2 where t2.f1 > i8.q1::text limit 1) as ss
select i8.q1, ss.f1 from joinshapes_memoize_i8 i8, lateral (select t2.f1 from joinshapes_memoize_t t2 where t2.f1 > i8.q1::text limit 1) as ss order by 1, 2
create table joinshapes_memoize_k (k int, v int);
insert into joinshapes_memoize_k select g % 3, g from generate_series(1, 30) g
analyze joinshapes_memoize_k
explain (costs off) select k.v, ss.q1 from joinshapes_memoize_k k, lateral (select t.q1 from joinshapes_memoize_i8 t where t.q2 > k.k order by t.q2 limit 1) ss where k.v = 7
select sum(k.v), sum(ss.x) from joinshapes_memoize_k k, lateral (select k.k + t.q1 as x from joinshapes_memoize_i8 t order by t.q2 limit 1) ss
explain (costs off) select k.v, g from joinshapes_memoize_k k, lateral generate_series(1, k.k) g
select sum(k.v * g) from joinshapes_memoize_k k, lateral generate_series(1, k.k) g
drop table joinshapes_memoize_t;
drop table joinshapes_memoize_i8;
drop table joinshapes_memoize_k;
