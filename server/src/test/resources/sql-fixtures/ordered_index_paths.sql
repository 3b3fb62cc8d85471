-- ORDER BY served by an ordered B-tree scan: no Sort in the plan or the executor; rows in the index's order
drop table if exists oip cascade;
create table oip (a int, b text, c timestamptz, d int);
insert into oip select g, 'v' || (g % 7), timestamptz '2024-01-01 00:00+00' + g * interval '1 hour', case when g % 5 = 0 then null else g % 13 end from generate_series(1, 2000) g;
create index oip_a on oip (a);
create index oip_bd on oip (b, d desc nulls last);
analyze oip;
explain (costs off) select a, b from oip where a between 10 and 20 order by a;
select a, b from oip where a between 10 and 20 order by a;
explain (costs off) select a from oip where a < 8 order by a desc;
select a from oip where a < 8 order by a desc;
select b, d, count(*) from oip where b = 'v3' and d > 10 group by b, d order by b, d desc;
select a, b, d from oip where b = 'v3' and d > 10 order by b, d desc, a limit 5;
select a from oip where a > 1990 order by a;
select a from oip where a in (3, 1, 2) order by a;
drop table oip;
