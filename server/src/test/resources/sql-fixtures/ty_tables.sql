-- the added types in table columns, with typmod checks on assignment
drop table if exists ty_bits
create table ty_bits (b bit(3), v varbit(4), p point, i inet, m money, t tsvector)
insert into ty_bits values (B'101', B'1', '(1,2)', '10.0.0.1/8', 12.5, 'a:1 b:2')
insert into ty_bits values (B'10', B'1', null, null, null, null)
insert into ty_bits values (B'101', B'10101', null, null, null, null)
insert into ty_bits (b, v) values ('111', '0')
select b, v, p, i, m, t from ty_bits order by b
select count(*) from ty_bits where i << '10.0.0.0/8' or p ~= point '(1,2)'
update ty_bits set m = m * 2 where b = B'101' returning m
drop table ty_bits
