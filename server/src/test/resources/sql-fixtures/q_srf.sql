select generate_series(1,3)
select generate_series(1,3) as g, 'x'
select generate_series(1,2), generate_series(1,3)
select unnest(array[1,2,3]) + 1
select unnest(array['a','b']) u order by u desc
select count(*), generate_series(1,2) from (values (1),(2)) v(x)
select x, generate_series(1, x) from (values (1),(2),(0)) v(x)
select regexp_split_to_table('a b', ' ')
select jsonb_array_elements_text('["a","b"]')
