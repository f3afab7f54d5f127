-- The page of one municipality (/gemeenten/[nis]) asked the API eleven times in three waves: the
-- municipality, then its organisations, its upcoming activities, the academies, activities and
-- municipalities in a box around it, its community's summary, whether it is a white spot, and (for a
-- white spot) its starters' board, coaches and the organisations the visitor manages. One call now
-- (issue 15: "a municipality page in one query"); the coverage figures stay their own calls
-- (coverage_municipalities, coverage_nearest_academies).
--
-- Security invoker: every row comes through the same tables and views as before, so RLS gives anonymous
-- visitors and signed-in members exactly what the separate queries gave them. The starters' board is
-- starter_interest_board() itself (security definer, which decides what each caller sees of it).
-- The rows keep the shape PostgREST gave them (the embeds as nested objects), so the app maps them with
-- the same code as before and the page renders the same.
-- The "Hier een STEM-academie starten?" section (and the /gemeenten/[nis]/starten page): the current
-- municipality (null when it is not current), whether it is a white spot (private.is_white_spot()'s rule,
-- as the app asked it before: a current Flemish or Brussels municipality without a verified academy the
-- caller can see), and for a white spot its board (starter_interest_board(), security definer, decides
-- what each caller sees of it), its coaches and the organisations the signed-in caller manages.
create or replace function public.starters_section(p_nis text)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	with place as (
		select m.nis, m.name_nl, m.region in ('VLG', 'BRU') and not exists (
				select 1 from public.organisations o
				where o.municipality_nis = m.nis and o.kind = 'academy' and o.verification_status = 'verified'
			) as white_spot
		from public.municipalities m
		where m.nis = p_nis and m.valid_to is null
	)
	select jsonb_build_object(
		'place', (select jsonb_build_object('nis', place.nis, 'name_nl', place.name_nl) from place),
		'white_spot', coalesce((select place.white_spot from place), false),
		'board', case when (select place.white_spot from place) then coalesce((
			select jsonb_agg(to_jsonb(b) order by b.created_at, b.id) from public.starter_interest_board(p_nis) b
		), '[]'::jsonb) else '[]'::jsonb end,
		'coaches', case when (select place.white_spot from place) then coalesce((
			select jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'slug', o.slug))
			from public.starter_coaches sc
			join public.organisations o on o.id = sc.academy_id
			where sc.municipality_nis = p_nis
		), '[]'::jsonb) else '[]'::jsonb end,
		'managed', case when (select place.white_spot from place) and (select auth.uid()) is not null
			then coalesce((
				select jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name))
				from public.memberships ms
				join public.organisations o on o.id = ms.organisation_id
				where ms.user_id = (select auth.uid()) and ms.role in ('owner', 'admin')
			), '[]'::jsonb)
			else '[]'::jsonb end
	);
$$;

comment on function public.starters_section(text) is
	'A municipality''s starters section in one call (security invoker): place (null unless current), white_spot, board, coaches, managed (the caller''s organisations as owner or admin).';

create or replace function public.municipality_page(p_nis text, p_today date, p_radius_km double precision)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
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
		return jsonb_build_object('found', false, 'current_nis', null);
	end if;
	if place.valid_to is not null then
		return jsonb_build_object(
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

	return jsonb_build_object(
		'found', true,
		'municipality', jsonb_build_object(
			'nis', place.nis, 'name_nl', place.name_nl, 'province_nl', place.province_nl,
			'region', place.region, 'lat', place.lat, 'lng', place.lng
		),
		'local', coalesce((
			select jsonb_agg(private.municipality_page_organisation(o) order by o.name)
			from (
				select o.* from public.organisations o
				where o.municipality_nis = p_nis
				order by o.name limit 1000
			) o
		), '[]'::jsonb),
		'activities', coalesce((
			select jsonb_agg(private.municipality_page_activity(a) order by a.start_date, a.title)
			from (
				select a.* from public.public_activities a
				where a.status = 'published' and a.end_date >= p_today and a.municipality_nis = p_nis
				order by a.start_date, a.title limit 12
			) a
		), '[]'::jsonb),
		'activity_count', (
			select count(*) from public.public_activities a
			where a.status = 'published' and a.end_date >= p_today and a.municipality_nis = p_nis
		),
		'nearby_academies', coalesce((
			select jsonb_agg(private.municipality_page_organisation(o))
			from (
				select o.* from public.organisations o
				where o.kind = 'academy' and o.municipality_nis <> p_nis
					and o.lat >= box_min_lat and o.lat <= box_max_lat
					and o.lng >= box_min_lng and o.lng <= box_max_lng
				limit 300
			) o
		), '[]'::jsonb),
		'nearby_activities', coalesce((
			select jsonb_agg(private.municipality_page_activity(a) order by a.start_date, a.id)
			from (
				select a.* from public.public_activities a
				where a.status = 'published' and a.end_date >= p_today and a.municipality_nis <> p_nis
					and a.lat >= box_min_lat and a.lat <= box_max_lat
					and a.lng >= box_min_lng and a.lng <= box_max_lng
				-- Soonest first (the id only to make ties the same every time).
				order by a.start_date, a.id limit 300
			) a
		), '[]'::jsonb),
		'nearby_municipalities', coalesce((
			select jsonb_agg(jsonb_build_object(
				'nis', m.nis, 'name_nl', m.name_nl, 'province_nl', m.province_nl, 'lat', m.lat, 'lng', m.lng
			))
			from public.current_municipalities m
			where m.region in ('VLG', 'BRU') and m.nis <> p_nis
				and m.lat >= box_min_lat and m.lat <= box_max_lat
				and m.lng >= box_min_lng and m.lng <= box_max_lng
		), '[]'::jsonb),
		'community', (
			select jsonb_build_object('id', c.community_id, 'members', c.members)
			from public.municipality_communities(array[p_nis]) c
			limit 1
		),
		'starters', public.starters_section(p_nis)
	);
end;
$$;

comment on function public.municipality_page(text, date, double precision) is
	'Everything /gemeenten/[nis] shows but its coverage, in one call (security invoker: RLS as for the separate queries). found false with current_nis for a merged or unknown municipality.';

-- An organisation row as the page's PostgREST query gave it: its columns, its municipality and its
-- academy profile embedded (null when the caller may not see them).
create or replace function private.municipality_page_organisation(o public.organisations)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select jsonb_build_object(
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
$$;

-- An activity row with the columns listUpcomingActivitiesIn() selected.
create or replace function private.municipality_page_activity(a public.public_activities)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select jsonb_build_object(
		'id', a.id, 'title', a.title, 'format', a.format, 'domains', a.domains,
		'age_min', a.age_min, 'age_max', a.age_max, 'start_date', a.start_date, 'end_date', a.end_date,
		'session_count', a.session_count, 'price_eur', a.price_eur, 'status', a.status,
		'municipality_nis', a.municipality_nis, 'municipality_name', a.municipality_name,
		'province_nl', a.province_nl, 'lat', a.lat, 'lng', a.lng,
		'organisation_name', a.organisation_name, 'organisation_slug', a.organisation_slug,
		'photo_path', a.photo_path, 'photo_alt', a.photo_alt
	);
$$;

revoke execute on function public.starters_section(text) from public;
revoke execute on function public.municipality_page(text, date, double precision) from public;
revoke execute on function private.municipality_page_organisation(public.organisations) from public;
revoke execute on function private.municipality_page_activity(public.public_activities) from public;
grant execute on function public.starters_section(text) to anon, authenticated, service_role;
grant execute on function public.municipality_page(text, date, double precision)
	to anon, authenticated, service_role;
grant execute on function private.municipality_page_organisation(public.organisations)
	to anon, authenticated, service_role;
grant execute on function private.municipality_page_activity(public.public_activities)
	to anon, authenticated, service_role;
