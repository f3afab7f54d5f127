-- /dekking's white spots get a page of their own, /dekking/witte-vlekken (issue 15: every public page
-- uncached p95 <= 2x a bare page; /dekking was the worst). Up to 200 white spots with three academies each
-- were 108 kB of the page's 179 kB of HTML, and the nearest academies half of coverage_overview()'s answer.
-- /dekking keeps the map, the provinces table and a count of the white spots per province that links to
-- the new page.
--
-- - coverage_overview(): `municipalities` and `provinces` only. The white spots' nearest academies and
--   coaches move to the new function.
-- - coverage_white_spots(): the white spots as coverage_municipalities() orders them (`nis`, `name_nl`,
--   `province`, `status`), their three nearest academies by NIS code (`slug`, `name`, `km`, nearest first)
--   and the coaching academies of white spots whose starters have one (`municipality_nis`, `name`).
--
-- Both are security invoker: the caller's policies, as before. Same grants as coverage_overview().

/**
 * coverage_overview(school year)
 * What /dekking shows, in one JSON object: `municipalities` (coverage_municipalities' rows, in their order)
 * and `provinces` (coverage_provinces' rows on the `current` and the `2024` basis). Security invoker.
 */
create or replace function public.coverage_overview(p_start_year integer)
returns json
language plpgsql
stable
set search_path = ''
as $$
begin
	return (
	with municipalities as materialized (
		select c.*
		from public.coverage_municipalities(p_start_year) with ordinality c (
			nis, name_nl, province, status, academies, activities, position
		)
	),
	-- The current basis counts the municipalities with a seat, which the rows above already say.
	per_province as (
		select
			m.province,
			count(*)::integer as municipalities,
			(count(*) filter (where m.status = 'academy'))::integer as with_academy,
			array_position(
				array['West-Vlaanderen', 'Oost-Vlaanderen', 'Antwerpen', 'Vlaams-Brabant', 'Limburg', 'Brussel'],
				m.province
			) as position
		from municipalities m
		group by m.province
	),
	provinces as (
		select 'current' as basis, t.province, t.municipalities, t.with_academy,
			round(100.0 * t.with_academy / nullif(t.municipalities, 0), 2) as coverage_pct, t.position
		from (
			select p.province, p.municipalities, p.with_academy, p.position from per_province p
			union all
			select 'TOTAL', sum(p.municipalities)::integer, sum(p.with_academy)::integer, 99 from per_province p
		) t
		union all
		select '2024', p.*
		from public.coverage_provinces(p_start_year, '2024') with ordinality p (
			province, municipalities, with_academy, coverage_pct, position
		)
	)
	select json_build_object(
		'municipalities', (
			select coalesce(json_agg(json_build_object(
				'nis', m.nis, 'name_nl', m.name_nl, 'province', m.province, 'status', m.status,
				'academies', m.academies, 'activities', m.activities
			) order by m.position), '[]')
			from municipalities m
		),
		'provinces', json_build_object(
			'current', (
				select coalesce(json_agg(json_build_object(
					'province', p.province, 'municipalities', p.municipalities, 'with_academy', p.with_academy,
					'coverage_pct', p.coverage_pct
				) order by p.position), '[]')
				from provinces p where p.basis = 'current'
			),
			'2024', (
				select coalesce(json_agg(json_build_object(
					'province', p.province, 'municipalities', p.municipalities, 'with_academy', p.with_academy,
					'coverage_pct', p.coverage_pct
				) order by p.position), '[]')
				from provinces p where p.basis = '2024'
			)
		)
	)
	);
end;
$$;

/**
 * coverage_white_spots(school year)
 * What /dekking/witte-vlekken shows, in one JSON object: `spots` (the municipalities without an academy,
 * in coverage_municipalities' order: `nis`, `name_nl`, `province`, `status`), `nearest` (each white spot's
 * three nearest academies by NIS code, nearest first: `slug`, `name`, `km`) and `coaches` (each white
 * spot's coaching academies: `municipality_nis`, `name`). Security invoker.
 */
create function public.coverage_white_spots(p_start_year integer)
returns json
language plpgsql
stable
set search_path = ''
as $$
begin
	return (
	with spots as materialized (
		select c.nis, c.name_nl, c.province, c.status, c.position
		from public.coverage_municipalities(p_start_year) with ordinality c (
			nis, name_nl, province, status, academies, activities, position
		)
		where c.status <> 'academy'
	),
	nearest as (
		select n.nis, json_agg(
			json_build_object('slug', n.academy_slug, 'name', n.academy_name, 'km', n.distance_km)
			order by n.rank
		) as academies
		from private.coverage_nearest_of(p_start_year, array(select s.nis from spots s)) n
		group by n.nis
	)
	select json_build_object(
		'spots', (
			select coalesce(json_agg(json_build_object(
				'nis', s.nis, 'name_nl', s.name_nl, 'province', s.province, 'status', s.status
			) order by s.position), '[]')
			from spots s
		),
		'nearest', (select coalesce(json_object_agg(n.nis, n.academies), '{}') from nearest n),
		'coaches', (
			select coalesce(json_agg(json_build_object('municipality_nis', c.municipality_nis, 'name', o.name)
				order by c.municipality_nis, o.name), '[]')
			from public.starter_coaches c
			join public.organisations o on o.id = c.academy_id
			where c.municipality_nis in (select s.nis from spots s)
		)
	)
	);
end;
$$;

comment on function public.coverage_overview(integer) is
	'What the coverage page shows for a school year, in one JSON object: municipalities and provinces on both bases.';

comment on function public.coverage_white_spots(integer) is
	'/dekking/witte-vlekken in one call: the white spots, their nearest academies and coaches (issue 15).';

revoke execute on function public.coverage_white_spots(integer) from public;
grant execute on function public.coverage_white_spots(integer) to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
