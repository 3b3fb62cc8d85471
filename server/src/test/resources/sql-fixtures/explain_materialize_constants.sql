-- EXPLAIN VERBOSE (issue 6): a Materialize over a subplan's constant output shows the constant bare (set_dummy_tlist_references)
explain (verbose, costs off) select row(row(row(1))) = any (select row(row(1)))
explain (verbose, costs off) select 1 = any (select 1)
explain (verbose, costs off) select 'a'::text = any (select 'a'::text)
