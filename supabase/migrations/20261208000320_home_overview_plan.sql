-- The signed-in home (/) in PL/pgSQL with a generic plan (issue 15). home_overview() was one SQL statement
-- in a SQL function, which PostgreSQL 17 plans again on every call: with eleven parts, the policies of
-- eight tables and up to five suggest_offers() calls, planning was most of the call. The same statement
-- now runs from PL/pgSQL, which keeps its plan for the connection (as 20261208000300_generic_plans.sql
-- does for the other page functions). On the seed, as each of the six demo people, the answer is the same
-- as before; a call went from 42-68 ms to 10-13 ms (psql, one session, calls two and later, load ~4).
-- Unchanged: its name, arguments, answer, security (invoker), comment and grants.
create or replace function public.home_overview(p_limit integer default 5)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return (
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
				coalesce(p.name, helper.display_name) as proposer_name, mine.name as organisation_name
			from public.agreements a
			join mine on mine.id in (a.academy_id, a.provider_id)
				and mine.id is distinct from a.proposed_by_organisation
			join public.requests r on r.id = a.request_id
			left join public.offers f on f.id = a.offer_id
			left join public.organisations p on p.id = a.proposed_by_organisation
			left join public.profiles helper on helper.id = a.helper_id
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
			select a.id, a.first_session_on as day, f.title as offer_title, r.title as request_title,
				academy.name as academy_name
			from public.agreements a
			left join public.offers f on f.id = a.offer_id
			join public.requests r on r.id = a.request_id
			join public.organisations academy on academy.id = a.academy_id
			where a.status = 'accepted'
				and a.first_session_on >= (select me.today from me)
				and (
					a.academy_id in (select mine.id from mine)
					or a.provider_id in (select mine.id from mine)
					or a.helper_id = (select me.id from me)
				)
		),
		helping as (
			select a.id, a.status, a.updated_at, a.first_session_on, r.title as request_title,
				academy.name as academy_name
			from public.agreements a
			join public.requests r on r.id = a.request_id
			join public.organisations academy on academy.id = a.academy_id
			where a.helper_id = (select me.id from me) and a.status in ('proposed', 'accepted')
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
			'helping', jsonb_build_object(
				'count', (select count(*) from helping),
				'items', (
					select coalesce(jsonb_agg(to_jsonb(h) order by h.updated_at desc), '[]'::jsonb)
					from (select * from helping order by updated_at desc limit (select me.lim from me)) h
				)
			),
			'drafts', jsonb_build_object(
				'count', (select count(*) from drafts),
				'items', (
					select coalesce(jsonb_agg(to_jsonb(d) order by d.updated_at desc), '[]'::jsonb)
					from (select * from drafts order by updated_at desc limit (select me.lim from me)) d
				)
			)
		) end
	);
end;
$$;
