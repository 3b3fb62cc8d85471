-- tsvector and tsquery input and output (statements of PostgreSQL's tstypes test)
SELECT '1'::tsvector
SELECT '1 '::tsvector
SELECT ' 1'::tsvector
SELECT ' 1 '::tsvector
SELECT '1 2'::tsvector
SELECT '''1 2'''::tsvector
SELECT E'''1 \\''2'''::tsvector
SELECT E'''1 \\''2''3'::tsvector
SELECT E'''1 \\''2'' 3'::tsvector
SELECT E'''1 \\''2'' '' 3'' 4 '::tsvector
SELECT $$'\\as' ab\c ab\\c AB\\\c ab\\\\c$$::tsvector
SELECT $$'' '1' '2'$$::tsvector
SELECT '1'::tsquery
SELECT '1 '::tsquery
SELECT ' 1'::tsquery
SELECT ' 1 '::tsquery
SELECT '''1 2'''::tsquery
SELECT E'''1 \\''2'''::tsquery
SELECT '!1'::tsquery
SELECT '1|2'::tsquery
SELECT '1|!2'::tsquery
SELECT '!1|2'::tsquery
SELECT '!1|!2'::tsquery
SELECT '!(!1|!2)'::tsquery
SELECT '!(!1|2)'::tsquery
SELECT '!(1|!2)'::tsquery
SELECT '!(1|2)'::tsquery
SELECT '1&2'::tsquery
SELECT '!1&2'::tsquery
SELECT '1&!2'::tsquery
SELECT '!1&!2'::tsquery
SELECT '(1&2)'::tsquery
SELECT '1&(2)'::tsquery
SELECT '!(1)&2'::tsquery
SELECT '!(1&2)'::tsquery
SELECT '1|2&3'::tsquery
SELECT '1|(2&3)'::tsquery
SELECT '(1|2)&3'::tsquery
SELECT '1|2&!3'::tsquery
SELECT '1|!2&3'::tsquery
SELECT '!1|2&3'::tsquery
SELECT '!1|(2&3)'::tsquery
SELECT '!(1|2)&3'::tsquery
SELECT '(!1|2)&3'::tsquery
SELECT '1|(2|(4|(5|6)))'::tsquery
SELECT '1|2|4|5|6'::tsquery
SELECT '1&(2&(4&(5&6)))'::tsquery
SELECT '1&2&4&5&6'::tsquery
SELECT '1&(2&(4&(5|6)))'::tsquery
SELECT '1&(2&(4&(5|!6)))'::tsquery
SELECT E'1&(''2''&('' 4''&(\\|5 | ''6 \\'' !|&'')))'::tsquery
SELECT $$'\\as'$$::tsquery
SELECT 'a:* & nbb:*ac | doo:a* | goo'::tsquery
SELECT '!!b'::tsquery
SELECT '!!!b'::tsquery
SELECT '!(!b)'::tsquery
SELECT 'a & !!b'::tsquery
SELECT '!!a & b'::tsquery
SELECT '!!a & !!b'::tsquery
select ''::tsquery, '{a:1,b}'::tsvector[], 'a:1,,2'::tsvector
select 'a:0'::tsvector
select 'a <-> b <2> c'::tsquery, 'a <-> (b <-> c)'::tsquery, 'a & b <-> c'::tsquery, '(a | b) <-> c'::tsquery, 'a <0> b'::tsquery
select 'a <16385> b'::tsquery
select 'a & '::tsquery
