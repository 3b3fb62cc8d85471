-- ts_rewrite, ts_stat and the text search catalogs
select ts_rewrite('foo & bar & qq & new & york', 'new & york'::tsquery, 'big & apple | nyc | new & york & city');
select ts_rewrite(ts_rewrite('new & !york ', 'york', '!jersey'), 'jersey', 'mexico');
select ts_rewrite('5 & (6 | 5)'::tsquery, '5'::tsquery, ''::tsquery);
select ts_rewrite('!5'::tsquery, '5'::tsquery, ''::tsquery);
select ts_rewrite(tsquery_phrase('foo', 'foo'), 'foo', 'bar | baz');
select ts_rewrite('a & b & c | d <-> e', 'b & a', 'x | y');
select ts_rewrite('moscow & hotel', 'select ''moscow''::tsquery, ''moskva | moscow''::tsquery');
select ts_rewrite('moscow & hotel', $$select * from (values ('moscow'::tsquery, 'msk'::tsquery), ('hotel'::tsquery, null)) v$$);
select ts_rewrite('moscow', 'select 1, 2');
select * from ts_stat($$select to_tsvector('english', t) from (values ('the cats sat'), ('a cat ran'), ('dogs ran')) v(t)$$) order by word;
select * from ts_stat($$select 'a:1A b:2B c:3 a:4C'::tsvector$$, 'ab') order by word;
select * from ts_stat('select 1');
select cfgname, cfgparser from pg_ts_config where cfgname in ('simple', 'english') order by 1;
select dictname, dictinitoption from pg_ts_dict where dictname in ('simple', 'english_stem') order by 1;
select prsname, prsheadline from pg_ts_parser;
select c.cfgname, t.alias, d.dictname from pg_ts_config_map m join pg_ts_config c on c.oid = m.mapcfg join pg_ts_dict d on d.oid = m.mapdict, ts_token_type('default') t where t.tokid = m.maptokentype and t.tokid in (1, 3, 16) and c.cfgname in ('simple', 'english') order by 1, 2;
select 'english_stem'::regdictionary, 'simple'::regdictionary::oid;
select tsvectorin(tsvectorout('a:1 b:2'::tsvector)), tsqueryin(tsqueryout('a & b'::tsquery));
