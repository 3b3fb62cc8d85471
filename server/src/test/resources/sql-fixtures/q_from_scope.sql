select * from (values (1)) a(x), (select a.x) s
select * from (values (1)) a(x), (select x) s
select * from (values (1)) a(x), lateral (select a.x + 1) s
select * from (values (1)) a(x) join (select a.x) s on true
