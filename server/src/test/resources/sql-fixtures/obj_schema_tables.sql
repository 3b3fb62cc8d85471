-- tables of the same name in two schemas: each statement finds the one its name means (helper objects)
drop schema if exists obj_st cascade
drop table if exists obj_stt
create schema obj_st
create table obj_stt (a int)
create table obj_st.obj_stt (a int, b text)
insert into obj_stt values (1), (2)
insert into obj_st.obj_stt values (10, 'x')
select count(*) from obj_stt
select b from obj_st.obj_stt
create index obj_stt_i on obj_st.obj_stt (b)
alter table obj_st.obj_stt add primary key (a)
insert into obj_st.obj_stt values (10, 'y')
truncate obj_st.obj_stt
select count(*) from obj_stt
select count(*) from obj_st.obj_stt
set local search_path = obj_st, public; select count(*) from obj_stt
drop table obj_st.obj_stt
select count(*) from obj_stt
drop table obj_stt
drop schema obj_st
