-- /dekking's one call, cheaper to build and a third of the size (issue 15: every public page uncached p95
-- <= 2x a bare page; /dekking is the worst). With track_functions on the seed, 30 calls as anon,
-- coverage_overview() spent 4.1 of its 12.7 ms in itself, building its JSON, and answered 155 kB, which the
-- gateway, PostgREST and the app then carried and parsed.
--
-- - The municipalities and provinces are built with json_build_object() instead of to_jsonb(row) minus the
--   ordinality column: same keys and values, no jsonb built and taken apart (psql, 60 calls as anon, the
--   municipalities alone: 5.8 -> 2.8 ms p50, of which coverage_municipalities() is 2.2).
-- - `nearest` gives each white spot's three nearest academies as the page shows them, by NIS code and in
--   rank order: {"<nis>": [{"slug", "name", "km"}, ...]}. The rows of coverage_nearest_academies() repeated
--   the municipality, the rank, the academy's id and municipality for each: 123 kB -> about 45 kB.
-- - The provinces on the current basis are counted from the municipalities' rows (a municipality with a
--   seat is one with an academy) instead of computing the academies and their seats again.
-- - private.coverage_academies() is PL/pgSQL: as a SQL function with its own search_path PostgreSQL cannot
--   inline it and planned its statement again on each of the overview's three calls.
--
-- Same security (invoker: the caller's policies), same grants. coverage_nearest_academies() and
-- coverage_of_municipality() keep their rows.

create or replace function private.coverage_academies(p_start_year integer)
returns table (
	id uuid,
	name text,
	slug text,
	municipality_nis text,
	seat_nis text,
	lat double precision,
	lng double precision
)
language plpgsql
stable
set search_path = ''
as $$
begin
	return query
	select c.id, o.name, o.slug, c.municipality_nis, coalesce(m.merged_into, m.nis), c.lat, c.lng
	from private.counted_academies() c
	join public.organisations o on o.id = c.id
	join public.municipalities m on m.nis = c.municipality_nis
	where o.verified_at is null
		or (o.verified_at at time zone 'Europe/Brussels')::date
			<= (select b.ends_on from private.school_year_bounds(p_start_year) b);
end;
$$;

/**
 * coverage_overview(school year)
 * Everything /dekking shows, in one JSON object: `municipalities` (coverage_municipalities' rows, in their
 * order), `provinces` (coverage_provinces' rows on the `current` and the `2024` basis), `nearest` (each
 * white spot's three nearest academies by NIS code, nearest first: `slug`, `name`, `km`) and `coaches`
 * (each white spot's coaching academies: `municipality_nis`, `name`). Security invoker.
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
	-- The current basis counts the municipalities with a seat, which the rows above already say
	-- (coverage_provinces(year, 'current') computed the academies and their seats again).
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
	),
	nearest as (
		select n.nis, json_agg(
			json_build_object('slug', n.academy_slug, 'name', n.academy_name, 'km', n.distance_km)
			order by n.rank
		) as academies
		from private.coverage_nearest_of(
			p_start_year,
			array(select m.nis from municipalities m where m.status <> 'academy')
		) n
		group by n.nis
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
		),
		'nearest', (select coalesce(json_object_agg(n.nis, n.academies), '{}') from nearest n),
		'coaches', (
			select coalesce(json_agg(json_build_object('municipality_nis', s.municipality_nis, 'name', o.name)
				order by s.municipality_nis, o.name), '[]')
			from public.starter_coaches s
			join public.organisations o on o.id = s.academy_id
		)
	)
	);
end;
$$;

revoke execute on all functions in schema private from public;
