-- Issue 15: the public lists of academies, schools, companies and partners show one kind by name, 24 to a
-- page (`order by name, id`, then a range). With only an index on `kind` Postgres read every organisation
-- of the kind, sorted them and kept 24; for /academies it also counted the upcoming activities of every
-- academy (academy_overview's lateral join) before the sort threw away all but 24. In the kind's name order
-- it reads the first 24 and stops: `select * from academy_cards order by name, id limit 24` as anon, 163
-- academies in the seed, 2.1 ms before and 0.55 ms after (EXPLAIN ANALYZE); organisation_cards for the
-- schools reads 24 index entries instead of all of them. The lists also count the rows of their filter
-- (PostgREST's count=exact), which this leaves as it was: `select count(*) from academy_cards` needs no
-- activity count (Postgres leaves the lateral join out) and took 0.35 ms before. A filter the index does
-- not cover, or a later page, reads more rows than 24, as before.
--
-- The new index begins with `kind`, so it answers whatever the index on `kind` alone answered.

create index organisations_kind_name_id_idx on public.organisations (kind, name, id);
drop index public.organisations_kind_idx;
