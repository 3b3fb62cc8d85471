-- catalog reads pg_dump makes: a name subscripted as its "char" array, pg_options_to_table
select ('abc'::name)[0], ('abc'::name)[2], ('abc'::name)[3] = '', ('abc'::name)[70] is null, ('abc'::name)[-1] is null
select pg_typeof(('abc'::name)[0])
select typname from pg_type where typname[0] = '_' and typname in ('_int4', 'int4')
select * from pg_options_to_table(array['a=1','b','c=x=y'])
select count(*) from pg_options_to_table(null)
