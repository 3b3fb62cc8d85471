-- SET (a, b) = (SELECT ...) is a MULTIEXPR SubPlan: the columns read the parameters it sets, it stands in the target list
drop table if exists tails_ma
create table tails_ma (a int, b int, c text)
insert into tails_ma values (1, 10, 'x'), (2, 20, 'y')
explain (verbose, costs off) update tails_ma t set (a, b) = (select b, a from tails_ma s where s.a = t.a) where current_user = session_user
explain (verbose, costs off) update tails_ma t set (a, b) = (select b, a from tails_ma s where s.a = t.a)
explain (verbose, costs off) update tails_ma t set (b, a) = (select b + 1, a from tails_ma s where s.a = t.a), c = 'z'
explain (verbose, costs off) update tails_ma t set (c, b) = (select 'w', 5)
explain (costs off) update tails_ma t set (a, b) = (select b, a from tails_ma s where s.a = t.a)
explain (verbose, costs off) update tails_ma t set a = (select max(b) from tails_ma s where s.a = t.a)
explain (verbose, costs off) update tails_ma t set a = (select max(b) from tails_ma s where s.a = t.a) returning (select 1 from tails_ma z where z.a = t.b)
explain (verbose, costs off) update tails_ma t set a = (select max(b) from tails_ma s), b = (select max(a) from tails_ma s where s.b = t.b) where current_user = session_user
explain (verbose, costs off) delete from tails_ma t where current_user = session_user
update tails_ma t set (b, a) = (select b + 1, a from tails_ma s where s.a = t.a), c = 'z' returning *
update tails_ma t set (c, b) = (select 'w', 5) returning *
drop table tails_ma
