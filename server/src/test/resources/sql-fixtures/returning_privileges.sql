-- RETURNING needs SELECT only on the target's columns it reads: constants alone need none
drop table if exists rp_part
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
drop table rp_part
drop role rp_role
