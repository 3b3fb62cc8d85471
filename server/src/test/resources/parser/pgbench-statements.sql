-- Statements pgbench 15 sends (-i -s 1, then tpcb-like, simple-update, select-only in -M simple,
-- prepared and extended), captured with log_statement=all on PostgreSQL 15.18.

drop table if exists pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers;

create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22));

create table pgbench_tellers(tid int not null,bid int,tbalance int,filler char(84)) with (fillfactor=100);

create table pgbench_accounts(aid    int not null,bid int,abalance int,filler char(84)) with (fillfactor=100);

create table pgbench_branches(bid int not null,bbalance int,filler char(88)) with (fillfactor=100);

begin;

truncate table pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers;

insert into pgbench_branches(bid,bbalance) values(1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (1,1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (2,1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (3,1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (4,1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (5,1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (6,1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (7,1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (8,1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (9,1,0);

insert into pgbench_tellers(tid,bid,tbalance) values (10,1,0);

copy pgbench_accounts from stdin with (freeze on);

commit;

vacuum analyze pgbench_branches;

vacuum analyze pgbench_tellers;

vacuum analyze pgbench_accounts;

vacuum analyze pgbench_history;

alter table pgbench_branches add primary key (bid);

alter table pgbench_tellers add primary key (tid);

alter table pgbench_accounts add primary key (aid);

select count(*) from pgbench_branches;

select o.n, p.partstrat, pg_catalog.count(i.inhparent) from pg_catalog.pg_class as c join pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) cross join lateral (select pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) as o(n) left join pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) left join pg_catalog.pg_inherits as i on (c.oid = i.inhparent) where c.relname = 'pgbench_accounts' and o.n is not null group by 1, 2 order by 1 asc limit 1;

vacuum pgbench_branches;

vacuum pgbench_tellers;

truncate pgbench_history;

BEGIN;;

UPDATE pgbench_accounts SET abalance = abalance + 300 WHERE aid = 54858;;

SELECT abalance FROM pgbench_accounts WHERE aid = 54858;;

UPDATE pgbench_tellers SET tbalance = tbalance + 300 WHERE tid = 1;;

UPDATE pgbench_branches SET bbalance = bbalance + 300 WHERE bid = 1;;

INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, 54858, 300, CURRENT_TIMESTAMP);;

END;;

UPDATE pgbench_accounts SET abalance = abalance + -4559 WHERE aid = 98361;;

SELECT abalance FROM pgbench_accounts WHERE aid = 98361;;

UPDATE pgbench_tellers SET tbalance = tbalance + -4559 WHERE tid = 7;;

UPDATE pgbench_branches SET bbalance = bbalance + -4559 WHERE bid = 1;;

INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (7, 1, 98361, -4559, CURRENT_TIMESTAMP);;

UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2;;

SELECT abalance FROM pgbench_accounts WHERE aid = $1;;

UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2;;

UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2;;

INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP);;

UPDATE pgbench_accounts SET abalance = abalance + 4335 WHERE aid = 26960;;

SELECT abalance FROM pgbench_accounts WHERE aid = 26960;;

INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (9, 1, 26960, 4335, CURRENT_TIMESTAMP);;

UPDATE pgbench_accounts SET abalance = abalance + 2876 WHERE aid = 24856;;

SELECT abalance FROM pgbench_accounts WHERE aid = 24856;;

INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (10, 1, 24856, 2876, CURRENT_TIMESTAMP);;

SELECT abalance FROM pgbench_accounts WHERE aid = 25985;;

SELECT abalance FROM pgbench_accounts WHERE aid = 881;;
