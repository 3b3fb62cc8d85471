-- UPDATE ... FROM and DELETE ... USING (helper dml)
drop table if exists dml_uf, dml_uf_src, dml_uf_k
create table dml_uf (id int primary key, v text, n int)
create table dml_uf_src (id int, v text, n int)
create table dml_uf_k (k int)
insert into dml_uf values (1, 'a', 10), (2, 'b', 20), (3, 'c', 30), (4, 'd', 40)
insert into dml_uf_src values (1, 'x', 1), (3, 'y', 3), (3, 'z', 5), (9, 'q', 9)
insert into dml_uf_k values (2), (4)
update dml_uf set v = s.v, n = dml_uf.n + s.n from dml_uf_src s where dml_uf.id = s.id and s.v <> 'z' returning *
update dml_uf t set n = t.n * 100 from dml_uf_src s where t.id = s.id and s.v = 'z' returning t.id, t.n, s.v
update dml_uf t set v = 'k' from dml_uf_k k, dml_uf_src s where t.id = k.k returning t.*
update dml_uf t set v = 'none' from dml_uf_src s where t.id = s.id and s.id > 100
select * from dml_uf order by id
delete from dml_uf t using dml_uf_k k where t.id = k.k returning *
delete from dml_uf using dml_uf_src s where dml_uf.id = s.id and s.n > 4 returning dml_uf.id, s.v
select * from dml_uf order by id
update dml_uf set v = s.v from dml_uf s where s.id = 1
update dml_uf t set v = s.v from dml_uf_src s where t.id = s.id and nosuch = 1
delete from dml_uf t using dml_uf_src t where t.id = 1
update dml_uf t set v = s.v from dml_uf_src s where s.id = t.id returning s.*
drop table dml_uf, dml_uf_src, dml_uf_k
