-- Issue 15: functions that pages call on every request were planned again on every call. A SQL function
-- with a SET clause (here `search_path`) is never inlined, and PostgreSQL 17 plans its query anew each time
-- it runs; PL/pgSQL keeps the plan for the connection (generic, as 20261208000300_generic_plans.sql made the
-- other page functions, and 20261225000100 community_offer_ids()). Rewritten as PL/pgSQL, each with the same
-- query, arguments, answer, security (invoker, or definer where it was), row estimate, comment and grants
-- (CREATE OR REPLACE keeps those):
-- - a request's suggestions (suggest_offers(), on the request's page and five times on a signed-in
--   person's home): private.open_request_asked() once a call and private.offers_reaching_request_ranked()
--   twice (the pairs ranked first, then the rest);
-- - the header of every signed-in page (account_header()) and the pages of an academy, a person, a post and
--   an event (academy_page(), person_page(), post_page(), event_page() and the event_summary() it reads).
-- Each call in its own transaction as PostgREST makes it (pgbench, the old and the new functions in turn,
-- three rounds; a transaction that calls nothing took 0.13 to 0.26 ms): account_header() 1.34-1.59 ->
-- 0.33-0.56 ms, academy_page() 1.03-1.76 -> 0.55-0.75, person_page() 1.05-1.32 -> 0.60-0.78, post_page()
-- 1.10-1.41 -> 0.73-0.77, event_page() 1.16-1.41 -> 0.55-0.73; suggest_offers() for a seed request
-- 2.03-2.83 -> 1.23-1.99 ms and the coordinator's home_overview() 10.6-15.3 -> 9.6-12.2 ms (four rounds).
-- A PL/pgSQL plan that reads tables under row-level security is made again when the role changes, as
-- PostgREST's connections serve anon and signed-in people in turn; it is never planned more often than the
-- SQL function was. Every column is named with its table's alias, so the output columns of the functions
-- that return a table (PL/pgSQL variables there) never stand for one. Each function selects at most one
-- row where it returns one value (a primary key, organisations' unique slug, or no FROM at all), so
-- `return (select …)` answers as the SQL function did. tests/integration/db/schema-rules.test.ts keeps
-- these and the earlier page functions PL/pgSQL with a generic plan.

create or replace function private.open_request_asked(p_request_id uuid)
returns table (request_id uuid, slot_count integer, minutes integer, weekdays integer)
language plpgsql
stable
security definer
rows 1
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return query
		select q.request_id, count(*)::integer,
			sum(extract(epoch from q.ends_at - q.starts_at) / 60)::integer,
			bit_or(1 << q.weekday)::integer
		from public.request_slots q
		join public.requests r on r.id = q.request_id and r.status = 'open'
		where q.request_id = p_request_id
		group by q.request_id;
end;
$$;

create or replace function private.offers_reaching_request_ranked(
	p_request_id uuid,
	p_needed_from date,
	p_needed_until date,
	p_bar double precision,
	p_count integer
)
returns table (
	offer_id uuid,
	distance_km double precision,
	reach text,
	offer_domains text[],
	offer_age_min integer,
	offer_age_max integer,
	offer_weekdays integer,
	highest double precision
)
language plpgsql
stable
security definer
rows 150
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return query
		select x.offer_id, x.distance_km, x.reach, x.offer_domains, x.offer_age_min, x.offer_age_max,
			x.offer_weekdays, x.highest
		from private.request_reach x
		where x.request_id = p_request_id
			and x.highest >= p_bar
			and private.offer_term_fits(
				x.offer_kind, x.offer_term_start, x.offer_term_end, p_needed_from, p_needed_until
			)
		order by x.highest desc, x.offer_id
		limit p_count;
end;
$$;

create or replace function public.account_header()
returns jsonb
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return (
		select jsonb_build_object(
			'display_name', (select p.display_name from public.profiles p where p.id = (select auth.uid())),
			'staff', public.is_network_staff(),
			'unread', (
				select count(*) from public.notifications n
				where n.user_id = (select auth.uid()) and n.read_at is null
			)
		)
		where (select auth.uid()) is not null
	);
end;
$$;

create or replace function public.academy_page(p_slug text, p_today date)
returns jsonb
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return (
		select jsonb_build_object(
			'id', o.id, 'kind', o.kind, 'name', o.name, 'slug', o.slug, 'partner_type', o.partner_type,
			'description', o.description, 'municipality_nis', o.municipality_nis,
			'verification_status', o.verification_status, 'logo_path', o.logo_path,
			'municipality', jsonb_build_object('name_nl', g.name_nl, 'province_nl', g.province_nl),
			'website', o.website, 'public_email', o.public_email, 'public_phone', o.public_phone,
			'street_address', o.street_address, 'postal_code', o.postal_code,
			'profile', (
				select jsonb_build_object(
					'stem_letters', p.stem_letters, 'accent_letters', p.accent_letters,
					'creative_link', p.creative_link, 'domains', p.domains, 'age_min', p.age_min,
					'age_max', p.age_max, 'languages', p.languages,
					'officially_recognised', p.officially_recognised, 'quality_label', p.quality_label,
					'quality_label_expires_on', p.quality_label_expires_on
				)
				from public.academy_profiles p
				where p.organisation_id = o.id
			),
			'activities', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', a.id, 'title', a.title, 'format', a.format, 'domains', a.domains,
					'age_min', a.age_min, 'age_max', a.age_max, 'start_date', a.start_date,
					'end_date', a.end_date, 'session_count', a.session_count, 'price_eur', a.price_eur,
					'status', a.status, 'municipality_nis', a.municipality_nis, 'photo_path', a.photo_path,
					'photo_alt', a.photo_alt,
					'municipality', (
						select jsonb_build_object('name_nl', m.name_nl, 'province_nl', m.province_nl)
						from public.municipalities m
						where m.nis = a.municipality_nis
					)
				) order by a.start_date, a.title, a.id)
				from public.activities a
				where a.organisation_id = o.id
					and a.status in ('published', 'cancelled')
					and a.end_date >= p_today
			), '[]'::jsonb)
		)
		from public.organisations o
		join public.municipalities g on g.nis = o.municipality_nis
		where o.kind = 'academy' and o.slug = p_slug
	);
end;
$$;

create or replace function public.person_page(p_user_id uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return (
		select jsonb_build_object(
			'profile', (
				select jsonb_build_object(
					'user_id', h.user_id, 'subjects', h.subjects, 'grades', h.grades, 'interests', h.interests,
					'about', h.about, 'visibility', h.visibility,
					'helper_slots', coalesce((
						select jsonb_agg(jsonb_build_object(
							'weekday', s.weekday, 'starts_at', s.starts_at, 'ends_at', s.ends_at
						))
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
		)
	);
end;
$$;

create or replace function public.post_page(p_id uuid)
returns json
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return (
		select json_build_object(
			'id', p.id,
			'kind', p.kind,
			'title', p.title,
			'body', p.body,
			'status', p.status,
			'hidden_reason', p.hidden_reason,
			'created_at', p.created_at,
			'updated_at', p.updated_at,
			'author_id', p.author_id,
			'shared', (
				select coalesce(json_agg(json_build_object(
					'pinned_at', s.pinned_at,
					'community', (
						select json_build_object('id', c.id, 'name', c.name, 'municipality_nis', c.municipality_nis,
							'slug', c.slug)
						from public.communities c where c.id = s.community_id
					)
				)), '[]')
				from public.post_communities s where s.post_id = p.id
			),
			'comments', (
				select coalesce(json_agg(json_build_object(
					'id', k.id, 'body', k.body, 'status', k.status, 'hidden_reason', k.hidden_reason,
					'created_at', k.created_at, 'author_id', k.author_id
				) order by k.created_at, k.id), '[]')
				from public.post_comments k where k.post_id = p.id
			),
			'names', (
				select coalesce(json_object_agg(f.id, f.display_name), '{}')
				from public.profiles f
				where f.id = p.author_id
					or f.id in (select k.author_id from public.post_comments k where k.post_id = p.id)
			)
		)
		from public.posts p
		where p.id = p_id
	);
end;
$$;

create or replace function public.event_page(p_id uuid)
returns json
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return (
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
		where e.id = p_id
	);
end;
$$;

create or replace function public.event_summary(p_event_id uuid)
returns table (going integer, waiting integer, organiser_name text)
language plpgsql
stable
security definer
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return query
		select
			(select count(*)::integer from public.event_rsvps r where r.event_id = e.id and r.status = 'going'),
			(select count(*)::integer from public.event_rsvps r where r.event_id = e.id and r.status = 'waiting'),
			p.display_name
		from public.community_events e
		join public.communities c on c.id = e.community_id and c.status = 'active'
		left join public.profiles p on p.id = e.organiser_id
		where e.id = p_event_id;
end;
$$;
