-- B-tree keys of numeric, inet/cidr, macaddr/macaddr8, timetz, "char", bit/varbit, pg_lsn, money, regclass (session 23)
create table itk_n (x numeric primary key, y text)
insert into itk_n values (1.0,'a'),(2.5,'b'),(-3,'c'),('NaN','d'),('Infinity','e'),('-Infinity','f'),(0,'g'),(-0.001,'h'),(1000,'i'),(-1000.5,'j'),(0.0001,'k'),(99.99,'l'),(-0.0011,'m'),(123456789012345678901234567890.5,'n')
insert into itk_n values (1.00,'dup')
insert into itk_n values ('NaN','dup')
insert into itk_n values (-0.00110,'dup')
select * from itk_n order by x
-- the recorder runs each line in its own session; SqlFixturesIT runs them in one, so lakepg reads these through the index
set enable_seqscan = off
explain (costs off) select * from itk_n where x = 2.5
select * from itk_n where x = 2.50
select x from itk_n where x = 1
select * from itk_n where x > 0 order by x
select * from itk_n where x < 0 order by x desc
select * from itk_n where x between -1000.5 and 1 order by x
select * from itk_n where x >= 'Infinity'
select * from itk_n where x in (1, 99.99, 'NaN') order by x
reset enable_seqscan
create table itk_t (a inet, b cidr, m macaddr, m8 macaddr8, t timetz, c "char", bt bit(4), vb varbit, l pg_lsn, mo money, r regclass)
create index itk_t_a on itk_t(a)
create index itk_t_b on itk_t(b)
create index itk_t_m on itk_t(m)
create index itk_t_m8 on itk_t(m8)
create index itk_t_t on itk_t(t)
create index itk_t_c on itk_t(c)
create index itk_t_bt on itk_t(bt)
create index itk_t_vb on itk_t(vb desc)
create index itk_t_l on itk_t(l)
create index itk_t_mo on itk_t(mo)
create index itk_t_r on itk_t(r)
insert into itk_t values ('10.0.0.1/8','10.0.0.0/8','08:00:2b:01:02:03','08:00:2b:01:02:03:04:05','10:00+02','a',B'1010',B'1','0/16',1.5,'pg_class'), ('10.1.2.3','10.1.0.0/16','ff:00:2b:01:02:03','ff:00:2b:01:02:03:04:05','08:00+00','z',B'0001',B'10','FFFFFFFF/0',-3,'pg_attribute'), ('::1','::/0','00:00:00:00:00:01','00:00:00:00:00:00:00:01','08:00-02','Z',B'1111',B'','0/0',100,'pg_type'), ('192.168.1.1/24','192.168.0.0/16',NULL,NULL,'12:00+04','~',B'0000',B'1000000001','1/0',0,'pg_proc'), ('10.0.0.1/16','10.0.0.0/16','08:00:2b:01:02:04','08:00:2b:01:02:03:04:06','08:00+00','b',B'0011',B'10000000','1/1',2,'pg_class')
set enable_seqscan = off
set enable_bitmapscan = off
select a from itk_t order by a
select b from itk_t order by b desc
select m from itk_t order by m
select m8 from itk_t order by m8
select t from itk_t order by t
select c from itk_t order by c
select bt from itk_t order by bt
select vb from itk_t order by vb desc
select l from itk_t order by l
select mo from itk_t order by mo
select r from itk_t order by r::oid
select a from itk_t where a > '10.0.0.0/8' order by a
select t from itk_t where t = '12:00+02'
select t from itk_t where t = '10:00+02'
select t from itk_t where t = '08:00+00'
select a from itk_t where a = '::1'
select l from itk_t where l > '1/0' order by l
select vb from itk_t where vb >= B'1' order by vb
reset enable_seqscan
reset enable_bitmapscan
create table itk_u (x numeric(10,2) unique, n inet unique)
insert into itk_u values (1.5, '1.2.3.4')
insert into itk_u values (1.50, '1.2.3.5')
insert into itk_u values (2, '1.2.3.4')
insert into itk_u values (2, '1.2.3.4/32')
create table itk_fk (x numeric references itk_u(x))
insert into itk_fk values (1.500)
insert into itk_fk values (1.51)
drop table itk_fk
drop table itk_u
drop table itk_n
drop table itk_t
