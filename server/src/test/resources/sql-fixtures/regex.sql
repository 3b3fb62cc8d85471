-- POSIX regular expression operators
select 'abc' ~ 'b', 'abc' ~ '^b', 'abc' !~ 'x', 'ABC' ~* 'b', 'ABC' !~* 'b'
select 'thomas' ~ '.*thom.*', 'thomas' ~* '.*Thom.*', 'thomas' !~ '.*thom.*', 'thomas' !~* '.*vadim.*'
select 'abc'::name ~ 'a.c', 'abc'::name ~* 'A', 'abc'::name !~ 'z', 'abc'::name !~* 'B'
select 'ab  '::char(4) ~ 'b$', 'ab'::char(4) ~* 'AB', 'ab'::char(2) !~ 'x'
select 'foo123' ~ '^[a-z]+[0-9]{3}$', 'foo12' ~ '^[a-z]+[0-9]{3}$', 'aaa' ~ '^a{2,3}$', 'aaaa' ~ '^a{2,3}$'
select 'é' ~ '^[[:alpha:]]$', 'É' ~* 'é', E'a\nb' ~ 'a.b', E'a\n' ~ 'a$', E'a\nb' ~ '^b'
select 'a1' ~ '^[[:alpha:]][[:digit:]]$', 'x' ~ '[]x]', 'a&b' ~ '[&]', 'a-b' ~ '[a\-]-', 'A b' ~ '^[[:upper:]][[:space:]][[:lower:]]$'
select 'ab' ~ '\mab\M', 'a b' ~ 'a\yb', 'ab' ~ '[[:<:]]ab[[:>:]]', 'xaby' ~ '\mab', 'a.b' ~ 'a\.b', 'axb' ~ 'a\.b'
select 'abc' ~ '\Aabc\Z', E'abc\n' ~ 'abc\Z', 'a1 b2' ~ '\d\s\w\d', E'tab\tx' ~ '\t'
select 'abab' ~ '^(ab)\1$', 'abac' ~ '^(ab)\1$', 'foobar' ~ 'foo(?=bar)', 'foobaz' ~ 'foo(?!bar)'
select 'xé' ~ '\u00e9', 'é' ~ '\xe9', 'é' ~ '\U000000e9'
select 'abc' ~ 'a(b'
select 'abc' ~ 'a[b'
select 'abc' ~ '*a'
select 'abc' ~ 'a{2,1}'
select 'abc' ~ 'a)'
select 'abc' ~ 'a\qb'
select 'abc' ~ 'a{1'
select 'a' ~ '\'
select null::text ~ 'a', 'a' ~ null
-- substring(... from pattern)
select substring('Thomas' from '...$'), substring('Thomas' from 'o.'), substring('Thomas' from 'x')
select substring('abcabc' from 'a.*?c'), substring('abcabc' from 'b*(a.*c)'), substring('foobar' from 'o(b)')
select substring('foobar' from '(x)?b'), substring('abc' from '')
-- regexp_replace
select regexp_replace('Thomas', '.[mN]a.', 'M'), regexp_replace('foobarbaz', 'b..', 'X', 'g'), regexp_replace('fooBAR', 'bar', 'x', 'i')
select regexp_replace('abc', '(b)', '[\1\&\\\2\x]'), regexp_replace('John Smith', '(\w+) (\w+)', '\2, \1')
select regexp_replace('aaa', 'a*?', '-', 'g'), regexp_replace('abc', 'x*', '-', 'g'), regexp_replace('abc', '', '-', 'g')
select replace(regexp_replace(E'ab\ncd', '^c', 'X', 'gn') || regexp_replace(E'ab\ncd', 'b$', 'X', 'n') || regexp_replace(E'ab\ncd', 'b.c', 'X', 'n') || regexp_replace(E'ab\ncd', 'b.c', 'X'), E'\n', '/')
select regexp_replace('a.c', '.', 'x', 'gq'), regexp_replace('abc', 'b', 'x', 'q'), regexp_replace('a b', 'a b', 'X', 'x')
select regexp_replace('abc', 'b', 'x', 'z')
select regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 0, 'i'), regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 3, 'i')
select regexp_replace('abcabc', 'b', 'X', 3), regexp_replace('abcabc', 'b', 'X', 3, 0), regexp_replace('abc', 'b', 'X', 10)
select regexp_replace('abcb', 'b', 'x', 1, 0, 'g'), regexp_replace('abcbb', 'b', 'x', 1, 2, 'g')
select regexp_replace('abc', 'b', 'x', 0)
select regexp_replace('abc', 'b', 'x', 1, -1)
select regexp_replace('héllo wörld', '[éö]', '_', 'g'), regexp_replace('héllo', 'l+', 'L', 2, 1)
-- regexp_count / regexp_instr / regexp_like / regexp_substr
select regexp_count('ABCABCAXYaxy', 'A.'), regexp_count('ABCABCAXYaxy', 'A.', 1, 'i'), regexp_count('abcabc', 'b', 3), regexp_count('abc', 'b', 10)
select regexp_count('abc', 'b', 0)
select regexp_count('abc', 'b', 1, 'g')
select regexp_instr('number of your street, town zip, FR', '[^,]+', 1, 2), regexp_instr('ABCDEFGHI', '(c..)(...)', 1, 1, 0, 'i', 2)
select regexp_instr('abcb', 'b'), regexp_instr('abcb', 'b', 3), regexp_instr('abcb', 'b', 1, 2, 1), regexp_instr('abc', 'x'), regexp_instr('héllo', 'l')
select regexp_instr('abc', 'b', 1, 1, 2)
select regexp_instr('abc', '(b)', 1, 1, 0, '', -1)
select regexp_instr('abc', '(b)', 1, 1, 0, '', 5), regexp_instr('abc', 'b', 1, 5)
select regexp_like('Hello World', 'world$', 'i'), regexp_like('Hello World', 'world$'), regexp_like('abc', 'B', 'c')
select regexp_like('abc', 'b', 'g')
select regexp_substr('number of your street, town zip, FR', '[^,]+', 1, 2), regexp_substr('ABCDEFGHI', '(c..)(...)', 1, 1, 'i', 2)
select regexp_substr('abc', 'x'), regexp_substr('abcabc', 'b.', 3), regexp_substr('abc', '(b)', 1, 1, '', 3)
select regexp_substr('abc', 'b', 1, 0)
-- SIMILAR TO
select similar_to_escape('a%_(b)[x.]\y$^'), similar_to_escape('a#"b#"c', '#'), similar_to_escape('x', '')
select similar_to_escape('x', 'ab')
-- SIMILAR TO is not parsed yet: its translation checked through ~
select 'abc' ~ similar_to_escape('abc'), 'abc' ~ similar_to_escape('a'), 'abc' ~ similar_to_escape('%(b|d)%'), 'abc' ~ similar_to_escape('(b|c)%')
select 'a%c' ~ similar_to_escape('a#%c', '#'), 'abc' ~ similar_to_escape('a#%c', '#'), 'a.c' ~ similar_to_escape('a.c'), 'abc' ~ similar_to_escape('a.c')
select 'ab' ~ similar_to_escape('[a-c]{2}'), 'a' ~ similar_to_escape('a#', '#'), 'a+' ~ similar_to_escape('a+'), 'aa' ~ similar_to_escape('a+')
select substring('foobar' from similar_to_escape('%#"o_b#"%', '#')), substring('foobar' from similar_to_escape('#"o_b#"%', '#'))
select similar_to_escape('a#"b#"c#"', '#')
select similar_escape('a%', null), similar_escape(null, '#') is null
-- LIKE with ESCAPE
select 'a_c' like 'a#_c' escape '#', 'abc' like 'a#_c' escape '#', 'a%' like 'a$%' escape '$', 'a\b' like 'a\b' escape ''
select 'ab' like 'a#' escape '#'
select 'ab' like 'a' escape 'xy'
select 'ABC' ilike 'a#_c' escape '#', 'A_C' ilike 'a#_c' escape '#', 'abc' not like 'a%' escape '!'
-- text[] results
select regexp_match('foobarbequebaz', 'bar.*que'), regexp_match('foobarbequebaz', '(bar)(beque)'), regexp_match('abc', 'x'), regexp_match('ABC', 'b', 'i'), regexp_match('ab', '(a)(x)?')
select regexp_match('abc', 'b', 'g')
select regexp_split_to_array('hello world', '\s+'), regexp_split_to_array('a,b,,c', ','), regexp_split_to_array('abc', ''), regexp_split_to_array('a,', ','), regexp_split_to_array(',a', ','), regexp_split_to_array('aXbxc', 'x', 'i')
select regexp_split_to_array('abc', 'x*'), regexp_split_to_array('', 'x'), regexp_split_to_array('a "b" c', ' ')
select regexp_split_to_array('abc', 'b', 'g')
select string_to_array('a,b,c', ','), string_to_array('a,b,,c', ',', ''), string_to_array('abc', null), string_to_array('abc', ''), string_to_array('', ','), string_to_array(null, ',') is null, string_to_array('a<>b<>c', '<>', 'b')
-- leftmost-longest: an RE with alternation takes the longest match at the leftmost position
select substring('xyz' from 'x|xy'), substring('abcd' from '(a|ab)(c|bcd)'), regexp_replace('abcd', 'a|ab', 'X'), substring('xyz' from 'x*?y?'), substring('aaa' from 'a|aa|aaa')
select substring('abc' from '(a|ab)'), regexp_replace('foo bar', 'o|oo', '_', 'g'), 'x' ~ 'x|xy', regexp_count('aaaa', 'a|aa'), regexp_substr('say hello', 'he|hell|hello'), regexp_instr('say hello', 'he|hell|hello', 1, 1, 1)
select regexp_split_to_array('a1b22c', '2|22|1'), regexp_match('xabcx', 'ab|abc'), substring('abab' from '(ab|a)*?b')
select regexp_replace(E'a\nb', 'a[^x]b', 'X', 'n') = E'a\nb', regexp_replace(E'a\nb', 'a[^x]b', 'X'), regexp_count(E'a\nb\nc', '^[^x]', 1, 'n'), regexp_replace(E'a\nb', 'a[^x]b', 'X', 'p') = E'a\nb', regexp_replace(E'a\nb', 'a[^x]b', 'X', 'w')
-- everyday patterns
select 'john.doe@example.com' ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$', 'bad@x' ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$', '555-1234' ~ '^\d{3}-\d{4}$'
select regexp_replace('  hello   world  ', '^\s+|\s+$', '', 'g'), regexp_replace('hello world', '(\w)(\w*)', '\2\1ay', 'g'), regexp_replace('a.b.c', '\.', '/', 'g'), regexp_replace('AbC', '[a-z]', '_', 'gi')
select regexp_replace('2024-01-15', '(\d+)-(\d+)-(\d+)', '\3/\2/\1'), regexp_match('key=value; k2=v2', '(\w+)=(\w+)'), regexp_split_to_array('one, two,three ,four', '\s*,\s*')
select 'Hello World' ~* 'hello\s+WORLD', 'abc123' ~ '^[[:alnum:]]+$', 'ab c' ~ '^[[:alnum:]]+$', E'tab\t' ~ '[[:blank:]]', 'X' ~ '[[:punct:]]', '!' ~ '[[:punct:]]'
select substring('The year 2023 was good' from '\d{4}'), substring('foo(bar)baz' from '\((.*)\)'), regexp_count('banana', 'an'), regexp_count('banana', 'a', 3), regexp_instr('banana', 'an', 1, 2)
select regexp_replace('aaa', 'a', 'b', 2), regexp_replace('abcabc', 'b', '[\&]', 'g'), regexp_replace('foo', 'o*', 'x'), regexp_replace('foo', 'o*', 'x', 'g'), regexp_replace('', '^', 'x')
select 'foo' ~ '(?:f)(o)\1', 'abc' ~ 'a(?=b)', 'abc' ~ 'a(?!b)', 'x{2}' ~ 'x\{2\}', 'a+b' ~ 'a\+b', '$5' ~ '^\$\d'
select 'ABC' ~ '(?i)abc', 'a.c' ~ '***=a.c', 'abc' ~ '***=a.c', 'ABC' ~ '***:(?i)b', E'a\nb' ~ '(?n)a.b', 'abc' ~ '(?x) a b c '
select 'a' ~ '(?z)a'
