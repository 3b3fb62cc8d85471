-- DECLARE / FETCH / MOVE / CLOSE (helper dml); each line is one session's work
drop table if exists dml_cur
create table dml_cur (k int primary key, v text)
insert into dml_cur select g, 'v' || g from generate_series(1, 10) g
rollback; declare dml_c cursor for select 1
rollback; begin; declare dml_c no scroll cursor for select * from generate_series(1, 5); fetch 2 from dml_c; fetch prior from dml_c; rollback
rollback; begin; declare dml_c cursor for select * from generate_series(1, 5) g; fetch 2 from dml_c; fetch prior from dml_c; fetch absolute 1 from dml_c; rollback
rollback; begin; declare dml_c cursor for select 1; fetch 1 from dml_c; fetch prior from dml_c; rollback
rollback; begin; declare dml_c cursor for select * from dml_cur order by k; fetch 2 from dml_c; fetch prior from dml_c; rollback
rollback; begin; declare dml_c cursor for select count(*) from dml_cur; fetch 2 from dml_c; fetch prior from dml_c; rollback
rollback; begin; declare dml_c cursor for select 1; declare dml_c cursor for select 2; rollback
rollback; fetch from dml_nope
rollback; close dml_nope
rollback; move 1 in dml_nope
rollback; begin; declare dml_c scroll cursor for select * from dml_cur for update; rollback
rollback; begin; declare dml_c cursor with hold for select * from dml_cur for update; rollback
rollback; close all
rollback; begin; declare dml_c scroll cursor for select * from generate_series(1, 5) g; move forward all in dml_c; fetch backward 2 from dml_c; move 0 in dml_c; move backward all in dml_c; fetch relative 0 from dml_c; fetch absolute -2 from dml_c; fetch 0 from dml_c; fetch last from dml_c; fetch next from dml_c; fetch first from dml_c; fetch -1 from dml_c; rollback
rollback; begin; declare dml_c scroll cursor for select k, v from dml_cur order by k desc; fetch 3 from dml_c; fetch relative -1 from dml_c; fetch absolute 8 from dml_c; fetch relative 2 from dml_c; fetch forward 5 from dml_c; fetch backward all from dml_c; rollback
rollback; begin; declare dml_c scroll cursor for select k from dml_cur where k % 2 = 0 order by k; fetch forward from dml_c; fetch backward from dml_c; fetch all from dml_c; fetch absolute 0 from dml_c; fetch absolute 100 from dml_c; fetch prior from dml_c; fetch relative -100 from dml_c; fetch next from dml_c; rollback
rollback; begin; declare dml_c cursor for select k from dml_cur order by k; fetch 2 from dml_c; select name, statement, is_holdable, is_binary, is_scrollable from pg_cursors; close dml_c; select count(*) from pg_cursors; rollback
rollback; begin; declare dml_a cursor for select 1; declare dml_b scroll cursor with hold for select 2; declare dml_n no scroll cursor for select 3; select name, is_holdable, is_scrollable from pg_cursors order by name; close all; select count(*) from pg_cursors; rollback
rollback; begin; declare dml_h cursor with hold for select k from dml_cur order by k; fetch 2 from dml_h; commit; fetch 2 from dml_h; fetch prior from dml_h; close dml_h
rollback; begin; declare dml_h no scroll cursor with hold for select k from dml_cur order by k; fetch 2 from dml_h; commit; insert into dml_cur values (0, 'zero'); fetch all from dml_h; close dml_h; delete from dml_cur where k = 0
rollback; begin; declare dml_h cursor with hold for select k from dml_cur order by k; rollback; fetch 1 from dml_h
rollback; declare dml_h cursor with hold for select k from dml_cur where k < 3 order by k; fetch all from dml_h; fetch backward 1 from dml_h; close dml_h
rollback; begin; declare dml_c cursor for select k from dml_cur order by k; commit; fetch 1 from dml_c
rollback; begin; declare dml_c cursor for select k from dml_cur order by k; fetch 1 from dml_c; update dml_cur set v = 'changed' where k = 2; fetch 1 from dml_c; rollback
rollback; begin; declare dml_c cursor for select v from dml_cur order by k; update dml_cur set v = 'changed'; fetch 2 from dml_c; rollback
rollback; begin; declare dml_c cursor for select 1/(k-3) from dml_cur order by k; fetch 2 from dml_c; fetch 1 from dml_c; rollback
rollback; begin; declare dml_c cursor for select k from dml_cur order by k; move 3 in dml_c; move forward 2 in dml_c; fetch 1 from dml_c; move 100 in dml_c; fetch 1 from dml_c; rollback
rollback; begin; declare dml_c binary cursor for select k from dml_cur order by k; select is_binary from pg_cursors; rollback
create table dml_uc (f1 int, f2 text)
insert into dml_uc values (1, 'one'), (2, 'two'), (3, 'three')
rollback; begin; declare dml_c1 cursor for select * from dml_uc; fetch 2 from dml_c1; delete from dml_uc where current of dml_c1; select * from dml_uc order by f1; fetch all from dml_c1; move backward all in dml_c1; fetch all from dml_c1; commit
rollback; begin; declare dml_c1 cursor for select * from dml_uc order by f1; fetch dml_c1; update dml_uc set f2 = 'sorted' where current of dml_c1
rollback; begin; declare dml_c1 cursor for select * from dml_uc; fetch dml_c1; update dml_uc set f1 = f1 + 10 where current of dml_c1 returning *; update dml_uc set f1 = f1 + 10 where current of dml_c1; select * from dml_uc order by f1; delete from dml_uc where current of dml_c1 returning f2; delete from dml_uc where current of dml_c1; update dml_uc set f1 = f1 + 10 where current of dml_c1; select * from dml_uc order by f1; rollback
rollback; begin; declare dml_c1 cursor for select * from dml_uc where f1 > 1; fetch dml_c1; update dml_uc set f2 = 'x' where current of dml_c1; select * from dml_uc order by f1; rollback
rollback; delete from dml_uc where current of dml_c1
rollback; begin; declare dml_c1 cursor for select * from dml_uc; delete from dml_uc where current of dml_c1
rollback; begin; declare dml_c1 cursor for select * from dml_uc; fetch all from dml_c1; delete from dml_uc where current of dml_c1
rollback; begin; declare dml_c cursor for select count(*) from dml_uc; fetch dml_c; delete from dml_uc where current of dml_c
rollback; begin; declare dml_c cursor for select * from dml_cur; fetch dml_c; delete from dml_uc where current of dml_c
rollback; begin; declare dml_cx cursor with hold for select * from dml_uc; fetch dml_cx; commit; delete from dml_uc where current of dml_cx
rollback; begin; declare dml_c1 cursor for select * from dml_uc order by f1 desc for update; fetch dml_c1; update dml_uc set f1 = 8 where current of dml_c1; fetch dml_c1; delete from dml_uc where current of dml_c1; select * from dml_uc order by f1; rollback
rollback; begin; declare dml_c cursor for select * from dml_cur for update; fetch dml_c; delete from dml_uc where current of dml_c
rollback; close all; drop table dml_uc
rollback; close all; drop table dml_cur
