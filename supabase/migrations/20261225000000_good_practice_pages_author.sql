-- A good practice's page made two API calls: the practice (good_practice_pages) and then its author's name
-- from profiles, each with its own round trip through the gateway and PostgREST and its own transaction.
-- good_practice_pages now gives the name as its last column, read from profiles in the same statement.
-- The view stays security invoker, so the profiles' policies decide for each reader as the separate call
-- did: the name is null where this reader may not read the author's profile (by its visibility: members-only
-- for anonymous visitors, private for other people; the other policies on profiles, as network staff or a
-- fellow member of a community directory, still let their readers see it). One difference: an error reading
-- profiles now fails the page's one call, where the app ignored the separate call's error; anon and
-- authenticated may select from profiles (its policies filter the rows), and the view's test reads it as
-- both.

create or replace view public.good_practice_pages
with (security_invoker = true) as
	select
		c.id, c.title, c.body, c.author_id, c.status, c.created_at, c.stem_letters, c.domains, c.age_min,
		c.age_max, c.format, c.what_worked, c.materials, c.links, c.participants, c.featured_at, c.communities,
		(select p.display_name from public.profiles p where p.id = c.author_id) as author_name
	from public.good_practice_cards c;

comment on view public.good_practice_pages is
	'A good practice as its page shows it: good_practice_cards without updated_at and the provinces (read with `*`), and its author''s name where the reader may see their profile.';
