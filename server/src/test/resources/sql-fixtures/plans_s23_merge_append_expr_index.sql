-- ORDER BY over a UNION ALL whose members are ordered by an expression: a member with a B-tree index on that
-- expression is read in order through it (no Sort), inheritance children too
create table mae_t1 (a text, b text)
create index mae_t1_ab on mae_t1 ((a || b))
create table mae_t1c (b text, a text)
alter table mae_t1c inherit mae_t1
create index mae_t1c_ab on mae_t1c ((a || b))
create table mae_t2 (ab text primary key)
insert into mae_t1 values ('a', 'b'), ('x', 'y')
insert into mae_t1c values ('v', 'w'), ('c', 'd'), ('m', 'n'), ('e', 'f')
insert into mae_t2 values ('ab'), ('xy'), ('vw'), ('cd')
explain (costs off) select * from (select a || b as ab from mae_t1 union all select ab from mae_t2) t order by 1 limit 8
select * from (select a || b as ab from mae_t1 union all select ab from mae_t2) t order by 1 limit 8
explain (costs off) select * from (select a || b as ab from mae_t1 union all select ab from mae_t2) t order by 1 desc limit 3
select * from (select a || b as ab from mae_t1 union all select ab from mae_t2) t order by 1 desc limit 3
-- an index on another expression does not order the member
explain (costs off) select * from (select b || a as ab from mae_t1 union all select ab from mae_t2) t order by 1 limit 8
select * from (select b || a as ab from mae_t1 union all select ab from mae_t2) t order by 1 limit 8
drop table mae_t1 cascade
drop table mae_t2
