-- equality joins on date/time, float and uuid columns hash and merge (issue 6): -0 meets 0, NaN meets NaN
drop table if exists queries_s21_hashjoin_t;
create table queries_s21_hashjoin_t (d date, ts timestamp, t timestamptz, tm time, f float8, r float4, u uuid); insert into queries_s21_hashjoin_t values ('2020-01-01', '2020-01-01 10:00', '2020-01-01 00:00+00', '10:00', 0.0, 0.0, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), ('2020-01-02', '2020-01-02 10:00', '2020-01-02 00:00+00', '11:00', 'NaN', 'NaN', null), (null, null, null, null, -0.0, -0.0, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12');
set enable_nestloop = off; set enable_mergejoin = off; select count(*) from queries_s21_hashjoin_t a join queries_s21_hashjoin_t b on a.f = b.f;
set enable_nestloop = off; set enable_mergejoin = off; select count(*) from queries_s21_hashjoin_t a join queries_s21_hashjoin_t b on a.r = b.r;
set enable_nestloop = off; set enable_mergejoin = off; select count(*) from queries_s21_hashjoin_t a join queries_s21_hashjoin_t b on a.d = b.d;
set enable_nestloop = off; set enable_mergejoin = off; select count(*) from queries_s21_hashjoin_t a join queries_s21_hashjoin_t b on a.ts = b.ts;
set enable_nestloop = off; set enable_mergejoin = off; select count(*) from queries_s21_hashjoin_t a join queries_s21_hashjoin_t b on a.tm = b.tm;
set enable_nestloop = off; set enable_mergejoin = off; select count(*) from queries_s21_hashjoin_t a join queries_s21_hashjoin_t b on a.u = b.u;
set enable_nestloop = off; set enable_mergejoin = off; explain (costs off) select count(*) from queries_s21_hashjoin_t a join queries_s21_hashjoin_t b on a.t = b.t;
set enable_nestloop = off; set enable_hashjoin = off; select count(*) from queries_s21_hashjoin_t a join queries_s21_hashjoin_t b on a.f = b.f;
select count(*) from queries_s21_hashjoin_t a where a.t in (select t from queries_s21_hashjoin_t);
select count(*) from queries_s21_hashjoin_t a where a.f in (select f from queries_s21_hashjoin_t);
explain (verbose, costs off) with x as materialized (select t as n from queries_s21_hashjoin_t) select * from x, x x2 where x.n = x2.n;
with x as materialized (select t as n from queries_s21_hashjoin_t) select count(*) from x, x x2 where x.n = x2.n;
drop table queries_s21_hashjoin_t;
