-- Issue 15: a signed-in page made two API round trips, the root layout's header (account_header()) and
-- the page's own function. Each round trip costs the app, PostgREST and Postgres their work per request
-- (the connection, the request's settings, a transaction) whatever it asks. The page functions of the six
-- signed-in pages that were furthest from the bare page (an organisation's offers and requests, one of its
-- requests, a request with its suggestions, the person's agreements and one agreement) now answer the
-- header too, under `account` (account_header()'s answer; none for an anonymous visitor of a request, who
-- may not call account_header()), and the layout waits for that instead of asking itself
-- (src/lib/server/page-header.ts). A function that answers nothing (no organisation, no agreement: the
-- page is a 404) leaves the header to the layout's own call.
-- Measured with the built app under autocannon, the old build with the old functions and the new with
-- these in turn (three rounds): PostgREST's CPU a request on these pages 0.85-1.35 -> 0.50-0.82 ms, and
-- the app's, PostgREST's and Postgres' together (mean of the rounds) an organisation's offers 7.5 -> 7.0 ms,
-- its requests 7.6 -> 6.4, one request 7.2 -> 5.7, a request's suggestions 8.2 -> 7.2, the agreements
-- 6.3 -> 5.6, an agreement 7.5 -> 6.1, the bare page 2.7-3.3 in both.
-- Each function is as it was (20261208000300_generic_plans.sql, 20261208000310_request_view_page.sql) but
-- for `account`; CREATE OR REPLACE keeps their comments and grants.

create or replace function public.organisation_offers_page(p_slug text, p_page integer, p_size integer)
returns jsonb
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
declare
	v_organisation jsonb;
	v_id uuid;
	v_total integer := 0;
	v_page integer := 1;
	v_rows jsonb := '[]'::jsonb;
begin
	if (select auth.uid()) is null then
		return null;
	end if;
	if p_size is null or p_size < 1 or p_size > 100 then
		raise exception 'page size must be between 1 and 100' using errcode = '22023', hint = 'page_size_range';
	end if;
	v_organisation := private.managed_organisation(p_slug);
	if v_organisation is null then
		return null;
	end if;
	v_id := (v_organisation ->> 'id')::uuid;
	if v_organisation ->> 'role' is not null and v_organisation ->> 'kind' <> 'academy' then
		select count(*) into v_total from public.offers f where f.organisation_id = v_id;
		v_page := least(greatest(coalesce(p_page, 1), 1), greatest(1, ceil(v_total::numeric / p_size)::integer));
		select coalesce(jsonb_agg(private.offer_json(f) order by f.created_at desc, f.id), '[]'::jsonb)
		into v_rows
		from (
			select * from public.offers f where f.organisation_id = v_id
			order by f.created_at desc, f.id
			offset (v_page - 1) * p_size limit p_size
		) f;
	end if;
	return jsonb_build_object(
		'organisation', v_organisation, 'total', v_total, 'page', v_page, 'rows', v_rows,
		'account', public.account_header()
	);
end;
$$;

create or replace function public.organisation_requests_page(p_slug text, p_page integer, p_size integer)
returns jsonb
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
declare
	v_organisation jsonb;
	v_id uuid;
	v_total integer := 0;
	v_page integer := 1;
	v_rows jsonb := '[]'::jsonb;
begin
	if (select auth.uid()) is null then
		return null;
	end if;
	if p_size is null or p_size < 1 or p_size > 100 then
		raise exception 'page size must be between 1 and 100' using errcode = '22023', hint = 'page_size_range';
	end if;
	v_organisation := private.managed_organisation(p_slug);
	if v_organisation is null then
		return null;
	end if;
	v_id := (v_organisation ->> 'id')::uuid;
	if v_organisation ->> 'role' is not null and v_organisation ->> 'kind' = 'academy' then
		select count(*) into v_total from public.requests r where r.organisation_id = v_id;
		v_page := least(greatest(coalesce(p_page, 1), 1), greatest(1, ceil(v_total::numeric / p_size)::integer));
		select coalesce(jsonb_agg(private.request_json(r) order by r.created_at desc, r.id), '[]'::jsonb)
		into v_rows
		from (
			select * from public.requests r where r.organisation_id = v_id
			order by r.created_at desc, r.id
			offset (v_page - 1) * p_size limit p_size
		) r;
	end if;
	return jsonb_build_object(
		'organisation', v_organisation, 'total', v_total, 'page', v_page, 'rows', v_rows,
		'account', public.account_header()
	);
end;
$$;

create or replace function public.organisation_request_page(p_slug text, p_id uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
declare
	v_organisation jsonb;
begin
	if (select auth.uid()) is null then
		return null;
	end if;
	v_organisation := private.managed_organisation(p_slug);
	if v_organisation is null then
		return null;
	end if;
	return jsonb_build_object(
		'organisation', v_organisation,
		'request', case when v_organisation ->> 'role' is not null and v_organisation ->> 'kind' = 'academy' then (
			select private.request_json(r) from public.requests r
			where r.id = p_id and r.organisation_id = (v_organisation ->> 'id')::uuid
		) end,
		'account', public.account_header()
	);
end;
$$;

create or replace function public.request_view_page(p_id uuid, p_pool integer)
returns jsonb
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
declare
	v_request public.requests;
	v_academies uuid[];
	v_member boolean;
	v_account jsonb;
begin
	if p_pool is null or p_pool < 1 or p_pool > 100 then
		raise exception using
			errcode = '22023', message = 'Vraag 1 tot 100 voorstellen.', hint = 'page_size_range';
	end if;
	-- Anonymous visitors read this page too, and may not call account_header(): no header for them.
	if (select auth.uid()) is not null then
		v_account := public.account_header();
	end if;
	select r.* into v_request from public.requests r where r.id = p_id;
	if not found then
		return jsonb_build_object('request', null, 'account', v_account);
	end if;
	-- The caller's academies (the organisations they belong to that they can see as academies).
	v_academies := array(
		select ms.organisation_id
		from public.memberships ms
		join public.organisations o on o.id = ms.organisation_id
		where ms.user_id = (select auth.uid()) and o.kind = 'academy'
	);
	v_member := v_request.organisation_id = any (v_academies);
	return jsonb_build_object(
		'request', private.request_json(v_request),
		'member', v_member,
		-- The academy's own open request: the candidates for the app to score (suggest_offers()'s rows).
		'suggestions', case when v_member and v_request.status = 'open' then coalesce((
			select jsonb_agg(to_jsonb(s)) from public.suggest_offers(p_id, p_pool) s
		), '[]'::jsonb) end,
		-- Someone else, signed in: their own offer of help to it that is still proposed or accepted.
		'live_help', case when (select auth.uid()) is not null and not v_member then (
			select jsonb_build_object('id', a.id, 'status', a.status)
			from public.agreements a
			where a.request_id = p_id
				and a.helper_id = (select auth.uid())
				and a.status in ('proposed', 'accepted')
			limit 1
		) end,
		'account', v_account
	);
end;
$$;

create or replace function public.my_agreements_page(p_page integer, p_size integer)
returns jsonb
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
declare
	v_me uuid := (select auth.uid());
	v_mine uuid[];
	v_total integer;
	v_page integer;
	v_rows jsonb;
begin
	if v_me is null then
		return null;
	end if;
	if p_size is null or p_size < 1 or p_size > 100 then
		raise exception 'page size must be between 1 and 100' using errcode = '22023', hint = 'page_size_range';
	end if;
	v_mine := array(select m.organisation_id from public.memberships m where m.user_id = v_me);
	select count(*) into v_total
	from public.agreements a
	where a.academy_id = any (v_mine) or a.provider_id = any (v_mine) or a.helper_id = v_me;
	v_page := least(greatest(coalesce(p_page, 1), 1), greatest(1, ceil(v_total::numeric / p_size)::integer));
	select coalesce(jsonb_agg(jsonb_build_object(
			'id', a.id, 'status', a.status, 'updated_at', a.updated_at, 'academy_id', a.academy_id,
			'offer_id', a.offer_id, 'provider_id', a.provider_id,
			'proposed_by_organisation', a.proposed_by_organisation, 'helper_id', a.helper_id,
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
		) order by a.updated_at desc, a.id), '[]'::jsonb)
	into v_rows
	from (
		select a.* from public.agreements a
		where a.academy_id = any (v_mine) or a.provider_id = any (v_mine) or a.helper_id = v_me
		order by a.updated_at desc, a.id
		offset (v_page - 1) * p_size limit p_size
	) a;
	return jsonb_build_object(
		'total', v_total,
		'page', v_page,
		'rows', v_rows,
		'names', coalesce((
			select jsonb_object_agg(p.id, p.display_name)
			from public.profiles p
			where p.id = any (array(
				select (row ->> 'helper_id')::uuid from jsonb_array_elements(v_rows) row
				where row ->> 'helper_id' is not null
			))
		), '{}'::jsonb),
		'account', public.account_header()
	);
end;
$$;

create or replace function public.agreement_page(p_id uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
set plan_cache_mode = force_generic_plan
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
		), '[]'::jsonb),
		'account', public.account_header()
	)
	from public.agreements a
	where a.id = p_id and (select auth.uid()) is not null);
end;
$$;
