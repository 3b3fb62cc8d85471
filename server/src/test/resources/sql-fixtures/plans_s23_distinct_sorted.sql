-- SELECT DISTINCT over a few rows after a costly input sorts them (Unique over Sort) where hashing costs no less
-- than 1% below (add_path's fuzz); a large input is still hashed
create table dsort_t (f1 int, f2 int)
explain (costs off) select distinct min(f1), max(f2) from dsort_t
select distinct min(f1), max(f2) from dsort_t
explain (costs off) select distinct count(*) from dsort_t
insert into dsort_t select i % 7, i % 5 from generate_series(1, 2000) i
analyze dsort_t
explain (costs off) select distinct f1, f2 from dsort_t
select distinct f1, f2 from dsort_t order by f1, f2 limit 4
explain (costs off) select distinct count(*), sum(f2) from dsort_t
select distinct count(*), sum(f2) from dsort_t
drop table dsort_t
