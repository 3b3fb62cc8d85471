-- EXPLAIN VERBOSE: a join lists the PlaceHolderVars it carries (a pulled-up subquery's non-strict value below an
-- outer join) after all its relations' columns (add_placeholders_to_joinrel), and an OFFSET 0 subquery, which has
-- no Limit node, shows its own target list (a lateral reference to a PlaceHolderVar in one pair of parentheses)
drop table if exists join_s26_po_i8;
create table join_s26_po_i8 (q1 int8, q2 int8);
insert into join_s26_po_i8 values (123, 456), (123, 4567890123456789), (4567890123456789, 123), (4567890123456789, 4567890123456789), (4567890123456789, -4567890123456789);
analyze join_s26_po_i8;
explain (verbose, costs off) select * from join_s26_po_i8 c left join (join_s26_po_i8 a left join (select q1, coalesce(q2, 42) as x from join_s26_po_i8 b) ss1 on a.q2 = ss1.q1 cross join lateral (select q1, coalesce(ss1.x, q2) as y from join_s26_po_i8 d) ss2) on c.q2 = ss2.q1, lateral (select ss2.y offset 0) ss3;
explain (verbose, costs off) select * from join_s26_po_i8 a left join (select q1, coalesce(q2, 42) as x from join_s26_po_i8 b) ss on a.q2 = ss.q1, lateral (select ss.x offset 0) s3;
explain (verbose, costs off) select * from join_s26_po_i8 a left join (select q1, coalesce(q2, 42) as x from join_s26_po_i8 b) ss on a.q2 = ss.q1, lateral (select ss.x + 1 offset 0) s3;
select * from join_s26_po_i8 a left join (select q1, coalesce(q2, 42) as x from join_s26_po_i8 b) ss on a.q2 = ss.q1, lateral (select ss.x + 1 offset 0) s3 order by 1, 2, 3, 4;
drop table join_s26_po_i8;
