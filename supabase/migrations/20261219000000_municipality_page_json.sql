-- Issue 15: a municipality's page (/gemeenten/[nis]) was again the slowest public page uncached (106.7 ms
-- p95 against 29.7 ms for the bare page, 4.7 ms of Postgres CPU a request). municipality_page() took 2.3 to
-- 3.6 ms of it for Gent (psql as anon, 500 calls), and most of that was building its answer, not finding the
-- rows: the twelve activities of the municipality took 0.07 ms to find and 0.3 to 0.5 ms more to turn into
-- JSONB, one call of private.municipality_page_activity() per row (an SQL function with its own
-- search_path, which PostgreSQL cannot inline), and PL/pgSQL's private.municipality_page_organisation() ran
-- two sub-selects per organisation.
--
-- municipality_page() now answers JSON (text, as PostgREST sends it; JSONB built every object in binary form
-- with its keys sorted, only for it to be printed again) and builds each list in its own query:
-- - activities: the rows of public_activity_cards as they are (its columns are the ones
--   municipality_page_activity() named, so the objects keep their keys);
-- - organisations: one join with their municipality and academy profile, through
--   private.organisation_card(), an SQL function PostgreSQL inlines (no sub-select, no SET);
-- - the community: the query of municipality_communities() written out, which as an SQL function with a
--   search_path was planned again on every call.
-- Same arguments, same answer (the same keys and values, `community.id` included, which was
-- municipality_communities()' `community_id`, and the same list order), same security (invoker: the
-- caller's policies, as for the separate queries). municipality_overview(), the page's one call, wraps it
-- unchanged. Gent, 500 calls as anon after 100 to warm up, three rounds with the old function beside it: 1.5
-- to 1.8 ms against 3.0 to 3.3 ms. A one-off check while it was written (not kept): every municipality's
-- answer, as anon and as postgres, equal as JSONB to the old function's. What stays checked is
-- tests/integration/db/municipality-page.test.ts: each list's entries against PostgREST's reads of the
-- tables with the same embeds, and the community against municipality_communities().
--
-- The activities are public_activity_cards' rows as they are, here and in community_page(): a column added
-- to that view reaches both answers (its comment now says so).

/**
 * organisation_card(organisation, its municipality, its academy profile or null)
 * An organisation as municipality_page() lists it: its columns, `municipality` ({name_nl, province_nl})
 * and `profile` (null without one). Inlined where it is called (SQL, no sub-select, no SET).
 */
create function private.organisation_card(
	o public.organisations,
	m public.municipalities,
	p public.academy_profiles
)
returns json
language sql
stable
as $$
	select json_build_object(
		'id', o.id, 'kind', o.kind, 'name', o.name, 'slug', o.slug, 'partner_type', o.partner_type,
		'description', o.description, 'municipality_nis', o.municipality_nis,
		'verification_status', o.verification_status, 'logo_path', o.logo_path,
		'lat', o.lat, 'lng', o.lng,
		'municipality', case when m.nis is not null then
			json_build_object('name_nl', m.name_nl, 'province_nl', m.province_nl)
		end,
		'profile', case when p.organisation_id is not null then json_build_object(
			'stem_letters', p.stem_letters, 'accent_letters', p.accent_letters,
			'creative_link', p.creative_link, 'domains', p.domains,
			'quality_label', p.quality_label, 'quality_label_expires_on', p.quality_label_expires_on
		) end
	);
$$;

comment on function private.organisation_card(public.organisations, public.municipalities, public.academy_profiles) is
	'An organisation with its municipality and academy profile as municipality_page() lists it (inlined SQL).';

drop function public.municipality_page(text, date, double precision);

/**
 * municipality_page(NIS code, today, radius in km)
 * Everything /gemeenten/[nis] shows but its coverage, as JSON: found false with current_nis for a merged
 * (its successor) or unknown (null) municipality. Security invoker.
 */
create function public.municipality_page(p_nis text, p_today date, p_radius_km double precision)
returns json
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
declare
	place public.municipalities;
	d_lat double precision;
	d_lng double precision;
	box_min_lat double precision;
	box_max_lat double precision;
	box_min_lng double precision;
	box_max_lng double precision;
	km_per_degree constant double precision := pi() * 6371 / 180;
begin
	select m.* into place from public.municipalities m where m.nis = p_nis;
	if not found then
		return json_build_object('found', false, 'current_nis', null);
	end if;
	if place.valid_to is not null then
		return json_build_object(
			'found', false,
			'current_nis', nullif(public.current_nis(p_nis), p_nis)
		);
	end if;

	-- The same box as boundingBox() in src/lib/public/nearby.ts: candidates only, the app measures.
	d_lat := least(greatest(p_radius_km, 0), 100) / km_per_degree;
	d_lng := least(greatest(p_radius_km, 0), 100)
		/ (km_per_degree * cos(radians(least(89, abs(coalesce(place.lat, 0)) + d_lat))));
	box_min_lat := coalesce(place.lat, 0) - d_lat;
	box_max_lat := coalesce(place.lat, 0) + d_lat;
	box_min_lng := coalesce(place.lng, 0) - d_lng;
	box_max_lng := coalesce(place.lng, 0) + d_lng;

	return json_build_object(
		'found', true,
		'municipality', json_build_object(
			'nis', place.nis, 'name_nl', place.name_nl, 'province_nl', place.province_nl,
			'region', place.region, 'lat', place.lat, 'lng', place.lng
		),
		'local', coalesce((
			select json_agg(private.organisation_card(o, m, p) order by o.name)
			from (
				select o.* from public.organisations o
				where o.municipality_nis = p_nis
				order by o.name limit 1000
			) o
			left join public.municipalities m on m.nis = o.municipality_nis
			left join public.academy_profiles p on p.organisation_id = o.id
		), '[]'::json),
		'activities', coalesce((
			select json_agg(a order by a.start_date, a.title)
			from (
				select a.* from public.public_activity_cards a
				where a.status = 'published' and a.end_date >= p_today and a.municipality_nis = p_nis
				order by a.start_date, a.title limit 12
			) a
		), '[]'::json),
		'activity_count', (
			select count(*) from public.public_activities a
			where a.status = 'published' and a.end_date >= p_today and a.municipality_nis = p_nis
		),
		'nearby_academies', coalesce((
			select json_agg(private.organisation_card(o, m, p))
			from (
				select o.* from public.organisations o
				where o.kind = 'academy' and o.municipality_nis <> p_nis
					and o.lat >= box_min_lat and o.lat <= box_max_lat
					and o.lng >= box_min_lng and o.lng <= box_max_lng
				limit 300
			) o
			left join public.municipalities m on m.nis = o.municipality_nis
			left join public.academy_profiles p on p.organisation_id = o.id
		), '[]'::json),
		'nearby_activities', coalesce((
			select json_agg(a order by a.start_date, a.id)
			from (
				select a.* from public.public_activity_cards a
				where a.status = 'published' and a.end_date >= p_today and a.municipality_nis <> p_nis
					and a.lat >= box_min_lat and a.lat <= box_max_lat
					and a.lng >= box_min_lng and a.lng <= box_max_lng
				-- Soonest first (the id only to make ties the same every time).
				order by a.start_date, a.id limit 300
			) a
		), '[]'::json),
		'nearby_municipalities', coalesce((
			select json_agg(json_build_object(
				'nis', m.nis, 'name_nl', m.name_nl, 'province_nl', m.province_nl, 'lat', m.lat, 'lng', m.lng
			))
			from public.current_municipalities m
			where m.region in ('VLG', 'BRU') and m.nis <> p_nis
				and m.lat >= box_min_lat and m.lat <= box_max_lat
				and m.lng >= box_min_lng and m.lng <= box_max_lng
		), '[]'::json),
		-- municipality_communities(array[p_nis])'s row, written out
		'community', (
			select json_build_object(
				'id', c.id,
				'members', coalesce((select sum(cc.members)::bigint from public.community_counts(c.id) cc), 0)
			)
			from public.communities c
			where c.municipality_nis = p_nis and c.status = 'active'
			limit 1
		),
		'starters', public.starters_section(p_nis)
	);
end;
$$;

comment on function public.municipality_page(text, date, double precision) is
	'Everything /gemeenten/[nis] shows but its coverage, in one call, as JSON (security invoker: RLS as for the separate queries). found false with current_nis for a merged or unknown municipality.';

-- Its only caller was municipality_page().
drop function private.municipality_page_organisation(public.organisations);

comment on view public.public_activity_cards is
	'public_activities'' columns that a list''s card shows (issue 15: read with `*`, cheaper for PostgREST); municipality_page() and community_page() answer its rows as they are.';

revoke execute on all functions in schema private from public;
grant execute on function private.organisation_card(public.organisations, public.municipalities, public.academy_profiles)
	to anon, authenticated, service_role;
revoke execute on function public.municipality_page(text, date, double precision) from public;
grant execute on function public.municipality_page(text, date, double precision)
	to anon, authenticated, service_role;
