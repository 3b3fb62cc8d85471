-- WITH [LOCAL|CASCADED] CHECK OPTION through views over views; UPDATE SET DEFAULT through a view; each line one session
drop table if exists vco_t cascade
drop table if exists sbt1, sbt2 cascade
create table vco_t(a int primary key, b text default 'dflt', c int default 7)
create view vco_v as select a, b from vco_t
insert into vco_v values (1, default)
insert into vco_v values (2, default), (3, 'x')
insert into vco_v (a) values (4)
update vco_v set b = default where a = 3
select * from vco_t order by a
create view vco_v1 as select * from vco_t where a > 0 with local check option
create view vco_v2 as select * from vco_v1 where a < 10 with cascaded check option
create view vco_v3 as select * from vco_v1 where a < 10 with local check option
create view vco_v4 as select * from vco_v1 where a < 10
insert into vco_v2 values (5, 'ok', 1)
insert into vco_v2 values (-1, 'neg', 1)
insert into vco_v2 values (11, 'big', 1)
insert into vco_v3 values (-2, 'neg', 1)
insert into vco_v3 values (12, 'big', 1)
insert into vco_v4 values (-3, 'neg', 1)
insert into vco_v4 values (13, 'big', 1)
update vco_v2 set a = -a where a = 5
update vco_v2 set a = 20 where a = 5
select * from vco_t order by a
drop table vco_t cascade
CREATE TABLE sbt1 (a int, b text, c int)
INSERT INTO sbt1 VALUES (1, 'one', 10)
CREATE TABLE sbt2 (cc int)
INSERT INTO sbt2 VALUES (10), (20)
CREATE VIEW sbv1 AS SELECT * FROM sbt1 WHERE (a > 0) WITH CHECK OPTION
CREATE VIEW sbv2 AS SELECT * FROM sbv1 WHERE EXISTS (SELECT 1 FROM sbt2 WHERE sbt2.cc = sbv1.c) WITH CHECK OPTION
INSERT INTO sbv2 VALUES (2, 'two', 20)
INSERT INTO sbv2 VALUES (-2, 'minus two', 20)
INSERT INTO sbv2 VALUES (3, 'three', 30)
UPDATE sbv2 SET b = 'ONE' WHERE a = 1
UPDATE sbv2 SET a = -1 WHERE a = 1
UPDATE sbv2 SET c = 30 WHERE a = 1
DELETE FROM sbv2 WHERE a = 2
SELECT * FROM sbv2
update sbv2 set c = 20 where exists (select 1 from sbt2 where cc = c + 10) returning *
DROP TABLE sbt1, sbt2 CASCADE
