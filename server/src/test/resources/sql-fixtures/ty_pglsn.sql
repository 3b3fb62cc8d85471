-- pg_lsn operators
SELECT '0/16AE7F8' = '0/16AE7F8'::pg_lsn
SELECT '0/16AE7F8'::pg_lsn != '0/16AE7F7'
SELECT '0/16AE7F7' < '0/16AE7F8'::pg_lsn
SELECT '0/16AE7F8' > pg_lsn '0/16AE7F7'
SELECT '0/16AE7F7'::pg_lsn - '0/16AE7F8'::pg_lsn
SELECT '0/16AE7F8'::pg_lsn - '0/16AE7F7'::pg_lsn
SELECT '0/16AE7F7'::pg_lsn + 16::numeric
SELECT 16::numeric + '0/16AE7F7'::pg_lsn
SELECT '0/16AE7F7'::pg_lsn - 16::numeric
SELECT 'FFFFFFFF/FFFFFFFE'::pg_lsn + 1::numeric
SELECT 'FFFFFFFF/FFFFFFFE'::pg_lsn + 2::numeric
SELECT '0/1'::pg_lsn - 1::numeric
SELECT '0/1'::pg_lsn - 2::numeric
SELECT '0/0'::pg_lsn + ('FFFFFFFF/FFFFFFFF'::pg_lsn - '0/0'::pg_lsn)
SELECT 'FFFFFFFF/FFFFFFFF'::pg_lsn - ('FFFFFFFF/FFFFFFFF'::pg_lsn - '0/0'::pg_lsn)
SELECT '0/16AE7F7'::pg_lsn + 'NaN'::numeric
SELECT '0/16AE7F7'::pg_lsn - 'NaN'::numeric
select '0/16AE7F8'::pg_lsn = '0/16AE7F8'::pg_lsn, 'FFFFFFFF/0'::pg_lsn > '0/1'::pg_lsn, greatest('1/1'::pg_lsn, '0/FFFFFFFF'::pg_lsn), pg_wal_lsn_diff('1/0', '0/1'), '0/10'::pg_lsn - 1.5, 1::numeric + '0/10'::pg_lsn
select pg_lsn(1e30::numeric)
select pg_lsn('NaN'::numeric)
select pg_lsn(15.5::numeric), pg_lsn(15.4::numeric)
select pg_lsn(-1::numeric)
