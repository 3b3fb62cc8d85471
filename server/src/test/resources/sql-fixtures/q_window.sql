drop table if exists q_emp
create table q_emp (name text, dept text, salary int)
insert into q_emp values ('a','x',100),('b','x',200),('c','x',200),('d','y',50),('e','y',null),('f','z',300)
select name, row_number() over (order by name) from q_emp order by name
select name, dept, salary, rank() over (partition by dept order by salary desc) from q_emp order by dept, salary desc nulls last, name
select name, dense_rank() over (order by salary), percent_rank() over (order by salary), cume_dist() over (order by salary) from q_emp order by salary, name
select name, ntile(4) over (order by name) from q_emp order by name
select name, lag(name) over w, lead(name, 2) over w, lag(salary, 1, -1) over w from q_emp window w as (order by name) order by name
select name, sum(salary) over (partition by dept) from q_emp order by name
select name, sum(salary) over (order by name), count(*) over (order by salary) from q_emp order by name
select name, sum(salary) over (order by name rows between 1 preceding and 1 following) from q_emp order by name
select name, avg(salary) over (order by name rows between current row and unbounded following) from q_emp order by name
select name, first_value(name) over w, last_value(name) over w, nth_value(name, 2) over w from q_emp window w as (partition by dept order by name) order by name
select name, first_value(name) over (order by salary groups between 1 preceding and 1 following) from q_emp order by name
select name, sum(salary) over (order by salary rows between unbounded preceding and unbounded following exclude current row) from q_emp order by name
select name, sum(salary) over (order by salary range between unbounded preceding and current row exclude ties) from q_emp order by name
select name, sum(salary) over (order by salary groups between current row and 1 following exclude group) from q_emp order by name
select dept, sum(salary), rank() over (order by sum(salary) desc nulls last) from q_emp group by dept order by dept
select dept, sum(sum(salary)) over () from q_emp group by dept order by dept
select name, row_number() over () from q_emp where false
select name from q_emp where row_number() over () > 1
select row_number() from q_emp
select name, rank() over (partition by dept order by salary) r from q_emp order by r, name
select count(*) over w from q_emp window w as (order by name), w as (order by dept)
select sum(salary) over (w order by name) from q_emp window w as (partition by dept) order by 1
select sum(salary) over (w partition by name) from q_emp window w as (order by dept)
select sum(salary) over nosuch from q_emp
select name, ntile(0) over () from q_emp
select string_agg(name, ',') over (partition by dept order by name) from q_emp order by 1
select name, max(salary) filter (where dept = 'x') over () from q_emp order by name
select abs(1) over ()
select name, lag(name, -1) over (order by name) from q_emp order by name
select name, nth_value(name, 0) over () from q_emp
select x, sum(x) over (order by x rows between 1 following and 3 following) from generate_series(1,6) x
select row_number() over (order by x desc), x from generate_series(1,3) x
drop table q_emp
