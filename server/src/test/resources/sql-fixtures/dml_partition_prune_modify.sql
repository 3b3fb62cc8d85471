-- UPDATE and DELETE naming a partitioned table leave out the partitions whose bounds their WHERE contradicts
drop table if exists ppm cascade
create table ppm (k int, v int) partition by range (k)
create table ppm1 partition of ppm for values from (0) to (100)
create table ppm2 partition of ppm for values from (100) to (200)
create table ppm3 partition of ppm for values from (200) to (300)
insert into ppm select g % 300, g from generate_series(1, 3000) g
explain (costs off) update ppm set v = 0 where k = 150
explain (costs off) delete from ppm where k < 50
explain (costs off) delete from ppm where k > 150
explain (costs off) update ppm set v = v + 1 where k = 5 or k = 250
explain (costs off) update ppm set v = 0 where k = 150 or k = 160
update ppm set v = -1 where k = 150 returning k, v, tableoid::regclass
update ppm set k = k + 100 where k = 160
delete from ppm where k < 50
select tableoid::regclass, count(*), sum(v), min(k), max(k) from ppm group by 1 order by 1
explain (costs off) update ppm1 set v = 0 where k = 150
drop table ppm
