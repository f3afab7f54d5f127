-- An organisation's own offers (/organisaties/[slug]/aanbod), its own requests (…/vragen) and one of its
-- requests (…/vragen/[id]) asked the organisation with the person's role in it, then the list or the
-- request: two API round trips after the header, in two waves for the lists. One call each now (issue 15:
-- signed-in pages fast). Security invoker: the organisation, the membership, the offers and requests and
-- their parts are read under the caller's own RLS, as the separate requests were, so a person sees what
-- they saw before. The list or the request comes only for a member (the page refuses everyone else before
-- it shows anything). Anonymous callers may not call them.

-- The organisation at a slug as the management pages want it, with the caller's role (null: not a member).
create or replace function private.managed_organisation(p_slug text)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select jsonb_build_object(
		'id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind,
		'verification_status', o.verification_status, 'municipality_nis', o.municipality_nis,
		'role', (
			select m.role from public.memberships m
			where m.organisation_id = o.id and m.user_id = (select auth.uid())
		)
	)
	from public.organisations o
	where o.slug = p_slug;
$$;

comment on function private.managed_organisation(text) is
	'The organisation at a slug (under the caller''s RLS) with the caller''s role in it (null when not a member); for the management pages'' one-call functions.';

revoke execute on function private.managed_organisation(text) from public, anon;
grant execute on function private.managed_organisation(text) to authenticated, service_role;

-- A request as the pages read it (the columns and parts requests.ts selects, under the caller's RLS). No
-- search_path of its own (every name is qualified) so that it is inlined into the query that uses it.
create or replace function private.request_json(r public.requests)
returns jsonb
language sql
stable
security invoker
as $$
	select to_jsonb(r) || jsonb_build_object(
		'organisations', (
			select jsonb_build_object('name', o.name, 'slug', o.slug)
			from public.organisations o where o.id = r.organisation_id
		),
		'municipalities', (
			select jsonb_build_object('name_nl', g.name_nl)
			from public.municipalities g where g.nis = r.municipality_nis
		),
		'request_slots', coalesce((
			select jsonb_agg(jsonb_build_object('weekday', s.weekday, 'starts_at', s.starts_at, 'ends_at', s.ends_at))
			from public.request_slots s where s.request_id = r.id
		), '[]'::jsonb)
	);
$$;

revoke execute on function private.request_json(public.requests) from public, anon;
grant execute on function private.request_json(public.requests) to authenticated, service_role;

-- An offer as the pages read it (the columns and parts offers.ts selects, under the caller's RLS); inlined
-- as request_json.
create or replace function private.offer_json(f public.offers)
returns jsonb
language sql
stable
security invoker
as $$
	select to_jsonb(f) || jsonb_build_object(
		'organisations', (
			select jsonb_build_object('name', o.name, 'slug', o.slug, 'kind', o.kind)
			from public.organisations o where o.id = f.organisation_id
		),
		'municipalities', (
			select jsonb_build_object('name_nl', g.name_nl)
			from public.municipalities g where g.nis = f.municipality_nis
		),
		'offer_slots', coalesce((
			select jsonb_agg(jsonb_build_object('weekday', s.weekday, 'starts_at', s.starts_at, 'ends_at', s.ends_at))
			from public.offer_slots s where s.offer_id = f.id
		), '[]'::jsonb),
		'offer_unavailable_dates', coalesce((
			select jsonb_agg(jsonb_build_object('day', d.day))
			from public.offer_unavailable_dates d where d.offer_id = f.id
		), '[]'::jsonb)
	);
$$;

revoke execute on function private.offer_json(public.offers) from public, anon;
grant execute on function private.offer_json(public.offers) to authenticated, service_role;

-- One page of an organisation's own offers, newest first, for its members: organisation (with role),
-- total, page (the last page when asked past the end), rows. Null when the slug shows no organisation.
create or replace function public.organisation_offers_page(p_slug text, p_page integer, p_size integer)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
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
	return jsonb_build_object('organisation', v_organisation, 'total', v_total, 'page', v_page, 'rows', v_rows);
end;
$$;

comment on function public.organisation_offers_page(text, integer, integer) is
	'An organisation''s own offers page in one call, under the caller''s RLS: organisation (with the caller''s role), total, page, rows (only for its members, and not for an academy). Null when no organisation shows at the slug.';

revoke execute on function public.organisation_offers_page(text, integer, integer) from public, anon;
grant execute on function public.organisation_offers_page(text, integer, integer) to authenticated, service_role;

-- One page of an academy's own requests, newest first, for its members: organisation (with role), total,
-- page (the last page when asked past the end), rows. Null when the slug shows no organisation.
create or replace function public.organisation_requests_page(p_slug text, p_page integer, p_size integer)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
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
	return jsonb_build_object('organisation', v_organisation, 'total', v_total, 'page', v_page, 'rows', v_rows);
end;
$$;

comment on function public.organisation_requests_page(text, integer, integer) is
	'An academy''s own requests page in one call, under the caller''s RLS: organisation (with the caller''s role), total, page, rows (only for its members, and only for an academy). Null when no organisation shows at the slug.';

revoke execute on function public.organisation_requests_page(text, integer, integer) from public, anon;
grant execute on function public.organisation_requests_page(text, integer, integer) to authenticated, service_role;

-- One of an academy's own requests, for its members: organisation (with role) and request (null unless
-- the caller is a member of the academy and the request is the academy's). Null when no organisation.
create or replace function public.organisation_request_page(p_slug text, p_id uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
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
		) end
	);
end;
$$;

comment on function public.organisation_request_page(text, uuid) is
	'One of an academy''s own requests in one call, under the caller''s RLS: organisation (with the caller''s role) and request (only for its members). Null when no organisation shows at the slug.';

revoke execute on function public.organisation_request_page(text, uuid) from public, anon;
grant execute on function public.organisation_request_page(text, uuid) to authenticated, service_role;
