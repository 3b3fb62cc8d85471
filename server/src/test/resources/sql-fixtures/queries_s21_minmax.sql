-- min()/max() of a column the WHERE holds equal to a constant or an outer value (issue 6): Limit over the filtered scan, as planagg.c with a redundant path key
drop table if exists queries_s21_minmax_t;
create table queries_s21_minmax_t (f1 int4); insert into queries_s21_minmax_t values (0), (123456), (-123456), (2147483647), (-2147483647), (null);
explain (costs off) select min(f1) from queries_s21_minmax_t t1 where t1.f1 = 5;
explain (costs off) select min(f1), max(f1) from queries_s21_minmax_t t1 where t1.f1 = 0;
select min(f1), max(f1) from queries_s21_minmax_t t1 where t1.f1 = 0;
select min(f1) from queries_s21_minmax_t t1 where t1.f1 = 5;
explain (costs off) select min(f1) from queries_s21_minmax_t t1 where t1.f1 = random()::int;
set enable_sort = off; explain (costs off) select f1, (select distinct min(t1.f1) from queries_s21_minmax_t t1 where t1.f1 = t0.f1) from queries_s21_minmax_t t0;
explain (costs off) select f1, (select min(t1.f1) from queries_s21_minmax_t t1 where t1.f1 = t0.f1) from queries_s21_minmax_t t0;
select f1, (select min(t1.f1) from queries_s21_minmax_t t1 where t1.f1 = t0.f1) from queries_s21_minmax_t t0 order by 1;
select f1, (select max(t1.f1) from queries_s21_minmax_t t1 where t1.f1 = t0.f1 and t1.f1 > 0) from queries_s21_minmax_t t0 order by 1;
drop table queries_s21_minmax_t;
