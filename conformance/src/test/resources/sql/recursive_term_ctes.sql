-- A WITH item defined inside a recursive term reads that term's work table; PostgreSQL prints it under the term's
-- top node (the plan of the query level defining it), not with the statement's top-level CTEs.
EXPLAIN (VERBOSE, COSTS OFF)
WITH RECURSIVE x(a) AS
  ((VALUES ('a'), ('b'))
   UNION ALL
   (WITH z AS NOT MATERIALIZED (SELECT * FROM x)
    SELECT z.a || z1.a AS a FROM z CROSS JOIN z AS z1
    WHERE length(z.a || z1.a) < 5))
SELECT * FROM x;
WITH RECURSIVE x(a) AS
  ((VALUES ('a'), ('b'))
   UNION ALL
   (WITH z AS NOT MATERIALIZED (SELECT * FROM x)
    SELECT z.a || z1.a AS a FROM z CROSS JOIN z AS z1
    WHERE length(z.a || z1.a) < 5))
SELECT * FROM x ORDER BY a;
