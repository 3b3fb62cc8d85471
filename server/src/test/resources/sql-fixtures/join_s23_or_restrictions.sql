-- OR conditions of a join restrict each input by the OR of its own terms (extract_restriction_or_clauses)
drop table if exists jp_or
create table jp_or (u1 int, u2 int, h int, t int, pad text)
insert into jp_or select i, (i * 7) % 10000, i % 100, i % 10, repeat('x', 100) from generate_series(0, 9999) i
create index jp_or_u1 on jp_or (u1)
create index jp_or_u2 on jp_or (u2)
create index jp_or_h on jp_or (h)
vacuum analyze jp_or
explain (costs off) select a.u1, b.u1 from jp_or a join jp_or b on (a.u1 = 1 and b.u1 = 2) or (a.u2 = 3 and b.h = 4)
select a.u1, a.u2, b.u1, b.h from jp_or a join jp_or b on (a.u1 = 1 and b.u1 = 2) or (a.u2 = 3 and b.h = 4) order by 1, 3
explain (costs off) select a.u1, b.u1 from jp_or a join jp_or b on (a.u1 = 1 and b.u1 = 2) or (a.u2 = 3 and b.t = 4)
select count(*), sum(b.u1) from jp_or a join jp_or b on (a.u1 = 1 and b.u1 = 2) or (a.u2 = 3 and b.t = 4)
explain (costs off) select a.u1, b.u1 from jp_or a join jp_or b on (a.u1 = 1 and b.u1 = 2) or ((a.u2 = 3 or a.u2 = 7) and b.h = 4)
select count(*), sum(a.u1), sum(b.u1) from jp_or a join jp_or b on (a.u1 = 1 and b.u1 = 2) or ((a.u2 = 3 or a.u2 = 7) and b.h = 4)
explain (costs off) select a.u1, b.u1 from jp_or a join jp_or b on (a.u1 = 1 and b.u1 = 2) or (a.t < 100 and b.h = 4)
select count(*) from jp_or a join jp_or b on (a.u1 = 1 and b.u1 = 2) or (a.t < 100 and b.h = 4)
drop table jp_or
