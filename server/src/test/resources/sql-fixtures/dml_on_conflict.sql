-- INSERT ... ON CONFLICT (helper dml): arbiters, DO NOTHING, DO UPDATE with EXCLUDED, RETURNING, errors
drop table if exists dml_oc, dml_oc2, dml_oc_ref
create table dml_oc (k int primary key, v text, w int unique, n int not null default 0)
insert into dml_oc values (1, 'a', 10), (2, 'b', 20)
insert into dml_oc values (1, 'x', 11) on conflict do nothing
insert into dml_oc values (1, 'x', 11), (3, 'c', 30) on conflict do nothing returning *
insert into dml_oc values (4, 'd', 10) on conflict (k) do nothing
insert into dml_oc values (4, 'd', 10) on conflict (w) do nothing returning k
insert into dml_oc values (1, 'y', 12) on conflict (k) do update set v = excluded.v, n = dml_oc.n + 1 returning *
insert into dml_oc as t values (1, 'z', 13) on conflict (k) do update set v = t.v || excluded.v, w = excluded.w returning t.*, k * 2
insert into dml_oc values (2, 'q', 99) on conflict (k) do update set v = 'never' where dml_oc.v = 'nope' returning *
insert into dml_oc values (2, 'q', 99), (5, 'e', 50) on conflict (k) do update set v = excluded.v where excluded.w > 50 returning *
insert into dml_oc values (3, 'c2', 31) on conflict on constraint dml_oc_pkey do update set v = excluded.v returning v
insert into dml_oc values (3, 'c3', 31) on conflict on constraint dml_oc_w_key do nothing returning v
insert into dml_oc values (6, 'f', 60) on conflict (k, k) do update set v = 'dup' returning *
select * from dml_oc order by k
insert into dml_oc values (1, 'a', 10) on conflict (v) do nothing
insert into dml_oc values (1, 'a', 10) on conflict do update set v = 'x'
insert into dml_oc values (7, 'a', 70), (7, 'b', 71) on conflict (k) do update set v = excluded.v
insert into dml_oc values (1, 'a', 10), (1, 'b', 11) on conflict (k) do update set v = excluded.v
insert into dml_oc values (1, 'a', 10) on conflict on constraint nope do nothing
insert into dml_oc values (1, 'a', 10) on conflict (k) do update set k = 2, k = 3
insert into dml_oc values (1, 'a', 10) on conflict (k) do update set zz = 3
insert into dml_oc values (1, 'a', 10) on conflict (k) do update set v = zz
insert into dml_oc values (1, 'a', 10) on conflict (k) do update set v = excluded.zz
insert into dml_oc values (1, 'a', 10) on conflict (zz) do nothing
insert into dml_oc values (1, 'a', 10) on conflict (k) do update set n = null
insert into dml_oc values (1, 'a', 10) on conflict (k) do update set w = 20
insert into dml_oc values (8, 'h', 80) on conflict (k) do update set v = 'x' returning *
insert into dml_oc values (8, 'h', 80) on conflict (k) do update set v = 'x' returning *
insert into dml_oc (k, v) values (9, null), (10, null) on conflict (w) do nothing returning k, w
insert into dml_oc (k, v) select g, 'g' || g from generate_series(8, 12) g on conflict (k) do update set v = excluded.v || '!' returning k, v
select count(*), sum(n) from dml_oc
begin; insert into dml_oc values (20, 'u', 200); insert into dml_oc values (20, 'v', 201) on conflict (k) do update set v = excluded.v; insert into dml_oc values (20, 'w', 202) on conflict (k) do update set v = dml_oc.v || excluded.v returning *; commit
begin; update dml_oc set v = 'upd' where k = 20; insert into dml_oc values (20, 'again', 202) on conflict (k) do update set v = dml_oc.v || '+' || excluded.v returning v; rollback
select v from dml_oc where k = 20
create table dml_oc2 (a int, b int, c text, unique (a, b))
insert into dml_oc2 values (1, 1, 'x'), (1, null, 'y'), (1, null, 'z') on conflict (b, a) do update set c = excluded.c returning *
insert into dml_oc2 values (1, 1, 'x2') on conflict (a, b) do update set c = dml_oc2.c || excluded.c returning *
insert into dml_oc2 values (1, 1, 'x3') on conflict (a) do nothing
create table dml_oc_ref (id int primary key, k int references dml_oc)
insert into dml_oc_ref values (1, 1) on conflict (id) do update set k = 999
insert into dml_oc_ref values (1, 1) on conflict (id) do update set k = 2 returning *
drop table dml_oc_ref, dml_oc2, dml_oc
