-- min()/max() over an inheritance tree as InitPlans of Limit -> Merge Append: a member whose only index is partial
-- reads it when the IS NOT NULL condition implies its predicate (no Index Cond left); the second InitPlan scans its own
-- copy of the tree, named after the first one's (PostgreSQL's range table copies)
create table mmp_t (f1 int)
create table mmp_t1 () inherits (mmp_t)
create table mmp_t2 () inherits (mmp_t)
create table mmp_t3 () inherits (mmp_t)
create index mmp_ti on mmp_t (f1)
create index mmp_t1i on mmp_t1 (f1)
create index mmp_t2i on mmp_t2 (f1 desc)
create index mmp_t3i on mmp_t3 (f1) where f1 is not null
insert into mmp_t values (11), (12)
insert into mmp_t1 values (13), (14)
insert into mmp_t2 values (15), (16)
insert into mmp_t3 values (17), (18), (null)
explain (costs off) select min(f1), max(f1) from mmp_t
select min(f1), max(f1) from mmp_t
explain (costs off) select max(f1), min(f1), max(f1) from mmp_t
select max(f1), min(f1), max(f1) from mmp_t
-- a partial index the condition does not imply is not read
create index mmp_t3j on mmp_t3 (f1) where f1 > 100
drop index mmp_t3i
explain (costs off) select min(f1) from mmp_t
select min(f1) from mmp_t
drop table mmp_t cascade
