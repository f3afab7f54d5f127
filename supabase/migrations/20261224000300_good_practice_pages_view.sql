-- A good practice's page read seventeen of good_practice_cards' nineteen columns by name; PostgREST spent
-- 1.3 to 1.5 ms of its CPU on that call, with `*` 0.44 to 0.52 (measured on the local stack against
-- PostgREST itself, one good practice, 3 rounds of 1 000 calls, 4 at a time). `*` on the cards would also
-- work out the two columns the page does not show, the provinces among them (a subquery per row, for the
-- library's filter).
--
-- good_practice_pages: the page's seventeen columns of good_practice_cards, read with `*`; Postgres leaves
-- out what the view does not name. Security invoker, as the cards: the policies on the tables underneath
-- decide what each reader sees.

create view public.good_practice_pages
with (security_invoker = true) as
	select
		id, title, body, author_id, status, created_at, stem_letters, domains, age_min, age_max, format,
		what_worked, materials, links, participants, featured_at, communities
	from public.good_practice_cards;

comment on view public.good_practice_pages is
	'A good practice as its page shows it: good_practice_cards without updated_at and the provinces (read with `*`).';

revoke insert, update, delete, truncate on public.good_practice_pages from anon, authenticated;
grant select on public.good_practice_pages to anon, authenticated, service_role;
