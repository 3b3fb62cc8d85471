drop table if exists ddl_ck_t1, ddl_ck_t2, ddl_ck_t3, ddl_ck_t4, ddl_ck_t5
create table ddl_ck_t1 (a int check (a > 0), b int, c text not null, check (b > a), constraint ddl_ck_named check (c <> 'bad'))
insert into ddl_ck_t1 values (1, 2, 'ok')
insert into ddl_ck_t1 values (0, 2, 'ok')
insert into ddl_ck_t1 values (1, 0, 'ok')
insert into ddl_ck_t1 values (1, 2, 'bad')
insert into ddl_ck_t1 values (1, 2, null)
insert into ddl_ck_t1 values (null, null, 'nulls pass')
update ddl_ck_t1 set a = -1 where c = 'ok'
update ddl_ck_t1 set b = 10 where c = 'ok' returning *
select * from ddl_ck_t1 order by c
create table ddl_ck_t2 (a int, b int, c int, primary key (a, b), unique (b, c))
insert into ddl_ck_t2 values (1, 1, 1), (1, 2, 1), (2, 1, 2)
insert into ddl_ck_t2 values (1, 1, 5)
insert into ddl_ck_t2 values (3, 1, 1)
insert into ddl_ck_t2 values (null, 1, 9)
insert into ddl_ck_t2 values (4, 4, null), (5, 4, null)
select * from ddl_ck_t2 order by a, b
create table ddl_ck_t3 (a int primary key, b int primary key)
create table ddl_ck_t3 (a int, primary key (a), primary key (a))
create table ddl_ck_t3 (a int, check (nosuch > 0))
create table ddl_ck_t3 (a int, check (a))
create table ddl_ck_t3 (a int unique, b int unique, c int, unique (a, b), constraint ddl_ck_t3_uq unique (c))
insert into ddl_ck_t3 values (1, 1, 1), (2, 2, 2)
insert into ddl_ck_t3 values (1, 3, 3)
insert into ddl_ck_t3 values (3, 3, 1)
create table ddl_ck_t4 (a int, b text, check (a > 0 and b like 'x%'), check (length(b) < 5))
insert into ddl_ck_t4 values (1, 'xab')
insert into ddl_ck_t4 values (1, 'yab')
insert into ddl_ck_t4 values (1, 'xabcdef')
drop table ddl_ck_t1, ddl_ck_t2, ddl_ck_t3, ddl_ck_t4
create table ddl_ck_t5 (a int, b int check (a > 0), c int check (c > b))
insert into ddl_ck_t5 values (0, 1, 2)
insert into ddl_ck_t5 values (1, 3, 2)
drop table ddl_ck_t5
