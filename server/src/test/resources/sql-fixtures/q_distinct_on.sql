select distinct on (x % 2) x from generate_series(1,6) x order by x % 2, x desc
select distinct on (a) a, b from (values (1,'x'),(1,'y'),(2,'z')) v(a,b) order by a, b
select distinct on (a) a, b from (values (1,'x'),(1,'y'),(2,'z')) v(a,b) order by b
select distinct on (1) a, b from (values (1,'x'),(1,'y'),(2,'z')) v(a,b) order by 1, 2 desc
select distinct on (a, b) a from (values (1,'x'),(1,'x'),(2,'z')) v(a,b) order by a, b limit 5
