-- PL/pgSQL variables and parameters of a composite type (var.field read and assigned), and aggregates sharing one
-- transition state when only their final functions differ (the transition logs each call into a table)
drop table if exists qa_log;
create type qa_state as (total bigint, count bigint); create table qa_log (n int);
create function qa_make(n int) returns qa_state language plpgsql as $$ declare s qa_state; begin s.total := n; s.count := 1; return s; end $$;
select qa_make(5), (qa_make(7)).count;
create function qa_transfn(state qa_state, n int) returns qa_state language plpgsql as $$ declare new_state qa_state; begin insert into qa_log values (n); if state is null then if n is not null then new_state.total := n; new_state.count := 1; return new_state; end if; return null; elsif n is not null then state.total := state.total + n; state.count := state.count + 1; return state; end if; return null; end $$;
create function qa_avgfn(state qa_state) returns int4 language plpgsql as $$ begin if state is null then return null; else return state.total / state.count; end if; end $$;
create function qa_sumfn(state qa_state) returns int4 language plpgsql as $$ begin if state is null then return null; else return state.total; end if; end $$;
select qa_transfn(null, 4), qa_transfn(row(10, 2)::qa_state, 3), qa_transfn(row(10, 2)::qa_state, null);
create aggregate qa_avg(int4) (stype = qa_state, sfunc = qa_transfn, finalfunc = qa_avgfn);
create aggregate qa_sum(int4) (stype = qa_state, sfunc = qa_transfn, finalfunc = qa_sumfn);
delete from qa_log; select qa_avg(one), qa_sum(one) from (values (1), (3)) t(one);
select count(*) from qa_log;
delete from qa_log; select qa_avg(distinct one), qa_sum(distinct one) from (values (1), (3), (1)) t(one);
select count(*) from qa_log;
delete from qa_log; select qa_avg(one) filter (where one > 1), qa_sum(one) from (values (1), (3)) t(one);
select count(*) from qa_log;
select qa_avg(one), qa_sum(two) from (values (1, 2), (3, 4)) t(one, two);
drop aggregate qa_avg(int4); drop aggregate qa_sum(int4); drop function qa_transfn(qa_state, int); drop function qa_avgfn(qa_state); drop function qa_sumfn(qa_state); drop function qa_make(int); drop type qa_state; drop table qa_log;
