-- which way round a nested loop's Join Filter writes an equality between the joined parts: the equivalence class gives the first relation's member first (the earlier FROM item of two, the joined part before a single relation), whatever way the query wrote it
drop table if exists js25_es_a
drop table if exists js25_es_b
drop table if exists js25_es_c
create table js25_es_a (x int, y int, t text)
create table js25_es_b (x int, y int, t text)
create table js25_es_c (x int, y int, t text)
insert into js25_es_a values (1, 1, 'a'), (2, 2, 'b'), (3, 3, null)
insert into js25_es_b values (1, 2, 'a'), (2, 3, 'b'), (3, 4, 'c')
insert into js25_es_c values (2, 1, 'b'), (4, 2, 'c'), (6, 3, 'd')
analyze js25_es_a
analyze js25_es_b
analyze js25_es_c
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from js25_es_a a, js25_es_b b where b.x = a.y; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from js25_es_a a, js25_es_b b where a.y = b.x; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from js25_es_b b, js25_es_a a where a.y = b.x; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from js25_es_a a join js25_es_b b on b.t = a.t; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from js25_es_a a, js25_es_b b where b.x + 1 = a.y * 2; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from js25_es_a a, js25_es_b b where b.x < a.y; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from js25_es_a a, js25_es_b b, js25_es_c c where a.x = b.x and c.x = a.y + b.y; reset enable_hashjoin; reset enable_mergejoin
set enable_hashjoin = off; set enable_mergejoin = off; explain (costs off) select * from js25_es_c c, js25_es_a a, js25_es_b b where a.x = b.x and c.x = a.y + b.y; reset enable_hashjoin; reset enable_mergejoin
select * from js25_es_a a, js25_es_b b where b.x = a.y order by a.x
select * from js25_es_a a, js25_es_b b, js25_es_c c where a.x = b.x and c.x = a.y + b.y order by a.x
select c.t, ss.k from js25_es_c c left join (select case a.x when 1 then 'a' else null end as k, b.y from js25_es_a a join js25_es_b b on a.x = b.x) ss on c.t = ss.k where ss.y > 0
drop table js25_es_a
drop table js25_es_b
drop table js25_es_c
