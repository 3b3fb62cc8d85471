select information_schema._pg_expandarray(array[3,1]);
select (information_schema._pg_expandarray(array['a','b'])).x;
select (information_schema._pg_expandarray(array[10,20])).n;
select (information_schema._pg_expandarray('{7,8}'::int2[])).x + 1;
select (k).x, (k).n from (select information_schema._pg_expandarray(array[5,6]) k) s;
select row_to_json(jsonb_each('{"a":1}'));
