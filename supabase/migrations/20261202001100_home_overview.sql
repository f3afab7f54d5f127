-- The signed-in home ("wat vraagt jouw aandacht"): everything that waits for a person across their
-- organisations, in one call. Security invoker: RLS decides what the person may read, and the lists keep
-- to the organisations they are a member of (network staff read every agreement, but their home shows
-- only their own organisations' work).

/**
 * home_overview(limit)
 * One JSON object for the signed-in person: their organisations (with role), proposals to their
 * organisations that wait for an answer, open requests with suggested offers not yet proposed, unread
 * notifications, upcoming room bookings and first sessions, volunteers of their academies without a valid
 * check, and their organisations' drafts (draft activities, paused offers). Each list holds at most
 * `limit` items (1..20) and comes with its full count. Null when nobody is signed in.
 */
create function public.home_overview(p_limit integer default 5)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	with me as (
		select (select auth.uid()) as id,
			(now() at time zone 'Europe/Brussels')::date as today,
			least(greatest(coalesce(p_limit, 5), 1), 20) as lim
	),
	mine as (
		select o.id, o.slug, o.name, o.kind, ms.role
		from public.memberships ms
		join public.organisations o on o.id = ms.organisation_id
		where ms.user_id = (select me.id from me)
	),
	proposals as (
		select a.id, a.created_at, r.title as request_title, f.title as offer_title,
			p.name as proposer_name, mine.name as organisation_name
		from public.agreements a
		join mine on mine.id in (a.academy_id, a.provider_id) and mine.id <> a.proposed_by_organisation
		join public.requests r on r.id = a.request_id
		join public.offers f on f.id = a.offer_id
		left join public.organisations p on p.id = a.proposed_by_organisation
		where a.status = 'proposed'
	),
	open_requests as (
		select r.id, r.title, r.created_at
		from public.requests r
		join mine on mine.id = r.organisation_id
		where r.status = 'open'
		-- The newest few: matching is the costly part of the home.
		order by r.created_at desc
		limit 5
	),
	suggestions as (
		select r.id as request_id, r.title as request_title, count(*) as suggestion_count,
			min(s.title) as first_offer_title
		from open_requests r
		cross join lateral public.suggest_offers(r.id, 20) s
		where s.agreement_id is null
		group by r.id, r.title, r.created_at
	),
	unread as (
		select n.id, n.kind, n.title, n.params, n.link, n.created_at
		from public.notifications n
		where n.user_id = (select me.id from me) and n.read_at is null
	),
	bookings as (
		select b.id, b.agreement_id, b.day, lower(b.slot)::time as starts, upper(b.slot)::time as ends,
			f.title as offer_title, r.title as request_title
		from public.room_bookings b
		join public.agreements a on a.id = b.agreement_id
		join public.offers f on f.id = a.offer_id
		join public.requests r on r.id = a.request_id
		where b.day >= (select me.today from me)
			and (a.academy_id in (select mine.id from mine) or a.provider_id in (select mine.id from mine))
	),
	first_sessions as (
		select a.id, a.first_session_on as day, f.title as offer_title, r.title as request_title
		from public.agreements a
		join public.offers f on f.id = a.offer_id
		join public.requests r on r.id = a.request_id
		where a.status = 'accepted'
			and a.first_session_on >= (select me.today from me)
			and (a.academy_id in (select mine.id from mine) or a.provider_id in (select mine.id from mine))
	),
	volunteers as (
		select v.id, v.agreement_id, v.volunteer_name, v.state, v.first_session_on, mine.slug,
			mine.name as organisation_name
		from public.volunteer_session_checks v
		join mine on mine.id = v.organisation_id
		where v.state <> 'ok'
	),
	drafts as (
		select 'activity' as kind, x.id, x.title, mine.slug, mine.name as organisation_name,
			x.updated_at
		from public.activities x
		join mine on mine.id = x.organisation_id
		where x.status = 'draft'
		union all
		select 'offer', x.id, x.title, mine.slug, mine.name, x.updated_at
		from public.offers x
		join mine on mine.id = x.organisation_id
		where x.status = 'paused'
	)
	select case when (select me.id from me) is null then null else jsonb_build_object(
		'organisations', (
			select coalesce(jsonb_agg(jsonb_build_object(
				'id', mine.id, 'slug', mine.slug, 'name', mine.name, 'kind', mine.kind, 'role', mine.role
			) order by mine.name), '[]'::jsonb) from mine
		),
		'proposals', jsonb_build_object(
			'count', (select count(*) from proposals),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(p) order by p.created_at desc), '[]'::jsonb)
				from (select * from proposals order by created_at desc limit (select me.lim from me)) p
			)
		),
		'suggestions', jsonb_build_object(
			'count', (select coalesce(sum(suggestion_count), 0) from suggestions),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(s) order by s.suggestion_count desc, s.request_title), '[]'::jsonb)
				from (
					select * from suggestions
					order by suggestion_count desc, request_title
					limit (select me.lim from me)
				) s
			)
		),
		'unread', jsonb_build_object(
			'count', (select count(*) from unread),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(u) order by u.created_at desc, u.id desc), '[]'::jsonb)
				from (
					select * from unread order by created_at desc, id desc limit (select me.lim from me)
				) u
			)
		),
		'bookings', jsonb_build_object(
			'count', (select count(*) from bookings),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(b) order by b.day, b.starts), '[]'::jsonb)
				from (select * from bookings order by day, starts limit (select me.lim from me)) b
			)
		),
		'first_sessions', jsonb_build_object(
			'count', (select count(*) from first_sessions),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(s) order by s.day), '[]'::jsonb)
				from (select * from first_sessions order by day limit (select me.lim from me)) s
			)
		),
		'volunteers', jsonb_build_object(
			'count', (select count(*) from volunteers),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(v) order by v.first_session_on nulls last, v.volunteer_name), '[]'::jsonb)
				from (
					select * from volunteers
					order by first_session_on nulls last, volunteer_name
					limit (select me.lim from me)
				) v
			)
		),
		'drafts', jsonb_build_object(
			'count', (select count(*) from drafts),
			'items', (
				select coalesce(jsonb_agg(to_jsonb(d) order by d.updated_at desc), '[]'::jsonb)
				from (select * from drafts order by updated_at desc limit (select me.lim from me)) d
			)
		)
	) end;
$$;

comment on function public.home_overview(integer) is
	'The signed-in person''s home in one call: their organisations, proposals waiting for their answer, suggestions for their open requests, unread notifications, upcoming bookings and first sessions, volunteers without a valid check and their organisations'' drafts; each list at most p_limit (1..20) items with its count. Security invoker (RLS applies); null for anonymous callers.';

revoke execute on function public.home_overview(integer) from public, anon;
grant execute on function public.home_overview(integer) to authenticated;
