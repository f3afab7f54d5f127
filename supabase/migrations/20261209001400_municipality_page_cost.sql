-- Issue 15: /gemeenten/44021 (Gent) was the slowest public page in the last `bench:pages` (150.8 ms p95,
-- 8.5 ms of Postgres CPU a request; municipality_overview() 5.9 ms with track_functions, 50 calls as anon).
--
-- 1. coverage_of_municipality() computed the three nearest academies for every municipality, yet the page
--    shows them only for a municipality without an academy (municipality-coverage.svelte): for Gent about
--    a sixth of the call. They now come only for a white spot (status `none` or `activities`); a
--    municipality with an academy, a merged, unknown or Walloon one answers none. Security invoker.
-- 2. private.municipality_page_organisation() (once per local and nearby organisation, 12 for Gent, 1.0 ms
--    together) was an SQL function PostgreSQL cannot inline (two sub-selects): every call planned them
--    again. As PL/pgSQL its plans are kept, as offer_json() and request_json() gained in migration
--    20261209000700. Same answer, same security (invoker).
-- 3. public.starters_section() (0.6 ms of the call for Gent) was an SQL function that asked its CTE three
--    times and planned every branch; as PL/pgSQL it answers a municipality that is no white spot (the
--    most visited pages) right after reading it. Same answer, same security (invoker).

/**
 * coverage_of_municipality(school year, NIS code)
 * A municipality's coverage in a school year (coverage_municipalities' row; null unless a current Flemish
 * or Brussels municipality) and, for a white spot, its three nearest counted academies (nearest first; []
 * for a municipality with an academy), in one JSON object. Security invoker.
 */
create or replace function public.coverage_of_municipality(p_start_year integer, p_nis text)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
	v_row json;
	v_status text;
begin
	-- no municipality named, none answered (coverage_municipalities would give all of them)
	if p_nis is not null then
		select to_json(c), c.status into v_row, v_status
		from public.coverage_municipalities(p_start_year, p_nis) c;
	end if;
	return json_build_object(
		'municipality', v_row,
		'nearest', case when v_status is null or v_status = 'academy' then '[]'::json else (
			select coalesce(json_agg(n order by n.rank), '[]')
			from private.coverage_nearest_of(p_start_year, array[p_nis]) n
		) end
	);
end;
$$;

comment on function public.coverage_of_municipality(integer, text) is
	'A municipality''s coverage in a school year and, for a white spot, its three nearest counted academies, in one JSON object.';

revoke execute on function public.coverage_of_municipality(integer, text) from public;
grant execute on function public.coverage_of_municipality(integer, text) to anon, authenticated, service_role;

-- An organisation row as the page's PostgREST query gave it: its columns, its municipality and its
-- academy profile embedded (null when the caller may not see them).
create or replace function private.municipality_page_organisation(o public.organisations)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
	return jsonb_build_object(
		'id', o.id, 'kind', o.kind, 'name', o.name, 'slug', o.slug, 'partner_type', o.partner_type,
		'description', o.description, 'municipality_nis', o.municipality_nis,
		'verification_status', o.verification_status, 'logo_path', o.logo_path,
		'lat', o.lat, 'lng', o.lng,
		'municipality', (
			select jsonb_build_object('name_nl', m.name_nl, 'province_nl', m.province_nl)
			from public.municipalities m where m.nis = o.municipality_nis
		),
		'profile', (
			select jsonb_build_object(
				'stem_letters', p.stem_letters, 'accent_letters', p.accent_letters,
				'creative_link', p.creative_link, 'domains', p.domains,
				'quality_label', p.quality_label, 'quality_label_expires_on', p.quality_label_expires_on
			)
			from public.academy_profiles p where p.organisation_id = o.id
		)
	);
end;
$$;

revoke execute on function private.municipality_page_organisation(public.organisations) from public;
grant execute on function private.municipality_page_organisation(public.organisations)
	to anon, authenticated, service_role;

create or replace function public.starters_section(p_nis text)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	v_name text;
	v_white_spot boolean;
	v_none constant jsonb := '[]'::jsonb;
begin
	select m.name_nl, m.region in ('VLG', 'BRU') and not exists (
			select 1 from public.organisations o
			where o.municipality_nis = m.nis and o.kind = 'academy' and o.verification_status = 'verified'
		)
	into v_name, v_white_spot
	from public.municipalities m
	where m.nis = p_nis and m.valid_to is null;

	if not found then
		return jsonb_build_object(
			'place', null, 'white_spot', false, 'board', v_none, 'coaches', v_none, 'managed', v_none
		);
	end if;
	if not v_white_spot then
		return jsonb_build_object(
			'place', jsonb_build_object('nis', p_nis, 'name_nl', v_name),
			'white_spot', false, 'board', v_none, 'coaches', v_none, 'managed', v_none
		);
	end if;
	return jsonb_build_object(
		'place', jsonb_build_object('nis', p_nis, 'name_nl', v_name),
		'white_spot', true,
		'board', coalesce((
			select jsonb_agg(to_jsonb(b) order by b.created_at, b.id) from public.starter_interest_board(p_nis) b
		), v_none),
		'coaches', coalesce((
			select jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'slug', o.slug))
			from public.starter_coaches sc
			join public.organisations o on o.id = sc.academy_id
			where sc.municipality_nis = p_nis
		), v_none),
		'managed', case when (select auth.uid()) is not null then coalesce((
			select jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name))
			from public.memberships ms
			join public.organisations o on o.id = ms.organisation_id
			where ms.user_id = (select auth.uid()) and ms.role in ('owner', 'admin')
		), v_none) else v_none end
	);
end;
$$;

revoke execute on all functions in schema private from public;
