-- MERGE (helper dml): matched / not matched actions, conditions, errors
drop table if exists dml_mt, dml_ms, dml_mref
create table dml_mt (id int primary key, v text, n int default 5 check (n < 100))
create table dml_ms (id int, v text)
insert into dml_mt values (1, 'a'), (2, 'b'), (3, 'c')
insert into dml_ms values (1, 'x'), (4, 'y'), (1, 'z')
merge into dml_mt t using dml_ms s on t.id = s.id when matched then update set v = s.v
merge into dml_mt t using dml_ms s on t.id = s.id when not matched then insert values (s.id, t.v)
merge into dml_mt t using dml_ms s on t.id = s.id when not matched and t.v = 'a' then insert values (s.id, s.v)
merge into dml_mt t using dml_ms s on t.id = s.id when matched then update set zz = 1
merge into dml_mt t using dml_ms s on t.id = s.id when matched then update set id = s.id, id = 2
merge into dml_mt t using dml_ms s on t.id = s.id when not matched then insert (id, v, n, id) values (1, 2, 3, 4)
merge into dml_mt t using dml_ms s on t.id = s.id when not matched then insert (id) values (1, 2)
merge into dml_mt t using dml_ms s on t.id = s.id when matched then update set v = 1 when not matched then insert (id) values (s.id)
merge into dml_mt t using dml_ms s on t.id = s.id and s.v <> 'z' when matched then update set v = s.v when not matched and s.id > 3 then insert (id, v) values (s.id, s.v) when not matched then do nothing
select * from dml_mt order by id
merge into dml_mt t using (select 1 as id) s on t.id = s.id when matched then delete
merge into dml_mt using dml_ms on dml_mt.id = dml_ms.id when matched and dml_ms.v = 'y' then do nothing when matched then update set n = dml_mt.n + 1
select * from dml_mt order by id
merge into dml_mt t using dml_mt s on t.id = s.id when matched then update set n = s.n * 2
merge into dml_mt t using dml_ms s on s.nope = 1 when matched then delete
merge into dml_nope t using dml_ms s on t.id = s.id when matched then delete
merge into dml_mt t using dml_ms s on t.id = s.id when not matched then insert default values
merge into dml_mt t using dml_ms s on t.id = s.id when matched then update set n = 500
merge into dml_mt t using (values (10, 'ten'), (11, 'eleven'), (2, 'two')) as s(id, v) on t.id = s.id when matched then update set v = t.v || '+' || s.v when not matched then insert (v, id) values (s.v, s.id)
merge into dml_mt t using (select g as id from generate_series(1, 20) g) s on t.id = s.id when matched and t.id > 10 then delete when not matched and s.id % 5 = 0 then insert (id, v, n) values (s.id, 'five', default)
select * from dml_mt order by id
merge into dml_mt t using dml_ms s on t.id = s.id and false when not matched then insert (id, v) values (s.id + 100, s.v)
select count(*), sum(id) from dml_mt
begin; merge into dml_mt t using (values (2)) s(id) on t.id = s.id when matched then delete; select count(*) from dml_mt; rollback
create table dml_mref (id int primary key, mid int references dml_mt)
insert into dml_mref values (1, 2)
merge into dml_mt t using (values (2)) s(id) on t.id = s.id when matched then delete
merge into dml_mref r using (values (1, 999)) s(id, mid) on r.id = s.id when matched then update set mid = s.mid
merge into dml_mref r using (values (2, 3)) s(id, mid) on r.id = s.id when not matched then insert values (s.id, s.mid)
select * from dml_mref order by id
drop table dml_mref, dml_mt, dml_ms
