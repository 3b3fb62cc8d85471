-- tsvector and tsquery functions and operators that need no configuration
SELECT 'a:3A b:2a'::tsvector || 'ba:1234 a:1B'
SELECT '!!b'::tsquery
SELECT '!!!b'::tsquery
SELECT 'a & !!b'::tsquery
SELECT '!!a & b'::tsquery
SELECT '!!a & !!b'::tsquery
SELECT numnode( 'new'::tsquery )
SELECT numnode( 'new & york'::tsquery )
SELECT numnode( 'new & york | qwery'::tsquery )
SELECT 'foo & bar'::tsquery && 'asd'
SELECT 'foo & bar'::tsquery || 'asd & fg'
SELECT 'foo & bar'::tsquery || !!'asd & fg'::tsquery
SELECT 'foo & bar'::tsquery && 'asd | fg'
SELECT 'a b:89  ca:23A,64b d:34c'::tsvector @@ 'd:AC & ca' as "true"
SELECT 'a b:89  ca:23A,64b d:34c'::tsvector @@ 'd:AC & ca:B' as "true"
SELECT 'a b:89  ca:23A,64b d:34c'::tsvector @@ 'd:AC & ca:A' as "true"
SELECT 'a b:89  ca:23A,64b d:34c'::tsvector @@ 'd:AC & ca:C' as "false"
SELECT 'a b:89  ca:23A,64b d:34c'::tsvector @@ 'd:AC & ca:CB' as "true"
SELECT 'a b:89  ca:23A,64b d:34c'::tsvector @@ 'd:AC & c:*C' as "false"
SELECT 'a b:89  ca:23A,64b d:34c'::tsvector @@ 'd:AC & c:*CB' as "true"
SELECT 'a b:89  ca:23A,64b cb:80c d:34c'::tsvector @@ 'd:AC & c:*C' as "true"
SELECT 'a b:89  ca:23A,64c cb:80b d:34c'::tsvector @@ 'd:AC & c:*C' as "true"
SELECT 'a b:89  ca:23A,64c cb:80b d:34c'::tsvector @@ 'd:AC & c:*B' as "true"
SELECT 'wa:1D wb:2A'::tsvector @@ 'w:*D & w:*A'::tsquery as "true"
SELECT 'wa:1A'::tsvector @@ 'w:*A'::tsquery as "true"
SELECT 'wa:1A'::tsvector @@ 'w:*D'::tsquery as "false"
SELECT 'wa:1A'::tsvector @@ '!w:*A'::tsquery as "false"
SELECT 'wa:1A'::tsvector @@ '!w:*D'::tsquery as "true"
SELECT strip('wa:1A'::tsvector) @@ 'w:*A'::tsquery as "true"
SELECT strip('wa:1A'::tsvector) @@ 'w:*D'::tsquery as "true"
SELECT strip('wa:1A'::tsvector) @@ '!w:*A'::tsquery as "false"
SELECT strip('wa:1A'::tsvector) @@ '!w:*D'::tsquery as "false"
SELECT 'supernova'::tsvector @@ 'super'::tsquery AS "false"
SELECT 'supeanova supernova'::tsvector @@ 'super'::tsquery AS "false"
SELECT 'supeznova supernova'::tsvector @@ 'super'::tsquery AS "false"
SELECT 'supernova'::tsvector @@ 'super:*'::tsquery AS "true"
SELECT 'supeanova supernova'::tsvector @@ 'super:*'::tsquery AS "true"
SELECT 'supeznova supernova'::tsvector @@ 'super:*'::tsquery AS "true"
SELECT strip('w:12B w:13* w:12,5,6 a:1,3* a:3 w asd:1dc asd'::tsvector)
SELECT strip('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector)
SELECT strip('base hidden rebel spaceship strike'::tsvector)
SELECT ts_delete('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector, 'base')
SELECT ts_delete('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector, 'bas')
SELECT ts_delete('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector, 'bases')
SELECT ts_delete('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector, 'spaceship')
SELECT ts_delete('base hidden rebel spaceship strike'::tsvector, 'spaceship')
SELECT ts_delete('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector, ARRAY['spaceship','rebel'])
SELECT ts_delete('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector, ARRAY['spaceships','rebel'])
SELECT ts_delete('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector, ARRAY['spaceshi','rebel'])
SELECT ts_delete('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector, ARRAY['spaceship','leya','rebel'])
SELECT ts_delete('base hidden rebel spaceship strike'::tsvector, ARRAY['spaceship','leya','rebel'])
SELECT ts_delete('base hidden rebel spaceship strike'::tsvector, ARRAY['spaceship','leya','rebel','rebel'])
SELECT ts_delete('base hidden rebel spaceship strike'::tsvector, ARRAY['spaceship','leya','rebel', '', NULL])
SELECT tsvector_to_array('base:7 hidden:6 rebel:1 spaceship:2,33A,34B,35C,36D strike:3'::tsvector)
SELECT tsvector_to_array('base hidden rebel spaceship strike'::tsvector)
SELECT setweight('w:12B w:13* w:12,5,6 a:1,3* a:3 w asd:1dc asd zxc:81,567,222A'::tsvector, 'c')
SELECT setweight('a:1,3A asd:1C w:5,6,12B,13A zxc:81,222A,567'::tsvector, 'c')
SELECT setweight('a:1,3A asd:1C w:5,6,12B,13A zxc:81,222A,567'::tsvector, 'c', '{a}')
SELECT setweight('a:1,3A asd:1C w:5,6,12B,13A zxc:81,222A,567'::tsvector, 'c', '{a}')
SELECT setweight('a:1,3A asd:1C w:5,6,12B,13A zxc:81,222A,567'::tsvector, 'c', '{a,zxc}')
SELECT setweight('a asd w:5,6,12B,13A zxc'::tsvector, 'c', ARRAY['a', 'zxc', '', NULL])
