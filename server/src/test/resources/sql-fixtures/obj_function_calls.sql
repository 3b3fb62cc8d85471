-- SQL functions that are not inlined run their statements per call (helper objects)
drop function if exists obj_cq(int), obj_cv(int), obj_cm(int), obj_cr(int), obj_cs(int), obj_cw(int)
drop table if exists obj_ct
create table obj_ct (a int, b text)
insert into obj_ct values (1, 'x'), (2, 'y'), (3, 'z')
create function obj_cq(int) returns text language sql stable as $$ select b from obj_ct where a = $1 $$
select a, obj_cq(a) from obj_ct order by a
select obj_cq(9) is null
create function obj_cv(int) returns void language sql as $$ insert into obj_ct values ($1, 'v') $$
select count(*) from obj_ct where obj_cv(a + 100) is null
select count(*) from obj_ct
create function obj_cm(n int) returns bigint language sql as $$ insert into obj_ct values (n, 'm'); select count(*) from obj_ct $$
select obj_cm(11)
create function obj_cr(x int) returns bigint language sql begin atomic insert into obj_ct values (x, 'r'); return x * 2; end
select obj_cr(5)
select count(*) from obj_ct where b = 'r'
create function obj_cs(x int) returns int language sql strict as $$ select a from obj_ct where a > x order by a $$
select a, obj_cs(a) from obj_ct where a < 10 order by a
select obj_cs(null) is null
create function obj_cw(x int) returns bigint language sql as $$ select a from obj_ct where a = x $$
select obj_cw(a) + 1 from obj_ct where a = 2
drop function obj_cq(int), obj_cv(int), obj_cm(int), obj_cr(int), obj_cs(int), obj_cw(int)
drop table obj_ct
