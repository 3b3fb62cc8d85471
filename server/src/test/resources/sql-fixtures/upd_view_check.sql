-- INSERT/UPDATE through views WITH CHECK OPTION (helper arrays)
drop view if exists uvc_v, uvc_v2, uvc_pv
drop table if exists uvc_t, uvc_p
create table uvc_t (a int, b text)
create view uvc_v as select * from uvc_t where a > 0 with check option
create view uvc_v2 as select b, a from uvc_t where a < 10 and b <> 'no' with local check option
insert into uvc_v values (1, 'x')
insert into uvc_v values (-1, 'x')
insert into uvc_v values (null, 'x')
insert into uvc_v2 values ('y', 5)
insert into uvc_v2 values ('y', 50)
insert into uvc_v2 values ('no', 5)
update uvc_v set a = -5 where a = 1
update uvc_v set a = 7 where a = 1 returning *
update uvc_v2 set a = 70
update uvc_v2 set a = 8 returning *
delete from uvc_v where a = 8
select * from uvc_t order by a, b
create table uvc_p (a int, b int) partition by range (a)
create table uvc_p1 partition of uvc_p for values from (0) to (10)
create table uvc_p2 partition of uvc_p for values from (10) to (20)
insert into uvc_p values (1, 1), (11, 11)
create view uvc_pv as select * from uvc_p where b < 15 with check option
update uvc_pv set a = 12 where a = 1 returning *
update uvc_pv set b = 16, a = 3 where a = 12
insert into uvc_pv values (5, 20)
insert into uvc_pv values (5, 2) returning *
select tableoid::regclass, * from uvc_p order by a
drop view uvc_v, uvc_v2, uvc_pv
drop table uvc_t, uvc_p
