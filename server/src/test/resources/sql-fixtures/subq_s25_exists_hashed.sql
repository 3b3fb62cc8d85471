-- a correlated EXISTS that stays a subplan (under OR) is also planned as a hashed ANY of its compared inner values
-- (convert_EXISTS_to_ANY); EXPLAIN shows whichever costs less for the rows evaluating it (fix_alternative_subplan)
drop table if exists subq_s25_eh_t, subq_s25_eh_k;
create table subq_s25_eh_t (id int primary key, v int, ten int); create table subq_s25_eh_k (k int primary key, w int);
insert into subq_s25_eh_t select g, g * 2, g % 10 from generate_series(1, 5000) g; insert into subq_s25_eh_t values (0, null, 1);
insert into subq_s25_eh_k select g, g % 7 from generate_series(1, 4000) g; insert into subq_s25_eh_k values (-1, null);
analyze subq_s25_eh_t; analyze subq_s25_eh_k;
explain (costs off) select count(*) from subq_s25_eh_t t where exists (select 1 from subq_s25_eh_k k where k.k = t.v) or ten < 0;
select count(*) from subq_s25_eh_t t where exists (select 1 from subq_s25_eh_k k where k.k = t.v) or ten < 0;
explain (costs off) select count(*) from subq_s25_eh_t t where (exists (select 1 from subq_s25_eh_k k where k.k = t.v) or ten < 0) and id = 7;
select count(*) from subq_s25_eh_t t where (exists (select 1 from subq_s25_eh_k k where k.k = t.v) or ten < 0) and id = 7;
explain (costs off) select count(*) from subq_s25_eh_t t where exists (select 1 from subq_s25_eh_k k where t.v = k.k and k.w = 3) or ten < 0;
select count(*) from subq_s25_eh_t t where exists (select 1 from subq_s25_eh_k k where t.v = k.k and k.w = 3) or ten < 0;
explain (costs off) select count(*) from subq_s25_eh_t t where not exists (select 1 from subq_s25_eh_k k where k.k = t.v) or ten = 1;
select count(*) from subq_s25_eh_t t where not exists (select 1 from subq_s25_eh_k k where k.k = t.v) or ten = 1;
explain (costs off) select id, exists (select 1 from subq_s25_eh_k k where k.k = t.v) from subq_s25_eh_t t;
select count(*), count(*) filter (where e) from (select id, exists (select 1 from subq_s25_eh_k k where k.k = t.v) e from subq_s25_eh_t t) s;
explain (costs off) select id, exists (select 1 from subq_s25_eh_k k where k.k = t.v), (select 1 from subq_s25_eh_k k2 where k2.k = t.id) from subq_s25_eh_t t where id < 3;
drop table subq_s25_eh_t, subq_s25_eh_k;
