-- xid, xid8 and pg_snapshot (statements of PostgreSQL's xid test that need no tables or transaction state)
select '010'::xid, '42'::xid, '0xffffffff'::xid, '-1'::xid, '010'::xid8, '42'::xid8, '0xffffffffffffffff'::xid8, '-1'::xid8
select '1'::xid = '1'::xid, '1'::xid != '1'::xid, '1'::xid8 = '1'::xid8, '1'::xid8 != '1'::xid8, '1'::xid = '1'::xid8::xid, '1'::xid != '1'::xid8::xid
select '1'::xid8 < '2'::xid8, '2'::xid8 < '2'::xid8, '2'::xid8 < '1'::xid8, '1'::xid8 <= '2'::xid8, '2'::xid8 > '1'::xid8, '2'::xid8 >= '2'::xid8, '-1'::xid8 > '1'::xid8
select xid8cmp('1', '2'), xid8cmp('2', '2'), xid8cmp('2', '1'), greatest('1'::xid8, '18446744073709551615'::xid8)
select '1'::xid < '2'::xid
select '12:13:'::pg_snapshot, '12:18:14,16'::pg_snapshot, '12:16:14,14'::pg_snapshot, '12:20:13,15,18'::txid_snapshot
select '31:12:'::pg_snapshot
select '0:1:'::pg_snapshot
select '12:13:0'::pg_snapshot
select '12:16:14,13'::pg_snapshot
select '12:16:14,13'::txid_snapshot
select '12:16:14;13'::pg_snapshot
select pg_snapshot_xmin('12:20:13,15,18'), pg_snapshot_xmax('12:20:13,15,18'), txid_snapshot_xmin('12:20:13,15,18'), txid_snapshot_xmax('12:20:13,15,18')
select pg_visible_in_snapshot('11', '12:20:13,15,18'), pg_visible_in_snapshot('13', '12:20:13,15,18'), pg_visible_in_snapshot('14', '12:20:13,15,18'), pg_visible_in_snapshot('20', '12:20:13,15,18'), txid_visible_in_snapshot(14, '12:20:13,15,18'), txid_visible_in_snapshot(15, '12:20:13,15,18')
