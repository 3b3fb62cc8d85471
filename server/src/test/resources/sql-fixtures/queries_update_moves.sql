-- a statement's scans keep the snapshot they started with: rows an UPDATE moves into a partition scanned later, or an
-- INSERT ... SELECT adds to the table it reads, are not seen again even when a BEFORE trigger made the statement's
-- writes visible to the queries it runs
drop table if exists qm_rp; drop function if exists qm_trig();
create table qm_rp (a int, c int) partition by range (a); create table qm_rp1 partition of qm_rp for values from (0) to (10); create table qm_rp2 partition of qm_rp for values from (10) to (20); create table qm_rp3 partition of qm_rp for values from (20) to (30);
insert into qm_rp values (1, 96), (2, 50), (11, 7);
create function qm_trig() returns trigger language plpgsql as $$ begin new.c = new.c + (select count(*) from qm_rp); return new; end $$;
create trigger qm_t before insert on qm_rp2 for each row execute function qm_trig();
update qm_rp set a = a + 10, c = case when c = 96 then 110 else c + 1 end;
select tableoid::regclass, * from qm_rp order by a, c;
insert into qm_rp select a - 20, c from qm_rp where a >= 20;
select tableoid::regclass, * from qm_rp order by a, c;
insert into qm_rp select a + 1, c from qm_rp where a between 11 and 13;
select tableoid::regclass, * from qm_rp order by a, c;
drop table qm_rp; drop function qm_trig();
-- a row that moves to another partition first goes through its partition's BEFORE UPDATE row triggers
drop table if exists qm_rq; drop function if exists qm_bump();
create table qm_rq (a int, b int, c int) partition by range (a); create table qm_rq1 partition of qm_rq for values from (0) to (10); create table qm_rq2 partition of qm_rq for values from (10) to (20);
insert into qm_rq values (1, 1, 96), (2, 5, 50);
create function qm_bump() returns trigger language plpgsql as $$ begin new.b = new.b + 1; return new; end $$;
create trigger qm_b1 before update or insert on qm_rq1 for each row execute function qm_bump(); create trigger qm_b2 before update or insert on qm_rq2 for each row execute function qm_bump();
update qm_rq set a = a + 10 where a = 1 returning *;
update qm_rq set c = c + 1 where a = 2 returning *;
select tableoid::regclass, * from qm_rq order by a;
drop table qm_rq; drop function qm_bump();
-- the name of a view is a value of the view's row type
drop view if exists qm_v; create view qm_v as select 42 as x, 'y'::text as t;
select qm_v from qm_v; select (select qm_v) from qm_v; select (select (select qm_v)) from qm_v;
drop view qm_v;
