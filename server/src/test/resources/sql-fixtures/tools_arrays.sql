-- array functions and operators (arrayfuncs.c / array_userfuncs.c) as PostgreSQL 15 answers them
select array_cat(array[1,2],array[3]), array_cat(null::int[], array[1]), array_cat(array[1], null::int[]), array_cat(null::int[], null::int[]) is null
select array_cat('[2:3]={5,6}'::int[], '[4:5]={1,2}'::int[]), array_cat(array[1], array[[2],[3]]), array_cat(array[[2],[3]], array[1]), array_cat('{}'::int[], array[[1]])
select array_cat(array[1,2], array[[2],[3]])
select array_cat(array[[1,2]], array[[[2]]])
select array_cat(array[[1,2]], array[[2]])
select array_append(array[1,2],3), array_prepend(0,array[1]), array_append(null::int[], 1), array_prepend('x', null::text[]), array_append('{}'::text[], null)
select array_prepend(1,'[2:3]={5,6}'::int[]), array_append('[2:3]={5,6}'::int[],1)
select array_append(array[[1]], 2)
select array_prepend(1, array[[1]])
select array[1,2] || array[3], 1 || array[2], array[1] || 2, array[[1,2]] || array[3,4], array['a'] || 'b'::text, array[1] || null::int[]
select array_upper(array[[1,2],[3,4]],2), array_lower('[2:3]={1,2}'::int[],1), array_length(array[1,2,3],1), array_ndims(array[[1]]), array_dims('[2:3]={1,2}'::int[])
select array_lower('{}'::int[],1) is null, array_ndims('{}'::int[]) is null, array_dims('{}'::int[]) is null, array_upper(array[1],0) is null, array_length(array[1],2) is null
select cardinality(array[[1,2],[3,4]]), cardinality('{}'::int[]), cardinality(null::int[]) is null
select array_position(array['a','b','c'],'b'), array_positions(array[1,2,1],1), array_position('[3:5]={1,2,1}'::int[],1,4), array_positions(array[1],2), array_positions(array[null,1],null), array_position(array[1,null],null)
select array_position(array[[1]],1)
select array_position(array[1,2],2,null)
select array_position(array[1.0,2.00]::numeric[], 2), array_position(array['x'], 'y') is null
select array_remove(array[1,2,1],1), array_replace(array[1,2,1],1,9), array_remove('[2:4]={1,2,1}'::int[], 2), array_remove(array[1],1), array_replace('[2:3]={1,2}'::int[],2,null), array_remove(array[1,null],null)
select array_remove(array[[1,2]], 1)
select array_replace(array[[1,2],[1,3]], 1, 0), array_remove('{}'::int[], 1)
select array_fill(7, array[2,2]), array_fill(1, array[2], array[3]), array_fill(1, '{}'::int[]), array_fill(null::text, array[2]), array_fill('x'::text, array[1,1,2])
select array_fill(1, null)
select array_fill(1, array[[1]])
select array_fill(1, array[2], array[1,2])
select array_fill(1, array[2], null)
select trim_array(array[1,2,3],1), trim_array('[2:4]={1,2,3}'::int[], 2), trim_array(array[[1,2],[3,4]],1), trim_array(array[1],1)
select trim_array('[2:4]={1,2,3}'::int[], 4)
select array[1,2] < array[1,2,0], array[[1,2]] > array[1,2], '[0:1]={1,2}'::int[] < array[1,2], array[null::int] > array[1], array['b'] > array['a','c'], array[1,2] = array[1,2], array[2] >= array[1,9]
select array_larger(array[1,2], array[1,3]), array_smaller(array[1,2], array[1,3]), btarraycmp(array[1], array[1]), btarraycmp(array[2], array[1])
select array_agg(x) from generate_series(1,3) x
select array_agg(x) is null from generate_series(1,0) x
select array_agg(t) from (values ('a'), (null), ('c')) v(t)
select array_agg(array[x,x]) from generate_series(1,2) x
select array_agg(a) from (values (array[1]), (array[1,2])) v(a)
select array_agg(a) from (values (array[1]), (null)) v(a)
select x % 2, array_agg(x) from generate_series(1,5) x group by 1 order by 1
select array_to_string(array[1,null,3],',','*'), array_to_string(array_append(array['a'],'b'), '-')
select generate_subscripts(array[4,5,6],1), generate_subscripts('[2:3]={1,2}'::int[],1,true)
select max(a), min(a) from (values (array[1,2]), (array[1,3]), (array[0,9])) v(a)
select a from (values (array[2]), (array[1,3]), (array[1])) v(a) order by a
