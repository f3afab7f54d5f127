-- /dekking/witte-vlekken shows the nearest academies and coaches of one province at a time (issue 15: every
-- public page uncached p95 <= 2x a bare page; this page was the worst, 140 ms against 26.5 ms, with 120 kB
-- of HTML for up to 200 white spots with three academies and three links each). Without a province the
-- page lists every white spot by name per province; with ?provincie= it shows that province's white spots
-- in full. So the function computes the nearest academies only for the province asked.
--
-- coverage_white_spots(school year, province): `spots` as before (every white spot, in the map's order),
-- `nearest` and `coaches` only for the white spots of p_province, none when it is null. Security invoker,
-- as before; it replaces the one-argument function, which only the app called.

drop function public.coverage_white_spots(integer);

/**
 * coverage_white_spots(school year, province)
 * What /dekking/witte-vlekken shows, in one JSON object: `spots` (the municipalities without an academy,
 * in coverage_municipalities' order: `nis`, `name_nl`, `province`, `status`), and for the white spots of
 * p_province (none when null) `nearest` (their three nearest academies by NIS code, nearest first: `slug`,
 * `name`, `km`) and `coaches` (their coaching academies: `municipality_nis`, `name`). Security invoker.
 */
create function public.coverage_white_spots(p_start_year integer, p_province text default null)
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
	detailed as materialized (
		select s.nis from spots s where s.province = p_province
	),
	nearest as (
		select n.nis, json_agg(
			json_build_object('slug', n.academy_slug, 'name', n.academy_name, 'km', n.distance_km)
			order by n.rank
		) as academies
		from private.coverage_nearest_of(p_start_year, array(select d.nis from detailed d)) n
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
			where c.municipality_nis in (select d.nis from detailed d)
		)
	)
	);
end;
$$;

comment on function public.coverage_white_spots(integer, text) is
	'/dekking/witte-vlekken in one call: the white spots, and the nearest academies and coaches of one province''s (issue 15).';

revoke execute on function public.coverage_white_spots(integer, text) from public;
grant execute on function public.coverage_white_spots(integer, text) to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
