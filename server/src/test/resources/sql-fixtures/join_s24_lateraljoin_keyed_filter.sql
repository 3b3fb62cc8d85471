-- A condition on the keyed table of an index nested loop is that index scan's Filter, and a nested loop whose total
-- cost is within 1% of a hash or merge join's wins by its lower startup cost (add_path's fuzzy comparison)
drop table if exists join_s24_kf_t, join_s24_kf_i, join_s24_kf_x;
create table join_s24_kf_t (unique2 int, ten int, stringu2 text); create table join_s24_kf_i (f1 int); create table join_s24_kf_x (f1 text);
insert into join_s24_kf_t select g, g % 10, 'AAA' || chr(65 + g % 26) || 'xx' from generate_series(0, 9999) g; insert into join_s24_kf_i values (0), (123456), (-123456), (2147483647), (-2147483647); insert into join_s24_kf_x values ('doh!'), ('hi de ho neighbor');
create unique index join_s24_kf_t_u2 on join_s24_kf_t (unique2);
vacuum analyze join_s24_kf_t;
vacuum join_s24_kf_i;
vacuum join_s24_kf_x;
explain (costs off) select x.* from join_s24_kf_x x left join (select case t.ten when 0 then 'doh!'::text else null::text end as case1, t.stringu2 from join_s24_kf_t t join join_s24_kf_i i on i.f1 = t.unique2) ss on ss.case1 = x.f1 where ss.stringu2 !~* ss.case1;
select x.* from join_s24_kf_x x left join (select case t.ten when 0 then 'doh!'::text else null::text end as case1, t.stringu2 from join_s24_kf_t t join join_s24_kf_i i on i.f1 = t.unique2) ss on ss.case1 = x.f1 where ss.stringu2 !~* ss.case1;
select x.*, ss.* from join_s24_kf_x x left join (select case t.ten when 0 then 'doh!'::text else null::text end as case1, t.stringu2 from join_s24_kf_t t join join_s24_kf_i i on i.f1 = t.unique2) ss on x.f1 = ss.case1 where ss.stringu2 ~* ss.case1 or ss.case1 is null order by 1, 2, 3;
explain (costs off) select * from join_s24_kf_i i join join_s24_kf_t t on t.unique2 = i.f1 where t.stringu2 like 'AAAA%';
select * from join_s24_kf_i i join join_s24_kf_t t on t.unique2 = i.f1 where t.stringu2 like 'AAAA%';
drop table join_s24_kf_t, join_s24_kf_i, join_s24_kf_x;
