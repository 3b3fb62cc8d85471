-- ANALYZE's statistics as pg_stats and pg_statistic show them, and the scan choice they lead to
create table plans_st (a int, b text, c float8, d bool)
insert into plans_st select i % 10, 'v' || (i % 3), i / 7.0, i % 3 = 0 from generate_series(1, 5000) i
create index plans_st_a on plans_st (a)
analyze plans_st
select attname, null_frac, avg_width, n_distinct, most_common_vals, most_common_freqs, histogram_bounds is not null, correlation from pg_stats where tablename = 'plans_st' order by attname
select staattnum, stakind1, stakind2, stakind3, staop3 > 0, array_length(stanumbers1, 1) from pg_statistic where starelid = 'plans_st'::regclass order by 1
select relname, autoanalyze_count, analyze_count from pg_stat_user_tables where relname = 'plans_st'
-- every row has a = 1: reading the table beats the index
create table plans_same (a int, b text)
insert into plans_same select 1, repeat('x', 50) from generate_series(1, 20000)
create index plans_same_a on plans_same (a)
analyze plans_same
explain (costs off) select count(*) from plans_same where a = 1
select count(*) from plans_same where a = 1
drop table plans_same
create table plans_key (id int, v text)
insert into plans_key select i, 'x' || i from generate_series(1, 10000) i
create index plans_key_id on plans_key (id)
analyze plans_key
select attname, n_distinct, correlation from pg_stats where tablename = 'plans_key' order by attname
explain (costs off) select * from plans_key where id = 42
select * from plans_key where id = 42
-- rows inserted in reverse order of id: correlation -1
create table plans_rev (id int)
insert into plans_rev select 1001 - i from generate_series(1, 1000) i
analyze plans_rev
select n_distinct, correlation from pg_stats where tablename = 'plans_rev'
vacuum plans_st
select count(*) from pg_stats where tablename = 'plans_st'
drop table plans_st
drop table plans_key
drop table plans_rev
-- a rolled back ANALYZE leaves no statistics
create table plans_rb (a int)
insert into plans_rb select generate_series(1, 100)
begin; analyze plans_rb; rollback
select count(*) from pg_stats where tablename = 'plans_rb'
analyze plans_rb
select count(*) from pg_stats where tablename = 'plans_rb'
drop table plans_rb
select count(*) from pg_stats where tablename like 'plans_%'
