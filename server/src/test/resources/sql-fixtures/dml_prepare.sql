-- PREPARE / EXECUTE / DEALLOCATE (helper dml); each line is one session's work, it ends with DEALLOCATE ALL
drop table if exists dml_pr
create table dml_pr (k int primary key, v text)
insert into dml_pr select g, 'v' || g from generate_series(1, 5) g
deallocate all; prepare dml_q1(int, text) as select $1 + 1, $2 || 'x'; execute dml_q1(1, 'a'); execute dml_q1('2', 3); deallocate all
deallocate all; prepare dml_q1(int, text) as select $1 + 1, $2 || 'x'; execute dml_q1(1)
deallocate all; prepare dml_q1(int, text) as select $1 + 1, $2 || 'x'; execute dml_q1(1, 'a', 3)
deallocate all; prepare dml_q1(int, text) as select $1 + 1, $2 || 'x'; execute dml_q1('x', 'a')
deallocate all; prepare dml_q1(int, text) as select $1 + 1, $2 || 'x'; execute dml_q1(now(), 'a')
deallocate all; execute dml_nope
deallocate all; prepare dml_q1 as select 1; prepare dml_q1 as select 2
deallocate all; prepare dml_q3 as select $2::int
deallocate all; prepare dml_q5(int, text) as insert into dml_nosuch values ($1)
deallocate all; prepare dml_q6(dml_nosuchtype) as select 1
deallocate all; prepare dml_q4(int) as select $2::int; prepare dml_q7 as select $1::int + $2; prepare dml_q2 as select $1; select name, statement, parameter_types, from_sql from pg_prepared_statements order by name; deallocate all
deallocate all; prepare dml_q7 as select $1::int + $2; execute dml_q7(1, 2); execute dml_q7(3, 4); select name, generic_plans, custom_plans from pg_prepared_statements; deallocate all
deallocate all; prepare dml_q1 as select 1; deallocate dml_q1; deallocate dml_q1
deallocate all; prepare dml_q1 as select 1; deallocate prepare dml_q1; select count(*) from pg_prepared_statements
deallocate all; prepare dml_q8 as values (1), (2); execute dml_q8; deallocate all
deallocate all; prepare dml_ins(int, text) as insert into dml_pr values ($1, $2) returning *; execute dml_ins(10, 'ten'); execute dml_ins(11, 'eleven'); deallocate all
deallocate all; prepare dml_upd(text, int) as update dml_pr set v = $1 where k = $2; execute dml_upd('new', 10); select * from dml_pr where k = 10; deallocate all
deallocate all; prepare dml_sel(int) as select v from dml_pr where k > $1 order by k; execute dml_sel(3); alter table dml_pr add column w int default 7; execute dml_sel(4); deallocate all
deallocate all; prepare dml_star as select * from dml_pr where k = 1; execute dml_star; deallocate all
deallocate all; prepare dml_del(int) as delete from dml_pr where k >= $1; execute dml_del(10); select count(*) from dml_pr; deallocate all
deallocate all; prepare dml_up(int, text) as insert into dml_pr values ($1, $2) on conflict (k) do update set v = excluded.v returning k, v; execute dml_up(1, 'one'); execute dml_up(1, 'uno'); deallocate all
prepare dml_keep as select 42
discard all
select count(*) from pg_prepared_statements
rollback; begin; discard all
rollback; discard plans
create table dml_pr2 (k int, v text)
deallocate all; prepare dml_ex as select v from dml_pr2 where k > 0; explain (costs off) execute dml_ex; deallocate all
explain (costs off) declare dml_c cursor for select v from dml_pr2 order by k
drop table dml_pr2
drop table dml_pr
