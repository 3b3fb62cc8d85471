-- table lifecycle: DDL, DML with RETURNING, NOT NULL, transactions are covered by LakepgServerIT; names are unique to this file
drop table if exists fx_items, fx_copy
create table fx_items (id int not null, name text, price numeric(8,2), tags text)
create table fx_items (id int)
insert into fx_items values (1, 'apple', 1.5), (2, 'pear', 2.25), (3, 'fig', null)
insert into fx_items (id, name) values (4, 'kiwi') returning id, name, price
insert into fx_items (name) values ('nobody')
insert into fx_items values ('x')
insert into fx_items (id, nosuch) values (5, 1)
insert into fx_items values (5, 'plum', 1, 'a', 'extra')
select * from fx_items order by id
select name, price * 2 as doubled from fx_items where price is not null order by name
update fx_items set price = price + 1 where id <= 2 returning id, price
update fx_items set nosuch = 1
delete from fx_items where name = 'fig' returning *
select count(*), sum(price), max(name) from fx_items
select i.id, j.id from fx_items i join fx_items j on i.id + 1 = j.id order by 1
create table fx_copy as select id, upper(name) as name from fx_items where id > 1
select * from fx_copy order by id
truncate fx_copy
select count(*) from fx_copy
select * from fx_nosuch
drop table fx_items, fx_copy
drop table fx_items
drop table if exists fx_items
create table fx_pk (id int primary key, v int)
insert into fx_pk select 1, 1 union all select 2, 2
update fx_pk set v = v + 1
update fx_pk set v = v + 1 where id = 2
vacuum fx_pk
insert into fx_pk values (3, 3)
select * from fx_pk where id = 1
select * from fx_pk where id = 2
select * from fx_pk where id = 3
insert into fx_pk values (1, 9)
update fx_pk set id = 3 where id = 1
select count(*) from fx_pk where id = 4
drop table fx_pk
