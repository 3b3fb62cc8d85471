drop table if exists ddl_al_t1, ddl_al_t2, ddl_al_t3, ddl_al_renamed, ddl_al_like cascade
create table ddl_al_t1 (a int primary key, b text)
insert into ddl_al_t1 values (1, 'x'), (2, null)
alter table ddl_al_t1 add column c int default 5
select * from ddl_al_t1 order by a
alter table ddl_al_t1 add column a int
alter table ddl_al_t1 add column if not exists a int
alter table ddl_al_t1 add column d int not null
alter table ddl_al_t1 add column d int not null default 0, add column e serial
select * from ddl_al_t1 order by a
insert into ddl_al_t1 (a) values (3) returning *
alter table ddl_al_t1 drop column nosuch
alter table ddl_al_t1 drop column if exists nosuch
alter table ddl_al_t1 drop column c
select * from ddl_al_t1 order by a
insert into ddl_al_t1 values (1)
alter table ddl_al_t1 alter column b set not null
alter table ddl_al_t1 alter column a drop not null
alter table ddl_al_t1 alter column nosuch set default 1
update ddl_al_t1 set b = 'y' where b is null
alter table ddl_al_t1 alter column b set not null
insert into ddl_al_t1 (a) values (4)
alter table ddl_al_t1 alter column b drop not null, alter column b set default 'dflt'
insert into ddl_al_t1 (a) values (4) returning a, b
alter table ddl_al_t1 alter column b drop default
insert into ddl_al_t1 (a) values (5) returning a, b
alter table ddl_al_t1 alter column b type int
alter table ddl_al_t1 alter column d type text
select a, d || '!' from ddl_al_t1 order by a
alter table ddl_al_t1 alter column d type bigint using d::bigint + 100
select a, d from ddl_al_t1 order by a
alter table ddl_al_t1 add constraint ddl_al_ck check (a > 1)
alter table ddl_al_t1 add constraint ddl_al_ck check (a > 0)
insert into ddl_al_t1 (a) values (-1)
alter table ddl_al_t1 drop constraint ddl_al_ck
insert into ddl_al_t1 (a) values (-1)
alter table ddl_al_t1 drop constraint nosuch
alter table ddl_al_t1 drop constraint if exists nosuch
alter table ddl_al_t1 add unique (d)
insert into ddl_al_t1 (a, d) values (10, 100)
alter table ddl_al_t1 rename column nosuch to x
alter table ddl_al_t1 rename column b to a
alter table ddl_al_t1 rename column b to bb
select a, bb from ddl_al_t1 order by a
alter table ddl_al_t1 rename to ddl_al_t1
alter table ddl_al_t1 rename to ddl_al_renamed
select count(*) from ddl_al_t1
select count(*) from ddl_al_renamed
create table ddl_al_t2 (x int references ddl_al_renamed)
alter table ddl_al_renamed drop constraint ddl_al_t1_pkey
alter table ddl_al_renamed drop column a
alter table ddl_al_renamed drop constraint ddl_al_t1_pkey cascade
insert into ddl_al_t2 values (999)
alter table ddl_al_t2 add constraint ddl_al_t2_fk foreign key (x) references ddl_al_renamed (a)
alter table ddl_al_renamed add primary key (a)
alter table ddl_al_t2 add constraint ddl_al_t2_fk foreign key (x) references ddl_al_renamed (a)
delete from ddl_al_t2
alter table ddl_al_t2 add constraint ddl_al_t2_fk foreign key (x) references ddl_al_renamed (a)
insert into ddl_al_t2 values (999)
alter table nosuch add column x int
alter table if exists nosuch add column x int
alter table ddl_al_renamed add column f int check (f > 0)
insert into ddl_al_renamed (a, f) values (20, 0)
create table ddl_al_t3 (a int not null default 3 check (a < 10), b serial, c text unique)
create table ddl_al_like (like ddl_al_t3)
insert into ddl_al_like (c) values ('x') returning *
drop table ddl_al_like
create table ddl_al_like (like ddl_al_t3 including defaults including constraints including indexes)
insert into ddl_al_like (c) values ('x') returning a, c
insert into ddl_al_like (a, c) values (11, 'y')
insert into ddl_al_like (c) values ('x')
create table if not exists ddl_al_like (z int)
drop table ddl_al_t2, ddl_al_t3, ddl_al_renamed, ddl_al_like
