-- acldefault("char", oid): the ACL each object kind has while its catalog ACL is NULL (pg_dump compares against it)
select c, acldefault(c::"char", 10) from unnest(array['c','r','s','d','f','l','L','n','t','F','S','T','p']) c order by c collate "C"
select acldefault('r', 99999)
select acldefault(null, 10) is null, acldefault('r', null) is null
select pg_typeof(acldefault('n', 10))
select acldefault('x', 10)
