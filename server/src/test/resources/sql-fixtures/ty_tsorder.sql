-- tsquery ordering
SELECT 'a' < 'b & c'::tsquery as "true"
SELECT 'a' > 'b & c'::tsquery as "false"
SELECT 'a | f' < 'b & c'::tsquery as "false"
SELECT 'a | ff' < 'b & c'::tsquery as "false"
SELECT 'a | f | g' < 'b & c'::tsquery as "false"
select 'a'::tsquery = 'a'::tsquery, 'a & b'::tsquery = 'b & a'::tsquery, 'a'::tsquery < 'b'::tsquery, 'b'::tsquery < 'a'::tsquery, 'abc'::tsquery > 'abd'::tsquery, 'a <-> b'::tsquery < 'a <2> b'::tsquery, '!a'::tsquery < 'a & b'::tsquery, 'x | y'::tsquery < 'x & y'::tsquery, ''::tsquery < 'a'::tsquery
select 'a'::tsvector = 'a'::tsvector, 'a'::tsvector < 'b'::tsvector, 'ab'::tsvector > 'b'::tsvector, 'a:1'::tsvector < 'a'::tsvector, 'a:1'::tsvector < 'a:2'::tsvector, 'a:1A'::tsvector > 'a:1'::tsvector, 'a b'::tsvector > 'c'::tsvector, 'a:1,2'::tsvector < 'b:1'::tsvector, greatest('x'::tsvector, 'y'::tsvector), bitcmp(B'1', B'1')
