create table rwj_department (id integer primary key, parent_department integer references rwj_department, name text)
insert into rwj_department values (0, null, 'ROOT'), (1, 0, 'A'), (2, 1, 'B'), (3, 2, 'C'), (4, 2, 'D'), (5, 0, 'E'), (6, 4, 'F'), (7, 5, 'G')
set statement_timeout = '20s'; with recursive sub as (select name as root_name, * from rwj_department where name = 'A' union all select sd.root_name, d.* from rwj_department as d, sub as sd where d.parent_department = sd.id) select * from sub order by name
reset statement_timeout
set statement_timeout = '20s'; with recursive sub(level, id) as (select 1, 0 union all select sub.level + 1, d.id from rwj_department d join sub on d.parent_department = sub.id) select level, count(*) from sub group by level order by level
reset statement_timeout
drop table rwj_department
