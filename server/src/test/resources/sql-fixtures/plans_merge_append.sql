-- Merge Append (PostgreSQL's ordered append paths): ORDER BY over a UNION ALL or an inheritance scan merges members
-- that are each sorted or read in order from a B-tree index; each shape with the rows it gives
create table mapp_events (event_id int primary key)
create table mapp_other (event_id int primary key)
create table mapp_noindex (event_id int)
insert into mapp_events values (5), (1), (9)
insert into mapp_noindex values (4), (1), (7), (null)
insert into mapp_other values (3), (8), (2)
explain (costs off) select event_id from (select event_id from mapp_events union all select event_id from mapp_noindex union all select event_id from mapp_other) ss order by event_id
select event_id from (select event_id from mapp_events union all select event_id from mapp_noindex union all select event_id from mapp_other) ss order by event_id
select event_id from (select event_id from mapp_events union all select event_id from mapp_noindex union all select event_id from mapp_other) ss order by event_id desc
explain (costs off) select event_id from (select event_id from mapp_events union all select event_id from mapp_noindex union all select event_id from mapp_other) ss order by event_id limit 3
select event_id from (select event_id from mapp_events union all select event_id from mapp_noindex union all select event_id from mapp_other) ss order by event_id limit 3
select event_id from (select event_id from mapp_events union all select event_id from mapp_noindex union all select event_id from mapp_other) ss order by event_id desc nulls last limit 4
-- an inheritance tree whose members all have an index on the key: LIMIT reads each in order
create table mapp_p (k int, v text)
create table mapp_c1 () inherits (mapp_p)
create table mapp_c2 () inherits (mapp_p)
create index on mapp_p (k)
create index on mapp_c1 (k)
create index on mapp_c2 (k desc)
insert into mapp_p select i * 3, 'p' || i from generate_series(1, 300) i
insert into mapp_c1 select i * 3 + 1, 'c1-' || i from generate_series(1, 300) i
insert into mapp_c2 select i * 3 + 2, 'c2-' || i from generate_series(1, 300) i
analyze mapp_p
analyze mapp_c1
analyze mapp_c2
explain (costs off) select * from mapp_p order by k limit 5
select * from mapp_p order by k limit 5
explain (costs off) select * from mapp_p order by k desc limit 5
select * from mapp_p order by k desc limit 5
explain (costs off) select k, v from mapp_p where v is not null order by k limit 4
select k, v from mapp_p where v is not null order by k limit 4
explain (costs off) select * from mapp_p order by k offset 20 limit 3
select * from mapp_p order by k offset 20 limit 3
explain (costs off) select * from mapp_p where k > 800 order by k
select * from mapp_p where k > 800 order by k
-- UNION ALL of two scans of one table: one member reads an index, the other is sorted
set enable_seqscan = off; explain (costs off) select k, v from mapp_c1 union all select k, k::text from mapp_c2 order by k limit 4
select k, v from mapp_c1 union all select k, k::text from mapp_c2 order by k limit 4
reset enable_seqscan
-- without a LIMIT and without indexes one Sort over the Append costs less
explain (costs off) select v from mapp_p order by v
drop table mapp_p cascade
drop table mapp_events, mapp_noindex
drop table mapp_other
