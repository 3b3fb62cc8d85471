-- RETURNING needs SELECT only on the target's columns it reads: constants alone need none
drop table if exists rp_part
drop function if exists rp_trig()
drop role if exists rp_role
create role rp_role
create table rp_part (a int, b text) partition by list (a)
create table rp_part1 partition of rp_part for values in (1)
grant insert on rp_part to rp_role
set local role rp_role; insert into rp_part values (1, 'x') returning 1
set local role rp_role; insert into rp_part values (1, 'x') returning 1::int, 'a'
set local role rp_role; with r as (insert into rp_part values (1, 'y') returning 1) select count(*) from r
set local role rp_role; insert into rp_part values (1, 'x') returning a
set local role rp_role; insert into rp_part values (1, 'x') returning *
select count(*) from rp_part
-- a partition constraint's failing row shows only what the user may see, with column names when not the whole table
create function rp_trig() returns trigger language plpgsql as $$begin new.a := 2; return new; end$$
create trigger rp_t before insert on rp_part1 for each row execute function rp_trig()
set local role rp_role; insert into rp_part values (1, 'z')
insert into rp_part values (1, 'z')
drop table rp_part
drop function rp_trig()
drop role rp_role
