-- B-tree pages split with several 2000-2700-byte keys on a page (random insert order, unique and multi-column)
drop table if exists btlk_t; create table btlk_t (id int, t text); create index btlk_t_t on btlk_t (t); create unique index btlk_t_u on btlk_t (t, id); create index btlk_t_d on btlk_t (t desc, id)
insert into btlk_t select i, (select string_agg(md5((i * 100 + j)::text), '') from generate_series(1, 62 + i % 22) j) from generate_series(1, 600) i order by md5(i::text)
select count(*), count(distinct t), min(length(t)), max(length(t)) from btlk_t
set enable_seqscan = off; set enable_bitmapscan = off; select md5(string_agg(id::text, ',')) from (select id from btlk_t order by t) s; reset enable_seqscan; reset enable_bitmapscan
select md5(string_agg(id::text, ',' order by t)) from btlk_t
set enable_seqscan = off; set enable_bitmapscan = off; select md5(string_agg(id::text, ',')) from (select id from btlk_t order by t desc, id) s; reset enable_seqscan; reset enable_bitmapscan
set enable_seqscan = off; set enable_bitmapscan = off; select id from btlk_t where t = (select string_agg(md5((37 * 100 + j)::text), '') from generate_series(1, 62 + 37 % 22) j); reset enable_seqscan; reset enable_bitmapscan
set enable_seqscan = off; set enable_bitmapscan = off; select count(*) from btlk_t where t < (select t from btlk_t where id = 300); reset enable_seqscan; reset enable_bitmapscan
select count(*) from btlk_t where t < (select t from btlk_t where id = 300) and id > 0
insert into btlk_t select id, t from btlk_t where id = 5
delete from btlk_t where id % 3 = 0; insert into btlk_t select i, (select string_agg(md5((i * 7 + j)::text), '') from generate_series(1, 62 + i % 22) j) from generate_series(601, 900) i order by md5(i::text); select count(*) from btlk_t
set enable_seqscan = off; set enable_bitmapscan = off; select md5(string_agg(id::text, ',')) from (select id from btlk_t order by t) s; reset enable_seqscan; reset enable_bitmapscan
select md5(string_agg(id::text, ',' order by t)) from btlk_t
drop table btlk_t
