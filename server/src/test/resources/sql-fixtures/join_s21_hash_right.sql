-- a LEFT join whose preserved side is the smaller one hashes it and probes with the larger (Hash Right Join), a FULL
-- join may hash too (Hash Full Join); the unmatched hashed rows, NULL keys among them, come out after the probes
drop table if exists join_s21_hr_small, join_s21_hr_big;
create table join_s21_hr_small (id int, v text); create table join_s21_hr_big (id int, w int);
insert into join_s21_hr_small values (1,'one'),(2,'two'),(3,'three'),(null,'nul'),(2000,'far');
insert into join_s21_hr_big select g % 500, g from generate_series(1,2000) g; insert into join_s21_hr_big values (null, -1);
analyze join_s21_hr_small; analyze join_s21_hr_big;
explain (costs off) select s.v, b.w from join_s21_hr_small s left join join_s21_hr_big b on s.id = b.id;
select s.v, b.w from join_s21_hr_small s left join join_s21_hr_big b on s.id = b.id order by 1, 2;
explain (costs off) select s.v, b.w from join_s21_hr_big b right join join_s21_hr_small s on s.id = b.id;
select s.v, b.w from join_s21_hr_big b right join join_s21_hr_small s on s.id = b.id order by 1, 2;
explain (costs off) select s.v, b.w from join_s21_hr_small s left join join_s21_hr_big b on s.id = b.id and b.w > 1000 and s.v <> 'two';
select s.v, b.w from join_s21_hr_small s left join join_s21_hr_big b on s.id = b.id and b.w > 1000 and s.v <> 'two' order by 1, 2;
explain (costs off) select s.v, b.w from join_s21_hr_small s full join join_s21_hr_big b on s.id = b.id;
select count(*), count(s.v), count(b.w), count(*) filter (where s.v is null), count(*) filter (where b.w is null) from join_s21_hr_small s full join join_s21_hr_big b on s.id = b.id;
explain (costs off) select s.v, b.w from join_s21_hr_small s full join join_s21_hr_big b on s.id = b.id where b.w < 3 or b.w is null;
select s.v, b.w from join_s21_hr_small s full join join_s21_hr_big b on s.id = b.id where b.w < 3 or b.w is null order by 1, 2;
set work_mem = '64kB'; select count(*), count(a.w), count(b.w), sum(a.w - b.w) from join_s21_hr_big a full join join_s21_hr_big b on a.id = b.id and a.w > b.w + 600; reset work_mem;
set work_mem = '64kB'; select count(*), count(s.v), count(b.w) from join_s21_hr_big b right join join_s21_hr_small s on s.id = b.id; reset work_mem;
drop table join_s21_hr_small, join_s21_hr_big;
