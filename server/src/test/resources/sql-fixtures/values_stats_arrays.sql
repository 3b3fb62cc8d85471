-- pg_stats' anyarray columns hold arrays of the column's type: to_json sees their elements
drop table if exists val_st;
create table val_st as select x, 'txt' || x as y from generate_series(1, 3) as x;
analyze val_st;
select attname, to_json(histogram_bounds), to_jsonb(histogram_bounds) from pg_stats where tablename = 'val_st' order by 1;
select attname, histogram_bounds, histogram_bounds::text, pg_typeof(histogram_bounds) from pg_stats where tablename = 'val_st' order by 1;
select stavalues1::text from pg_statistic where starelid = 'val_st'::regclass order by staattnum;
drop table val_st;
-- the session's temporary schema once it has one (listed first by current_schemas), else 0
select pg_my_temp_schema() = coalesce((select oid from pg_namespace where nspname = (current_schemas(true))[1] and nspname like 'pg\_temp\_%'), 0);
