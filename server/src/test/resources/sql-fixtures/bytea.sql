-- bytea operators and functions
select '\x0102'::bytea || '\x03'::bytea, ''::bytea || '\xff'::bytea, 'abc'::bytea
select '\x01'::bytea = '\x01'::bytea, '\x01'::bytea < '\x02'::bytea, '\x7f'::bytea < '\x80'::bytea, '\x01'::bytea < '\x0100'::bytea, '\xff'::bytea >= '\x00ff'::bytea, '\x01'::bytea <> '\x01'::bytea
select length('\x010203'::bytea), octet_length(''::bytea), bit_length('\x0102'::bytea), length('abc'::bytea)
select substring('\x0102030405'::bytea from 2 for 3), substring('\x0102030405'::bytea from 3), substr('\x0102030405'::bytea, 0, 3), substring('\x01'::bytea from 5)
select substring('\x0102'::bytea from 1 for -1)
select position('\x03'::bytea in '\x010203'::bytea), position('\x09'::bytea in '\x0102'::bytea), position(''::bytea in '\x01'::bytea)
select btrim('\x0001020100'::bytea, '\x0001'::bytea), ltrim('\x0001020100'::bytea, '\x00'::bytea), rtrim('\x0001020100'::bytea, '\x00'::bytea), trim('\x00'::bytea from '\x000100'::bytea)
select overlay('\x0102030405'::bytea placing '\xaabb'::bytea from 2 for 3), overlay('\x010203'::bytea placing '\xff'::bytea from 2)
select overlay('\x01'::bytea placing '\xff'::bytea from 0)
select get_byte('\x1234567890'::bytea, 4), set_byte('\x1234567890'::bytea, 4, 64), get_bit('\x1234567890'::bytea, 30), set_bit('\x1234567890'::bytea, 30, 0)
select get_byte('\x12'::bytea, 1)
select set_byte('\x12'::bytea, -1, 0)
select get_bit('\x12'::bytea, 8)
select set_bit('\x12'::bytea, 0, 2)
select set_byte('\x12'::bytea, 0, 300), set_byte('\x12'::bytea, 0, -1)
select bit_count('\x1234567890'::bytea), bit_count(''::bytea)
select md5('\x00'::bytea), sha224('abc'::bytea), sha256('abc'::bytea)
select sha384(''::bytea), sha512('abc'::bytea)
select encode(sha256('hello'::bytea), 'hex'), encode(md5('x')::bytea, 'escape')
select 'abc'::bytea like 'a%'::bytea, 'abc'::bytea like '_b_'::bytea, 'abc'::bytea not like 'b%'::bytea, '\x00ff'::bytea like '\x00'::bytea || '%'::bytea
select 'a_c'::bytea like 'a#_c'::bytea escape '#', 'abc'::bytea like 'a#_c'::bytea escape '#'
select '\x41'::bytea::text, 'A\\B'::bytea, E'\\000'::bytea
-- uuid
select 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid = '{A0EEBC99-9C0B4EF8-BB6D-6BB9BD380A11}'::uuid, 'a0eebc999c0b4ef8bb6d6bb9bd380a11'::uuid
select '00000000-0000-0000-0000-000000000001'::uuid < 'ffffffff-0000-0000-0000-000000000000'::uuid, '80000000-0000-0000-0000-000000000000'::uuid > '7fffffff-ffff-ffff-ffff-ffffffffffff'::uuid
select '00000000-0000-0000-8000-000000000000'::uuid > '00000000-0000-0000-7fff-ffffffffffff'::uuid, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid <> 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12'::uuid
select 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid <= 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid >= 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid
select length(gen_random_uuid()::text), gen_random_uuid() <> gen_random_uuid(), substr(gen_random_uuid()::text, 15, 1), substr(gen_random_uuid()::text, 20, 1) ~ '^[89ab]$'
select 'not-a-uuid'::uuid
select 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid::text, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::text::uuid
