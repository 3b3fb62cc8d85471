drop table if exists ddl_df_t1, ddl_df_t2, ddl_df_t3
create table ddl_df_t1 (id int, a int default 7, b text default 'x' || 'y', c boolean default true, d numeric(5,2) default 1.234, e int default null)
insert into ddl_df_t1 (id) values (1)
insert into ddl_df_t1 values (2, default, default, false)
insert into ddl_df_t1 default values
insert into ddl_df_t1 (id, a) values (4, default), (5, 50)
insert into ddl_df_t1 (id) select 6 returning *
update ddl_df_t1 set a = 0, b = 'q' where id = 5
update ddl_df_t1 set a = default, b = default where id = 5 returning *
select * from ddl_df_t1 order by id nulls first
create table ddl_df_t2 (id int, t timestamptz default now(), u text default current_user, n int default (1 + 2) * 3)
insert into ddl_df_t2 (id) values (1) returning id, t is not null, u, n
create table ddl_df_t3 (a int default 'x')
create table ddl_df_t3 (a int default 'abc'::text)
create table ddl_df_t3 (a int default 1 default 2)
create table ddl_df_t3 (a int not null null)
create table ddl_df_t3 (a int not null default 5, b int)
insert into ddl_df_t3 (b) values (1)
insert into ddl_df_t3 values (null, 2)
insert into ddl_df_t3 values (default, 3), (6, 4)
select * from ddl_df_t3 order by b
drop table ddl_df_t1, ddl_df_t2, ddl_df_t3
