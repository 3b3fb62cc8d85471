-- pg_operator rows of CREATE OPERATOR, and the casts between "char" and integer
create function tools_s21_oprf(int, int) returns int language sql immutable as 'select $1 * 10 + $2';
create operator ### (leftarg = int, rightarg = int, function = tools_s21_oprf);
select oprname, oprkind, oprleft::regtype, oprright::regtype, oprresult::regtype, oprcode::regproc, oprowner::regrole from pg_operator where oprname = '###';
select 1 ### 2;
select count(*) from pg_operator where oprname = '###' and oprnamespace = 'public'::regnamespace;
drop operator ### (int, int);
select count(*) from pg_operator where oprname = '###';
drop function tools_s21_oprf(int, int);
select 'a'::"char"::int, 65::"char", (-1)::"char"::int, 0::"char"::int;
select 200::"char";
select '\200'::"char"::int;
select 'b'::"char"::integer + 1, 97::int4::"char" = 'a';
