-- EXPLAIN VERBOSE (issue 6): a join lists a lateral subquery's aggregate where the query first mentions it, and a Sort over the join shows it as a reference
explain (verbose, costs off) select s1, s2, sm from generate_series(1, 3) s1, lateral (select s2, sum(s1 + s2) sm from generate_series(1, 3) s2 group by s2) ss order by 1, 2
explain (verbose, costs off) select s1, sm, s2 from generate_series(1, 3) s1, lateral (select s2, sum(s1 + s2) sm from generate_series(1, 3) s2 group by s2) ss order by 1, 2
explain (verbose, costs off) select s1, s2, sm from generate_series(1, 3) s1, (select s2, sum(s2) sm from generate_series(1, 3) s2 group by s2) ss order by 1, 2
select s1, sm, s2 from generate_series(1, 3) s1, lateral (select s2, sum(s1 + s2) sm from generate_series(1, 3) s2 group by s2) ss order by 1, 2
-- SELECT ... FOR UPDATE reading system columns (the locked scan already carries the tid)
create table aggdist_explain_locked (a int primary key, b text)
insert into aggdist_explain_locked values (1, 'a'), (2, 'b')
select a, b, xmax from aggdist_explain_locked order by a for update
select ctid, a from aggdist_explain_locked where a = 2 for share
select xmin = xmin, a from aggdist_explain_locked order by a limit 1 for no key update
drop table aggdist_explain_locked
