-- storage parameters and per-column storage options are accepted (they tune no visible behaviour)
drop table if exists acc_t;
create table acc_t (id int, iv interval, b bytea, u uuid, tm time);
alter table acc_t set (fillfactor = 70, parallel_workers = 4);
alter table acc_t reset (fillfactor);
alter table acc_t alter column b set storage external;
alter table acc_t alter column b set storage bogus;
alter table acc_t alter column nosuch set storage main;
alter table acc_t alter column id set statistics 100;
-- btree indexes on interval, bytea, uuid and time keep the type's order and equality
create index acc_t_iv on acc_t (iv);
create index acc_t_b on acc_t (b);
create index acc_t_u on acc_t (u);
create index acc_t_tm on acc_t (tm desc);
insert into acc_t values (1, '1 mon', '\x01', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '10:00'), (2, '30 days', '\x0100', 'ffeebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '09:00'), (3, '-1 day 25 hours', '\x', '00eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '23:59'), (4, '1 day 1 hour', '\xff', '80000000-0000-0000-0000-000000000000', null), (5, null, null, null, '00:00');
set enable_seqscan = off;
select id, iv from acc_t order by iv, id;
select id from acc_t where iv = '30 days' order by id;
select id from acc_t where iv > '1 day' order by id;
select id, b from acc_t order by b;
select id from acc_t where b = '\x0100';
select id, u from acc_t order by u;
select id from acc_t where u = '80000000-0000-0000-0000-000000000000';
select id, tm from acc_t order by tm desc;
reset enable_seqscan;
create unique index acc_t_iv_u on acc_t (iv);
drop table acc_t;
-- an unknown OID has no size
select pg_relation_size(0) is null;
-- substring(... similar ...): the part before the first separator matches as little as it can
SELECT SUBSTRING('abcdefg' SIMILAR 'a*#"%#"g*' ESCAPE '#');
SELECT SUBSTRING('abcdefg' SIMILAR 'a#"%g' ESCAPE '#');
SELECT SUBSTRING('aaabbb' SIMILAR '%#"a+b*#"%' ESCAPE '#');
SELECT SUBSTRING('abcdefg' SIMILAR 'a|b#"%#"g' ESCAPE '#');
-- a HAVING without grouping or aggregates gives one row or none without reading the table
drop table if exists acc_h;
create table acc_h (a int);
insert into acc_h values (0), (1);
SELECT 1 AS one FROM acc_h WHERE 1/a = 1 HAVING 1 < 2;
SELECT 1 AS one FROM acc_h HAVING 1 > 2;
SELECT a FROM acc_h HAVING min(a) < max(a);
SELECT 1 AS one FROM acc_h HAVING a > 1;
drop table acc_h;
