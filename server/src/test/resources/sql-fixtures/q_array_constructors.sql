select array[[1,2],[3,4]]
select array[[1,2],[3,4]][2][1]
select array[[[1,2],[3,4]],[[5,6],[7,8]]]
select array[[1,2],[3]]
select array[[1,2],[3.5,4]]
select array[['a'],['b']]
select array[]::int[]
select 5 = all (array[]::int[])
select array[array[1,2], array[3,4]]
select unnest(array[[1,2],[3,4]])
select array[[1,2],null]
