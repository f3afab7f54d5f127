-- A person's page (/mensen/[id]) asked the API three times: their helper profile with its weekly slots,
-- their display name and their confirmed school. One call now (issue 15: "one RPC per page").
--
-- Security invoker: the rows come through the same tables as before, so RLS decides exactly as it did:
-- another person's profile only when it is for the reader, their school only once it confirmed the link.
-- The parts keep the shape PostgREST gave the separate queries, so the app maps them with the same code.
create or replace function public.person_page(p_user_id uuid)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select jsonb_build_object(
		'profile', (
			select jsonb_build_object(
				'user_id', h.user_id, 'subjects', h.subjects, 'grades', h.grades, 'interests', h.interests,
				'about', h.about, 'visibility', h.visibility,
				'helper_slots', coalesce((
					select jsonb_agg(jsonb_build_object('weekday', s.weekday, 'starts_at', s.starts_at, 'ends_at', s.ends_at))
					from public.helper_slots s where s.user_id = h.user_id
				), '[]'::jsonb)
			)
			from public.helper_profiles h where h.user_id = p_user_id
		),
		'person', (
			select jsonb_build_object('display_name', p.display_name)
			from public.profiles p where p.id = p_user_id
		),
		'link', (
			select jsonb_build_object(
				'status', l.status,
				'organisations', (
					select jsonb_build_object('name', o.name, 'slug', o.slug)
					from public.organisations o where o.id = l.school_id
				)
			)
			from public.helper_school_links l
			where l.user_id = p_user_id and l.status = 'confirmed'
			limit 1
		)
	);
$$;

comment on function public.person_page(uuid) is
	'A person''s page in one call (security invoker: RLS as for the separate queries): profile (with helper_slots), person (display_name) and link (a confirmed school), each null when the reader may not see it.';

revoke execute on function public.person_page(uuid) from public;
grant execute on function public.person_page(uuid) to anon, authenticated, service_role;
