drop table if exists idx_rs cascade
drop type if exists idx_rs_pair cascade
create type idx_rs_pair as (a int, b text)
create table idx_rs (id int, p idx_rs_pair)
insert into idx_rs values (1, row(10, 'x')), (2, row(20, 'y')), (3, null)
select (p).* from idx_rs order by id
select id, (p).*, (p).b from idx_rs order by id
select (t).* from idx_rs t order by id
select (row(1, 'a')::idx_rs_pair).*
select (1).*
select (t.p).* from idx_rs t where (t.p).a > 10
select count(*), (p).* from idx_rs group by p order by 2
drop table idx_rs
drop type idx_rs_pair
