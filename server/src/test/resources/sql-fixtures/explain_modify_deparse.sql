-- EXPLAIN of UPDATE/DELETE (issue 6): the target's alias, folded constants in WHERE, value functions by keyword
drop table if exists emd_t, emd_u cascade
create table emd_t (a int, c numeric)
create table emd_u (a int primary key, b int)
explain (costs off) update emd_t set a = 1 where c > 97
explain (costs off) delete from emd_t where c > 97
explain (costs off) update emd_t t set a = 1 where current_user = session_user
explain (costs off) delete from emd_u x where a = 3
explain (costs off) delete from emd_u where a = 3
explain (verbose, costs off) select current_user, session_user, current_role, user, current_catalog, current_schema, current_date, localtimestamp(2) from emd_t t
explain (verbose, costs off) select current_time(2), localtime, current_timestamp, localtime(3), current_timestamp(1) from emd_t
select current_user = session_user, current_date = now()::date, current_catalog = current_database()
explain (costs off) update emd_t set a = 1 where a = 1/0
