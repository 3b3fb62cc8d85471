-- foreign key actions find referencing rows through an index of the referencing table (session 23)
create table fkci_p (a int8, b text, primary key (a, b))
create table fkci_c (id int primary key, b text, a int4, note text, foreign key (a, b) references fkci_p on delete cascade on update cascade)
create index fkci_c_ba on fkci_c (b, a, note)
insert into fkci_p select g, 'k' || (g % 3) from generate_series(1, 30) g
insert into fkci_c select g, 'k' || (g % 3), g, 'n' || g from generate_series(1, 30) g
insert into fkci_c select g + 100, 'k' || (g % 3), g, 'm' || g from generate_series(1, 30, 2) g
select count(*) from fkci_c
delete from fkci_p where a in (1, 2, 4)
select count(*), min(a) from fkci_c
update fkci_p set a = 1000 + a where a = 5
select id, a, b from fkci_c where a > 100 order by id
update fkci_c set note = 'x' where a = 1005
update fkci_p set a = 2000 where a = 1005
select id, a, b, note from fkci_c where a >= 1000 order by id
delete from fkci_p where a = 2000
select count(*) from fkci_c where a = 2000
create table fkci_r (x numeric primary key)
create table fkci_rc (x numeric references fkci_r on delete restrict, y numeric references fkci_r on delete set null)
create index fkci_rc_x on fkci_rc (x)
create index fkci_rc_y on fkci_rc (y)
insert into fkci_r values (1.5), (2), (3)
insert into fkci_rc values (1.500, 2.0), (3, 2)
delete from fkci_r where x = 1.5
delete from fkci_r where x = 2
select * from fkci_rc order by x
delete from fkci_rc where x = 1.5
delete from fkci_r where x = 1.50
select * from fkci_r order by x
drop table fkci_rc
drop table fkci_r
drop table fkci_c
drop table fkci_p
