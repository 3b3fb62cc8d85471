-- EXECUTE on functions and procedures (helper objects)
drop function if exists obj_ef(int)
drop procedure if exists obj_ep()
drop role if exists obj_er
create role obj_er
create function obj_ef(int) returns int language sql return $1 * 2
create procedure obj_ep() language sql as $$ select 1 $$
set local role obj_er; select obj_ef(4)
revoke execute on function obj_ef(int) from public
set local role obj_er; select obj_ef(4)
set local role obj_er; select 1 where obj_ef(1) = 2
grant execute on function obj_ef(int) to obj_er
set local role obj_er; select obj_ef(5)
set local role obj_er; call obj_ep()
revoke all on procedure obj_ep() from public
set local role obj_er; call obj_ep()
grant execute on procedure obj_ep() to obj_er
set local role obj_er; call obj_ep()
grant select on function obj_ef(int) to obj_er
drop function obj_ef(int)
drop procedure obj_ep()
drop role obj_er
