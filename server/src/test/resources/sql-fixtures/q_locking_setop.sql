-- FOR UPDATE and friends over set operations
select 1 union select 2 for update
select 1 except all select 2 for no key update
select 1 intersect select 1 for share
