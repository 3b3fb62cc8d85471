-- rows equal under the sort keys come out in the order PostgreSQL's quicksort leaves them
drop table if exists q_ties
create table q_ties (id int, grp int, v int)
insert into q_ties select g, g % 3, g % 4 from generate_series(1, 50) g
select string_agg(id::text, ',') from (select id from q_ties order by grp) s
select string_agg(id::text, ',') from (select id from q_ties order by v desc) s
select string_agg(id::text || ':' || r::text, ',') from (select id, rank() over (order by v) r from q_ties) s
select string_agg(id::text || ':' || r::text, ',') from (select id, sum(id) over (partition by grp) r from q_ties) s
select string_agg(id::text, ',') from (select id from q_ties where id < 6 order by v) s
select string_agg(id::text, ',') from (select id from q_ties where id < 9 order by grp) s
select string_agg(a::text, ',' order by b) from (select g a, g % 3 b from generate_series(1,50) g) s
select array_agg(a order by b desc) from (select g a, g % 4 b from generate_series(1,30) g) s
drop table q_ties
