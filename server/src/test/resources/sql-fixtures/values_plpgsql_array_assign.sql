-- PL/pgSQL a[i] := v assigns one element of an array variable (extending it, NULL-filling gaps)
do $$ declare a int[]; b text[] := '{x}'; begin a := '[1:2]={1,2}'::int[]; a[5] := 42; a[0] := '7'; b[2] := 3; raise exception '% %', a, b; end $$;
do $$ declare a int[][] := '{{1,2},{3,4}}'; begin a[2][1] := 9; raise exception '%', a; end $$;
do $$ declare a int[]; begin a[3] := 5; raise exception '% %', a, array_lower(a, 1); end $$;
do $$ declare a int[]; i int := 2; begin a[i * 2] := i; raise exception '%', a; end $$;
-- the size limit, a NULL subscript, a value that is not of the element type
do $$ declare a int[]; begin a := '[-2147483648:-2147483647]={1,2}'::int[]; a[2147483647] := 42; end $$;
do $$ declare a int[]; begin a[null] := 1; end $$;
do $$ declare a int[]; begin a[1] := 'abc'; end $$;
do $$ declare a int[] := '{{1,2}}'; begin a[1] := 1; end $$;
-- ARRAY[] cast to a vector type is rejected as in PostgreSQL
select array[]::oidvector;
select array[]::int2vector;
select array[1,2]::oidvector;
