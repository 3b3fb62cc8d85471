-- ALTER ... IF EXISTS OWNER TO of a missing relation is a notice; a sequence's new owner must be a role the user can become, with CREATE on the schema
alter table if exists aoc_missing owner to postgres
alter view if exists aoc_missing owner to postgres
alter sequence if exists aoc_missing owner to postgres
alter table aoc_missing owner to postgres
create role aoc_r1; create role aoc_r2; create schema aoc_s; grant usage on schema aoc_s to aoc_r1, aoc_r2; create sequence aoc_s.q; alter sequence aoc_s.q owner to aoc_r1
set role aoc_r1; alter sequence aoc_s.q owner to aoc_r2
grant aoc_r2 to aoc_r1
set role aoc_r1; alter sequence aoc_s.q owner to aoc_r2
set role aoc_r1; alter table aoc_s.q owner to aoc_r2
grant create on schema aoc_s to aoc_r2; set role aoc_r1; alter sequence aoc_s.q owner to aoc_r2; reset role; select pg_get_userbyid(relowner) from pg_class where relname = 'q' and relnamespace = 'aoc_s'::regnamespace
set role aoc_r2; alter sequence aoc_s.q owner to aoc_r1
drop sequence aoc_s.q; drop schema aoc_s; drop role aoc_r1; drop role aoc_r2
