-- index scans chosen for a range that drives a nested loop, index conditions taking every clause of the index,
-- and parameterized inner index scans costed as PostgreSQL's repeated scans (shared leaf and heap pages)
drop table if exists pil_t;
create table pil_t (u1 int, u2 int, th int, tt int, pad text);
insert into pil_t select i, (i * 7919) % 10000, i % 1000, (i * 31) % 10000, repeat('x', 100) from generate_series(0, 9999) i;
create unique index pil_u1 on pil_t (u1);
create unique index pil_u2 on pil_t (u2);
create index pil_th_tt on pil_t (th, tt);
analyze pil_t;
explain (costs off) select * from pil_t where u2 < 42 and u2 = 11;
explain (costs off) select * from pil_t where u1 > 5 and u1 < 42;
explain (costs off) select * from pil_t a left join pil_t b on b.u2 = a.tt where a.u1 < 10;
explain (costs off) select * from pil_t a join pil_t b on b.th = a.u2 and b.tt = a.u1 where a.u1 < 10;
select count(*) from pil_t a join pil_t b on b.th = a.u2 and b.tt = a.u1 where a.u1 < 10;
select count(*) from pil_t a left join pil_t b on b.u2 = a.tt where a.u1 < 10;
drop table pil_t;
