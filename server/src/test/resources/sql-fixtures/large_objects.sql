-- server-side large object functions; pg_largeobject holds 2048-byte pages
select lo_unlink(oid) from pg_largeobject_metadata where oid in (424201, 424202, 424203)
select lo_create(424201)
select lo_create(424201)
select count(*) from pg_largeobject_metadata where oid = 424201
select lo_get(424201)
select lo_put(424201, 0, 'hello world')
select lo_get(424201)
select lo_get(424201, 6, 5), lo_get(424201, 6, 100), lo_get(424201, 100, 5)
select lo_get(424201, 0, -1)
select lo_put(424201, 4100, 'tail')
select length(lo_get(424201)), lo_get(424201, 4094, 10)
select pageno, length(data) from pg_largeobject where loid = 424201 order by pageno
select lo_open(424201, 393216); select lo_lseek(0, 6, 0); select lowrite(0, 'there'); select lo_tell(0); select loread(0, 3); select lo_lseek(0, -2, 2); select loread(0, 10); select lo_close(0)
select lo_get(424201, 0, 12)
select lo_open(424201, 262144); select lowrite(0, 'x')
select lo_open(424201, 262144); select lo_lseek(0, 0, 3)
select lo_open(424201, 262144); select lo_lseek(0, -1, 0)
select lo_open(424201, 0)
select loread(0, 1)
select lo_close(7)
select lo_open(424299, 262144)
select lo_get(424299)
select lo_open(424201, 131072); select lo_truncate(0, 3000); select lo_lseek(0, 0, 2); select lo_truncate(0, 5); select lo_lseek(0, 0, 2); select lo_tell(0)
select lo_get(424201)
select pageno, length(data) from pg_largeobject where loid = 424201 order by pageno
select lo_open(424201, 131072); select lo_truncate(0, 10000); select lo_lseek(0, 0, 2); select lo_close(0); select pageno, length(data) from pg_largeobject where loid = 424201 order by pageno
select lo_open(424201, 131072); select lo_lseek64(0, 4294967296, 0); select lowrite(0, 'offset:4GB'); select lo_tell64(0); select lo_tell(0)
select lo_open(424201, 131072); select lo_lseek64(0, 0, 2); select lo_lseek(0, 0, 2)
select lo_open(424201, 131072); select lo_truncate64(0, 5000000000); select lo_lseek64(0, 0, 2); select lo_truncate64(0, 3000000000); select lo_lseek64(0, -10, 2)
select lo_get(424201, 2999999995, 100)
select lo_from_bytea(424202, '\xdeadbeef'); select lo_get(424202)
select lo_from_bytea(424202, 'again')
begin; select lo_create(424203); rollback; select count(*) from pg_largeobject_metadata where oid = 424203
begin; select lo_put(424202, 2, 'zz') is null; rollback; select lo_get(424202)
select lo_unlink(424202); select count(*) from pg_largeobject where loid = 424202
select lo_unlink(424202)
select lo_import('/nonexistent/lakepg/file')
select lo_export(424201, '/nonexistent/lakepg/file')
select lo_unlink(oid) from pg_largeobject_metadata where oid = 424201
select lo_unlink(lo_creat(-1))
