-- pg_collation_for: an explicit COLLATE in the argument (through calls, casts and an aggregate's WITHIN GROUP), the
-- default for a collatable type, NULL for an untyped literal, an error for a type without collations
select pg_collation_for(NULL::text) a, pg_collation_for('foo') b, pg_collation_for('a' collate "C") c, pg_collation_for('a'::text collate "POSIX") d, pg_collation_for(upper('a' collate "C")) e, pg_collation_for('a' collate ucs_basic) f, pg_collation_for(NULL) g
select pg_collation_for(percentile_disc(1) within group (order by x collate "POSIX")) from (values ('fred'), ('jim')) v(x)
select pg_collation_for(max(x)) from (values ('fred'), ('jim')) v(x)
select pg_collation_for(x) from (values ('fred'), ('jim')) v(x)
select pg_collation_for(1)
select pg_collation_for(x) from (values (1)) v(x) where false
-- a hypothetical-set aggregate's value and its ordering column may not name two different collations
select rank('adam'::text collate "C") within group (order by x collate "POSIX") from (values ('fred'), ('jim')) v(x)
select rank('adam'::text collate "C", 1) within group (order by x collate "POSIX", 2) from (values ('fred'), ('jim')) v(x)
select rank('adam'::text collate "C") within group (order by x collate "C") from (values ('fred'), ('jim')) v(x)
select rank('adam'::varchar collate "C") within group (order by x) from (values ('fred'), ('jim')) v(x)
