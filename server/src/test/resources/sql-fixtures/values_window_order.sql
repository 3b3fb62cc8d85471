-- without ORDER BY, rows come out in the order of the window PostgreSQL runs last (select_active_windows)
drop table if exists val_emp;
create table val_emp (depname text, empno int, salary int);
insert into val_emp values ('develop', 10, 5200), ('sales', 1, 5000), ('personnel', 5, 3500), ('sales', 4, 4800), ('personnel', 2, 3900), ('develop', 7, 4200);
select sum(salary), row_number() over (order by depname), sum(sum(salary)) over (order by depname desc) from val_emp group by depname;
select sum(salary), row_number() over (order by depname desc), sum(sum(salary)) over (order by depname) from val_emp group by depname;
select depname, empno, rank() over (partition by depname order by empno desc), rank() over (partition by depname order by empno) from val_emp;
select empno, row_number() over (order by empno desc nulls last), row_number() over (order by empno desc) from val_emp;
drop table val_emp;
-- a view's rows as whole-row values
drop table if exists val_va cascade;
create table val_va (id int);
insert into val_va values (42);
create view val_vv as select * from val_va;
select val_vv from val_vv;
select (select val_vv) from val_vv;
select (select (a.*)::text) from val_vv a;
drop view val_vv;
drop table val_va;
