-- COMMENT ON (helper objects); the comments are read back with obj_description/col_description where lakepg has them
drop schema if exists obj_cs cascade
create schema obj_cs
create table obj_cs.t (a int, b text)
create view obj_cs.v as select 1 as x
create function obj_cs.f(int) returns int language sql return 1
create index obj_cs_i on obj_cs.t (a)
comment on schema obj_cs is 'a schema'
comment on table obj_cs.t is 'a table'
comment on column obj_cs.t.a is 'a column'
comment on view obj_cs.v is 'a view'
comment on function obj_cs.f(int) is 'a function'
comment on index obj_cs.obj_cs_i is 'an index'
comment on table obj_cs.nosuch is 'x'
comment on column obj_cs.t.nosuch is 'x'
comment on function obj_cs.f(text) is 'x'
comment on schema obj_nosuch is 'x'
comment on table obj_cs.v is 'x'
comment on view obj_cs.t is 'x'
comment on table obj_cs.t is ''
comment on table obj_cs.t is null
comment on table obj_cs.t is 'again'
drop schema obj_cs cascade
