-- The agreement page (/afspraken/[id]) asked seven API round trips in three waves: the agreement with its
-- request, offer and sides; its history; its thread; how many room bookings; the person's memberships;
-- then the display names of the people in it (and the volunteers for agreements that bring people).
-- One call now (issue 15: signed-in pages fast). Security invoker: every part is read under the caller's
-- own RLS, exactly as the separate requests were, so a person sees what they saw before and nothing
-- more: null when the agreement is not theirs to see (or does not exist). Anonymous callers may not call it.
create or replace function public.agreement_page(p_id uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
	-- plpgsql, not sql: its plan is kept per connection (a sql function is planned again on every call).
	return (select jsonb_build_object(
		'agreement', jsonb_build_object(
			'id', a.id, 'status', a.status, 'updated_at', a.updated_at, 'academy_id', a.academy_id,
			'offer_id', a.offer_id, 'provider_id', a.provider_id,
			'proposed_by_organisation', a.proposed_by_organisation, 'helper_id', a.helper_id,
			'booking_weekday', a.booking_weekday, 'booking_starts', a.booking_starts,
			'booking_ends', a.booking_ends, 'booking_from', a.booking_from, 'booking_until', a.booking_until,
			'given_sessions', a.given_sessions, 'given_hours', a.given_hours, 'given_items', a.given_items,
			'thank_you', a.thank_you, 'first_session_on', a.first_session_on,
			'helper_availability', a.helper_availability
		) || jsonb_build_object(
			'request', (
				select jsonb_build_object('id', r.id, 'title', r.title, 'kind', r.kind, 'description', r.description)
				from public.requests r where r.id = a.request_id
			),
			'offer', (
				select jsonb_build_object('id', f.id, 'title', f.title, 'kind', f.kind, 'description', f.description)
				from public.offers f where f.id = a.offer_id
			),
			'academy', (
				select jsonb_build_object('id', o.id, 'name', o.name, 'slug', o.slug)
				from public.organisations o where o.id = a.academy_id
			),
			'provider', (
				select jsonb_build_object('id', o.id, 'name', o.name, 'slug', o.slug)
				from public.organisations o where o.id = a.provider_id
			)
		),
		'events', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', e.id, 'status', e.status, 'actor', e.actor, 'organisation_id', e.organisation_id,
				'note', e.note, 'created_at', e.created_at) order by e.id)
			from public.agreement_events e where e.agreement_id = a.id
		), '[]'::jsonb),
		'messages', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', g.id, 'body', g.body, 'author', g.author, 'organisation_id', g.organisation_id,
				'created_at', g.created_at) order by g.id)
			from public.agreement_messages g where g.agreement_id = a.id
		), '[]'::jsonb),
		'bookings', (select count(*) from public.room_bookings b where b.agreement_id = a.id),
		'my_sides', coalesce((
			select jsonb_agg(m.organisation_id order by m.organisation_id)
			from public.memberships m
			where m.user_id = (select auth.uid()) and m.organisation_id in (a.academy_id, a.provider_id)
		), '[]'::jsonb),
		'names', coalesce((
			select jsonb_object_agg(p.id, p.display_name)
			from public.profiles p
			where p.id = any (array(
				select a.helper_id
				union select e.actor from public.agreement_events e where e.agreement_id = a.id
				union select g.author from public.agreement_messages g where g.agreement_id = a.id
			))
		), '{}'::jsonb),
		'volunteers', coalesce((
			select jsonb_agg(jsonb_build_object('id', v.id, 'name', v.name))
			from public.agreement_volunteers v where v.agreement_id = a.id
		), '[]'::jsonb)
	)
	from public.agreements a
	where a.id = p_id and (select auth.uid()) is not null);
end;
$$;

comment on function public.agreement_page(uuid) is
	'The agreement page in one call, read under the caller''s RLS: agreement (with request, offer, academy, provider), events, messages, bookings (count), my_sides (the caller''s organisations among the two sides), names (display names of the people in it the caller may see), volunteers. Null when the caller may not see the agreement.';

revoke execute on function public.agreement_page(uuid) from public, anon;
grant execute on function public.agreement_page(uuid) to authenticated, service_role;
