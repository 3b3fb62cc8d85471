-- PL/pgSQL: declarations, control flow, loops, SELECT INTO, EXECUTE, exceptions, set-returning functions
drop table if exists plpg_t cascade
drop function if exists plpg_add(int, int)
drop function if exists plpg_fact(int)
drop function if exists plpg_loops(int)
drop function if exists plpg_lookup(int)
drop function if exists plpg_strict(int)
drop function if exists plpg_squares(int)
drop function if exists plpg_rows()
drop function if exists plpg_safe_div(int, int)
drop function if exists plpg_case(int)
drop function if exists plpg_dyn(text)
drop function if exists plpg_outs(int)
drop function if exists plpg_void()
drop function if exists plpg_noreturn()
drop function if exists plpg_diag()
drop function if exists plpg_arr(int[])
drop function if exists plpg_exit()
drop function if exists plpg_raise(int)
drop function if exists plpg_stacked()
drop function if exists plpg_notnull()
drop function if exists plpg_while(int)
drop function if exists plpg_rowtype(int)
drop function if exists plpg_assert(int)
drop procedure if exists plpg_proc(int)
create table plpg_t(id int primary key, name text, qty int)
insert into plpg_t values (1, 'one', 10), (2, 'two', 20), (3, 'three', 30)
create function plpg_add(a int, b int) returns int language plpgsql as $$ declare s int := 0; begin s := a + b; return s; end $$
select plpg_add(2, 3), plpg_add(null, 1)
create function plpg_fact(n int) returns numeric language plpgsql as $$ begin if n <= 1 then return 1; else return n * plpg_fact(n - 1); end if; end $$
select plpg_fact(20)
create function plpg_loops(n int) returns text language plpgsql as $$ declare r text := ''; begin for i in 1..n loop r := r || i; end loop; for i in reverse n..1 by 2 loop r := r || '-' || i; end loop; return r; end $$
select plpg_loops(5), plpg_loops(0)
create function plpg_lookup(k int) returns text language plpgsql as $$ declare v text; begin select name into v from plpg_t where id = k; if not found then return 'missing'; end if; return v; end $$
select plpg_lookup(2), plpg_lookup(9)
create function plpg_strict(k int) returns text language plpgsql as $$ declare v text; begin select name into strict v from plpg_t where id >= k; return v; end $$
select plpg_strict(3)
select plpg_strict(9)
select plpg_strict(1)
create function plpg_squares(n int) returns setof int language plpgsql as $$ begin for i in 1..n loop return next i * i; end loop; return; end $$
select * from plpg_squares(4)
select plpg_squares(3)
create function plpg_rows() returns table(id int, name text) language plpgsql as $$ begin return query select t.id, t.name from plpg_t t order by t.id desc; end $$
select * from plpg_rows()
create function plpg_safe_div(a int, b int) returns text language plpgsql as $$ begin return (a / b)::text; exception when division_by_zero then return 'div0: ' || sqlerrm || ' ' || sqlstate; end $$
select plpg_safe_div(7, 2), plpg_safe_div(1, 0)
create function plpg_case(x int) returns text language plpgsql as $$ begin case x when 1, 2 then return 'low'; when 3 then return 'three'; else return 'other'; end case; end $$
select plpg_case(1), plpg_case(3), plpg_case(7)
create function plpg_dyn(t text) returns bigint language plpgsql as $$ declare n bigint; begin execute 'select count(*) from ' || quote_ident(t) || ' where qty > $1' into n using 15; return n; end $$
select plpg_dyn('plpg_t')
create function plpg_outs(x int, out doubled int, out tripled int) language plpgsql as $$ begin doubled := x * 2; tripled := x * 3; end $$
select * from plpg_outs(5)
create function plpg_void() returns void language plpgsql as $$ begin update plpg_t set qty = qty + 1 where id = 1; end $$
select plpg_void()
select qty from plpg_t where id = 1
create function plpg_noreturn() returns int language plpgsql as $$ begin end $$
select plpg_noreturn()
create function plpg_diag() returns bigint language plpgsql as $$ declare n bigint; begin update plpg_t set qty = qty where id > 1; get diagnostics n = row_count; return n; end $$
select plpg_diag()
create function plpg_arr(a int[]) returns int language plpgsql as $$ declare s int := 0; x int; begin foreach x in array a loop s := s + x; end loop; return s; end $$
select plpg_arr(array[1,2,3,4])
create function plpg_exit() returns text language plpgsql as $$ declare r text := ''; begin <<outer>> for i in 1..3 loop for j in 1..3 loop continue when j = 2; exit outer when i = 2; r := r || i || j || ' '; end loop; end loop; return r; end $$
select plpg_exit()
create function plpg_raise(x int) returns int language plpgsql as $$ begin if x < 0 then raise exception 'negative value: %', x using hint = 'use a positive number', errcode = 'numeric_value_out_of_range'; end if; return x; end $$
select plpg_raise(4)
select plpg_raise(-4)
create function plpg_stacked() returns text language plpgsql as $$ declare m text; s text; begin insert into plpg_t values (1, 'dup', 0); return 'no'; exception when unique_violation then get stacked diagnostics m = message_text, s = returned_sqlstate; return s || ': ' || m; end $$
select plpg_stacked()
create function plpg_notnull() returns int language plpgsql as $$ declare x int not null := 1; begin x := null; return x; end $$
select plpg_notnull()
create function plpg_while(n int) returns int language plpgsql as $$ declare i int := 0; s int := 0; begin while i < n loop i := i + 1; s := s + i; end loop; loop exit when s > 100; s := s * 2; end loop; return s; end $$
select plpg_while(4)
create function plpg_rowtype(k int) returns text language plpgsql as $$ declare r plpg_t%rowtype; q plpg_t.qty%type; begin select * into r from plpg_t where id = k; q := r.qty * 2; return r.name || '/' || q; end $$
select plpg_rowtype(3)
create function plpg_assert(x int) returns int language plpgsql as $$ begin assert x > 0, 'x must be positive'; return x; end $$
select plpg_assert(1)
select plpg_assert(0)
create procedure plpg_proc(k int) language plpgsql as $$ begin insert into plpg_t values (k, 'p' || k, k); end $$
call plpg_proc(7)
select * from plpg_t order by id
do $$ begin insert into plpg_t values (8, 'do', 8); end $$
do $$ begin perform 1/0; end $$
do $$ declare x int; begin x := 'abc'; end $$
select count(*) from plpg_t
drop table plpg_t cascade
