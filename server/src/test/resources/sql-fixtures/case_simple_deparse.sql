-- a simple CASE prints as written (CASE x WHEN v) in pg_get_viewdef and EXPLAIN VERBOSE, as ruleutils prints its CaseTestExpr
drop table if exists csd_t cascade
create table csd_t(x int, y text, s smallint, t text)
create view csd_v as select case x when 0 then 'zero' when 1 then 'one' else 'many' end as c, case when x > 5 then 1 end as d, case x + 1 when 2 then 'two' end as e, case s when 1 then 'a' end as f, case t when 'q' then 1 end as g from csd_t
select replace(pg_get_viewdef('csd_v', true), E'\n', ' ')
select replace(pg_get_viewdef('csd_v', false), E'\n', ' ')
explain (verbose, costs off) select case x when 0 then 'zero' else y end from csd_t
explain (verbose, costs off) select case x + 1 when 0 then 'zero' end from csd_t
explain (verbose, costs off) select case s when 1 then 'a' when 2 then 'b' end, case t when 'q' then 1 end from csd_t
explain (verbose, costs off) select case 1 when 0 then 'z' when 1 then y end from csd_t
select case x when 1 then 'one' else 'other' end from (values (1), (2), (null)) v(x)
drop table csd_t cascade
