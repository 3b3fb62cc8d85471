-- PL/pgSQL: cursors, polymorphic arguments, %TYPE of variables, nested blocks, dynamic SQL, pg_trigger_depth
drop table if exists plpg_c cascade
drop function if exists plpg_cur()
drop function if exists plpg_cur_args(int)
drop function if exists plpg_cur_for()
drop function if exists plpg_cur_scroll()
drop function if exists plpg_cur_closed()
drop function if exists plpg_poly(anyelement)
drop function if exists plpg_poly_arr(anyelement, anyelement)
drop function if exists plpg_nested()
drop function if exists plpg_dyn_rows(int)
drop function if exists plpg_depth_fn() cascade
drop function if exists plpg_reraise()
create table plpg_c(id int, v text)
insert into plpg_c select g, 'v' || g from generate_series(1, 5) g
create function plpg_cur() returns text language plpgsql as $$ declare c cursor for select id, v from plpg_c order by id; r record; out text := ''; begin open c; loop fetch c into r; exit when not found; out := out || r.v; end loop; close c; return out; end $$
select plpg_cur()
create function plpg_cur_args(lim int) returns text language plpgsql as $$ declare c cursor (k int) for select v from plpg_c where id <= k order by id desc; x text; out text := ''; begin open c(lim); fetch c into x; out := x; fetch c into x; out := out || ',' || x; close c; return out; end $$
select plpg_cur_args(3)
create function plpg_cur_for() returns int language plpgsql as $$ declare c cursor for select id from plpg_c; s int := 0; begin for r in c loop s := s + r.id; end loop; return s; end $$
select plpg_cur_for()
create function plpg_cur_scroll() returns text language plpgsql as $$ declare c refcursor; x int; out text := ''; begin open c for select id from plpg_c order by id; fetch last from c into x; out := out || x; fetch prior from c into x; out := out || x; fetch first from c into x; out := out || x; fetch absolute 3 from c into x; out := out || x; move relative 1 from c; fetch c into x; out := out || x; fetch c into x; out := out || coalesce(x::text, '-') || found; close c; return out; end $$
select plpg_cur_scroll()
create function plpg_cur_closed() returns int language plpgsql as $$ declare c cursor for select 1; x int; begin fetch c into x; return x; end $$
select plpg_cur_closed()
create function plpg_poly(x anyelement) returns anyelement language plpgsql as $$ declare y x%type; begin y := x; return y; end $$
select plpg_poly(41), plpg_poly('t'::text), plpg_poly(1.5)
create function plpg_poly_arr(a anyelement, b anyelement) returns anyarray language plpgsql as $$ begin return array[a, b]; end $$
select plpg_poly_arr(1, 2), plpg_poly_arr('x'::text, 'y')
create function plpg_nested() returns text language plpgsql as $$ <<blk>> declare x int := 1; begin declare x int := 2; begin x := blk.x + x * 10; return x::text || ' ' || blk.x; end; end $$
select plpg_nested()
create function plpg_dyn_rows(k int) returns setof text language plpgsql as $$ declare r record; begin for r in execute 'select v from plpg_c where id > $1 order by id' using k loop return next r.v; end loop; return query execute format('select %L || count(*) from plpg_c', 'n='); end $$
select * from plpg_dyn_rows(3)
create function plpg_reraise() returns text language plpgsql as $$ begin begin raise exception 'inner' using errcode = '22012'; exception when others then raise; end; exception when division_by_zero then return 'outer caught ' || sqlerrm; end $$
select plpg_reraise()
create function plpg_depth_fn() returns trigger language plpgsql as $$ begin new.v := new.v || pg_trigger_depth(); return new; end $$
create trigger plpg_depth_trg before insert on plpg_c for each row execute function plpg_depth_fn()
insert into plpg_c values (6, 'd')
select v, pg_trigger_depth() from plpg_c where id = 6
do $$ declare x int; begin x := 1; raise exception using message = 'custom ' || x, errcode = 'P0001'; end $$
do $$ begin raise 'too % few'; end $$
do $$ begin raise division_by_zero; end $$
do $$ begin raise sqlstate '22012'; end $$
do $$ declare r record; begin raise notice '%', r.x; end $$
do $$ begin select 1; end $$
create function plpg_typo() returns int language plpgsql as $$ begin retrun 1; end $$
create function plpg_outs2(out int, out int) returns setof record language plpgsql as $$ begin $1 := -1; $2 := -2; return next; return query select g, g * 10 from generate_series(1, 2) g; end $$
select * from plpg_outs2()
drop function plpg_outs2()
drop table plpg_c cascade
