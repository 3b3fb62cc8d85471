drop table if exists ddl_fk_c1, ddl_fk_c2, ddl_fk_c3, ddl_fk_c4, ddl_fk_c5, ddl_fk_p1, ddl_fk_p2, ddl_fk_self, ddl_fk_tc, ddl_fk_tp, ddl_fk_mfc, ddl_fk_mf, ddl_fk_sd, ddl_fk_sp cascade
create table ddl_fk_p1 (a int primary key, b text unique)
create table ddl_fk_c1 (id int, pa int references ddl_fk_p1)
create table ddl_fk_c2 (id int, pb text references ddl_fk_p1 (b) on delete cascade on update cascade)
create table ddl_fk_c3 (id int, pa int, constraint ddl_fk_c3_named foreign key (pa) references ddl_fk_p1 on delete set null on update restrict)
create table ddl_fk_c4 (id int, pa int default 1 references ddl_fk_p1 on delete set default)
insert into ddl_fk_p1 values (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four')
insert into ddl_fk_c1 values (1, 1), (2, null)
insert into ddl_fk_c1 values (3, 9)
update ddl_fk_c1 set pa = 8 where id = 1
update ddl_fk_c1 set pa = 2 where id = 1
insert into ddl_fk_c2 values (1, 'two'), (2, 'three'), (3, 'three')
insert into ddl_fk_c3 values (1, 3), (2, 4)
insert into ddl_fk_c4 values (1, 4)
delete from ddl_fk_p1 where a = 2
delete from ddl_fk_p1 where a = 4
select * from ddl_fk_c3 order by id
select * from ddl_fk_c4 order by id
update ddl_fk_p1 set b = 'THREE' where a = 3
select * from ddl_fk_c2 order by id
update ddl_fk_p1 set a = 30 where a = 3
delete from ddl_fk_c3
update ddl_fk_p1 set a = 30 where a = 3
delete from ddl_fk_p1 where a = 30
select * from ddl_fk_c2 order by id
update ddl_fk_p1 set a = 5 where a = 1
create table ddl_fk_p2 (a int, b int, primary key (a, b))
create table ddl_fk_c5 (x int, y int, foreign key (x, y) references ddl_fk_p2)
insert into ddl_fk_p2 values (1, 1)
insert into ddl_fk_c5 values (1, 1), (1, null), (null, 7)
insert into ddl_fk_c5 values (1, 2)
create table ddl_fk_bad (a int references ddl_fk_nosuch)
create table ddl_fk_bad (a int references ddl_fk_c1)
create table ddl_fk_bad (a int references ddl_fk_p2 (a))
create table ddl_fk_bad (a int, foreign key (a) references ddl_fk_p2)
create table ddl_fk_bad (a int references ddl_fk_p1 (nosuch))
create table ddl_fk_bad (a text references ddl_fk_p1)
create table ddl_fk_self (id int primary key, parent int references ddl_fk_self)
insert into ddl_fk_self values (1, null), (2, 1), (3, 3)
insert into ddl_fk_self values (4, 5)
delete from ddl_fk_self where id = 1
drop table ddl_fk_p1
drop table ddl_fk_p1 cascade
insert into ddl_fk_c1 values (10, 99)
drop table ddl_fk_c1, ddl_fk_c2, ddl_fk_c3, ddl_fk_c4, ddl_fk_c5, ddl_fk_p2, ddl_fk_self
create table ddl_fk_tp (a int primary key)
create table ddl_fk_tc (a int references ddl_fk_tp, id serial)
insert into ddl_fk_tp values (1), (2)
insert into ddl_fk_tc (a) values (1), (2)
truncate ddl_fk_tp
truncate ddl_fk_tp, ddl_fk_tc restart identity
insert into ddl_fk_tp values (1)
insert into ddl_fk_tc (a) values (1) returning *
truncate ddl_fk_tp cascade
select count(*) from ddl_fk_tc
drop table ddl_fk_tc, ddl_fk_tp
create table ddl_fk_mf (a int, b int, primary key (a, b))
create table ddl_fk_mfc (x int, y int, foreign key (x, y) references ddl_fk_mf match full)
insert into ddl_fk_mf values (1, 1)
insert into ddl_fk_mfc values (1, 1), (null, null)
insert into ddl_fk_mfc values (1, null)
create table ddl_fk_bad (a numeric, b int, foreign key (a, b) references ddl_fk_mf)
drop table ddl_fk_mfc, ddl_fk_mf
create table ddl_fk_sp (a int primary key)
create table ddl_fk_sd (a int references ddl_fk_sp)
set constraints ddl_fk_nosuch deferred
set constraints ddl_fk_sd_a_fkey deferred
alter table ddl_fk_sd alter constraint ddl_fk_nosuch deferrable
alter table ddl_fk_sp alter constraint ddl_fk_sp_pkey deferrable
alter table ddl_fk_sd alter constraint ddl_fk_sd_a_fkey deferrable initially deferred
drop table ddl_fk_sd, ddl_fk_sp
