-- An event's page (/evenementen/[id]) in one call (issue 15). The page read the event with three embeds
-- (municipality, organisation, community) and event_summary() (the counts and the organiser's name) beside
-- it: two calls, ~2.2 ms of PostgREST's CPU a request. event_page() answers the same object: the event's
-- columns, the three embeds as the select gave them, and event_summary()'s going, waiting and
-- organiser_name.
--
-- Security invoker: the event and the tables it embeds are read under the caller's RLS, as the select was;
-- event_summary() stays the security definer function it is (counts only, for an active community). Null
-- when the caller may not read the event, or when event_summary() gives no row (a community that is not
-- active), as the page's two calls together did.
create function public.event_page(p_id uuid)
returns json
language sql
stable
security invoker
set search_path = ''
as $$
	select json_build_object(
		'id', e.id,
		'kind', e.kind,
		'title', e.title,
		'starts_at', e.starts_at,
		'ends_at', e.ends_at,
		'address', e.address,
		'status', e.status,
		'capacity', e.capacity,
		'description', e.description,
		'organiser_id', e.organiser_id,
		'updated_at', e.updated_at,
		'municipality', (
			select json_build_object('name_nl', m.name_nl) from public.municipalities m
			where m.nis = e.municipality_nis
		),
		'organisation', (
			select json_build_object('name', o.name) from public.organisations o where o.id = e.organisation_id
		),
		'community', (
			select json_build_object(
				'id', c.id, 'name', c.name, 'kind', c.kind, 'slug', c.slug, 'municipality_nis', c.municipality_nis
			)
			from public.communities c where c.id = e.community_id
		),
		'going', s.going,
		'waiting', s.waiting,
		'organiser_name', s.organiser_name
	)
	from public.community_events e
	cross join lateral public.event_summary(e.id) s
	where e.id = p_id;
$$;

comment on function public.event_page(uuid) is
	'One event as its page reads it: the columns with municipality, organisation and community, and event_summary()''s counts and organiser name, under the caller''s RLS; null when the caller may not read it.';

revoke execute on function public.event_page(uuid) from public;
grant execute on function public.event_page(uuid) to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
