-- GIN indexes: jsonb_ops, jsonb_path_ops and array_ops, on columns and expressions. The plans PostgreSQL 15
-- chooses (a Bitmap Heap Scan with Recheck Cond over a Bitmap Index Scan; a commuted <@ shown as @> in the Index
-- Cond), the rows they return also after changes, the catalog's view of the indexes and the errors of CREATE INDEX
create table gjs (id int, j jsonb);
insert into gjs select g, jsonb_build_object('k', g % 10, 'tags', jsonb_build_array('x' || (g % 7), 'y'),
  'wait', case when g % 50 = 0 then null else 'no' end) from generate_series(1, 2000) g;
insert into gjs values (5000, '{}'), (5001, null), (5002, '[1, 2, "foo"]'), (5003, '"lonely"');
create index gjs_j on gjs using gin (j);
create index gjs_tags on gjs using gin ((j -> 'tags'));
create table gas (id int, a int[], t text[]);
insert into gas select g, array[g % 10, g % 13], array['s' || (g % 5)] from generate_series(1, 2000) g;
insert into gas values (5000, '{}', '{}'), (5001, null, null), (5002, '{NULL, 5}', '{NULL}');
create index gas_a on gas using gin (a);
create index gas_t_a on gas using gin (t, a);
vacuum analyze gjs;
vacuum analyze gas;
set enable_seqscan = off;
explain (costs off) select count(*) from gjs where j @> '{"k": 3}';
select count(*) from gjs where j @> '{"k": 3}';
explain (costs off) select count(*) from gjs where j ? 'wait';
select count(*) from gjs where j ? 'wait';
explain (costs off) select id from gjs where j ?| array['foo', 'lonely'] order by id;
select id from gjs where j ?| array['foo', 'lonely'] order by id;
explain (costs off) select count(*) from gjs where j ?& array['k', 'tags'];
select count(*) from gjs where j ?& array['k', 'tags'];
explain (costs off) select count(*) from gjs where j @@ '$.wait == null';
select count(*) from gjs where j @@ '$.wait == null';
explain (costs off) select count(*) from gjs where j @? '$.tags[*] ? (@ == "x3")';
select count(*) from gjs where j @? '$.tags[*] ? (@ == "x3")';
explain (costs off) select count(*) from gjs where j -> 'tags' @> '["x5"]';
select count(*) from gjs where j -> 'tags' @> '["x5"]';
select count(*) from gjs where j @> '{}';
explain (costs off) select count(*) from gas where a @> '{3}';
select count(*) from gas where a @> '{3}';
explain (costs off) select count(*) from gas where a && '{3, 5}';
select count(*) from gas where a && '{3, 5}';
explain (costs off) select id from gas where a <@ '{1, 2}' order by id;
select id from gas where a <@ '{1, 2}' order by id;
explain (costs off) select count(*) from gas where '{7}' <@ a;
select count(*) from gas where '{7}' <@ a;
explain (costs off) select count(*) from gas where a @> array[1, 11];
select count(*) from gas where a @> array[1, 11];
explain (costs off) select count(*) from gas where t @> '{s1}' and a @> '{2}';
select count(*) from gas where t @> '{s1}' and a @> '{2}';
select id from gas where a = '{}' order by id;
reset enable_seqscan;
-- a selective condition uses the index without being told to
explain (costs off) select count(*) from gjs where j @> '{"k": 3, "tags": ["x4"]}';
select count(*) from gjs where j @> '{"k": 3, "tags": ["x4"]}';
-- changes are seen through the index
update gjs set j = j || '{"k": 11}' where id between 1 and 40;
delete from gjs where id % 3 = 0;
insert into gjs values (6000, '{"k": 11, "lonely": true}');
set enable_seqscan = off;
select count(*) from gjs where j @> '{"k": 11}';
select id from gjs where j ? 'lonely' order by id;
reset enable_seqscan;
-- jsonb_path_ops
drop index gjs_j;
create index gjs_path on gjs using gin (j jsonb_path_ops);
set enable_seqscan = off;
explain (costs off) select count(*) from gjs where j @> '{"k": 3}';
select count(*) from gjs where j @> '{"k": 3}';
explain (costs off) select count(*) from gjs where j ? 'wait';
reset enable_seqscan;
-- the catalog
select indexname, indexdef from pg_indexes where tablename in ('gjs', 'gas') order by 1;
select c.relname, a.amname from pg_class c join pg_am a on a.oid = c.relam where c.relname like 'g_s%' and c.relkind = 'i' order by 1;
select pg_get_indexdef('gas_t_a'::regclass);
-- errors
create index on gas using gin (id);
create index on gjs using gin (j foo_ops);
create index on gas using gin (a jsonb_path_ops);
create unique index on gjs using gin (j);
create index on gas using gin (a) include (id);
create index on gas using gin (a desc);
drop table gjs;
drop table gas;
