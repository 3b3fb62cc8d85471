-- a table's row type has an array type (tablename[] and _tablename), usable for columns, casts and ARRAY[]
drop table if exists val_rta, val_rt cascade;
create table val_rt (q1 int8, q2 int8);
create table val_rta (f1 val_rt[]);
insert into val_rta (f1[5].q1) values (42);
select f1 from val_rta;
update val_rta set f1[5].q2 = 43;
select f1, (f1[5]).q2 from val_rta;
select '{"(1,2)","(3,)"}'::val_rt[], '{"(5,6)"}'::_val_rt;
select (array[row(1, 2)::val_rt, row(3, 4)::val_rt])[2].q1;
select pg_typeof(array[row(1, 2)::val_rt]);
select array_agg(r order by q1) from (values (1::int8, 2::int8), (3, 4)) r(q1, q2);
select array_agg(val_rt order by q1) from val_rt;
select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'val_rta'::regclass and attname = 'f1';
drop table val_rta, val_rt;
