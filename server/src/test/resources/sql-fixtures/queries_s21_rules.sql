drop table if exists queries_s21_rules_src, queries_s21_rules_dst;
create table queries_s21_rules_src (i int); insert into queries_s21_rules_src values (1),(2),(3);
create table queries_s21_rules_dst (a int); insert into queries_s21_rules_dst values (11),(12),(13);
create rule queries_s21_rules_ins as on insert to queries_s21_rules_dst do instead select * from queries_s21_rules_src;
with t1 as (delete from queries_s21_rules_dst returning *) insert into queries_s21_rules_dst select * from t1;
insert into queries_s21_rules_dst values (7);
drop table queries_s21_rules_src, queries_s21_rules_dst;
