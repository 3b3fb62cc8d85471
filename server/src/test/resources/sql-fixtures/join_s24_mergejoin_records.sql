-- a one-column B-tree of a type lakepg does not hash (a composite, record_ops) is still keyed by the outer row in a
-- nested loop: an index (only) scan under `column = outer value`, as PostgreSQL's parameterized index path; and its
-- equality merges (record_ops) over ordered index-only scans, the inner side materialized
drop table if exists join_s24_mr_t; drop type if exists join_s24_mr_ct;
create type join_s24_mr_ct as (id int, v bigint); create table join_s24_mr_t (idv join_s24_mr_ct); create index join_s24_mr_t_idx on join_s24_mr_t (idv);
set enable_mergejoin = 0; set enable_hashjoin = 0; explain (costs off) select a.idv, b.idv from join_s24_mr_t a, join_s24_mr_t b where a.idv = b.idv; reset enable_mergejoin; reset enable_hashjoin;
explain (costs off) select a.idv, b.idv from join_s24_mr_t a, join_s24_mr_t b where a.idv = b.idv;
insert into join_s24_mr_t select row(g % 5, g)::join_s24_mr_ct from generate_series(1, 30) g; insert into join_s24_mr_t values (null), (row(null, 3));
set enable_mergejoin = 0; set enable_hashjoin = 0; select a.idv, b.idv from join_s24_mr_t a, join_s24_mr_t b where a.idv = b.idv and (a.idv).id = 2 order by 1; reset enable_mergejoin; reset enable_hashjoin;
set enable_mergejoin = 0; set enable_hashjoin = 0; select count(*) from join_s24_mr_t a, join_s24_mr_t b where a.idv = b.idv; reset enable_mergejoin; reset enable_hashjoin;
set enable_hashjoin = 0; set enable_nestloop = 0; explain (costs off) select count(*) from join_s24_mr_t a, join_s24_mr_t b where a.idv = b.idv; reset enable_hashjoin; reset enable_nestloop;
set enable_hashjoin = 0; set enable_nestloop = 0; select count(*) from join_s24_mr_t a, join_s24_mr_t b where a.idv = b.idv; reset enable_hashjoin; reset enable_nestloop;
drop table join_s24_mr_t; drop type join_s24_mr_ct;
