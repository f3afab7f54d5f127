-- /dekking/witte-vlekken takes its white spots from the kept coverage answer (issue 15: every public page
-- uncached p95 <= 2x a bare page; this page was the worst again, 103.8 ms against 23.6, with 5.6 to 6.0 ms
-- of Postgres per request). coverage_white_spots() computed coverage_municipalities() for every caller
-- (3.5 ms of its 5.5), and the nearest academies' check of the school year even when it details no
-- province (the page without ?provincie=).
--
-- - public.coverage_overviews keeps each school year's white spots too (`white_spots`: what
--   coverage_white_spots() answers as `spots`), rebuilt with the overview by coverage_keep_overviews(), so
--   by the same triggers (20261213000000_coverage_overview_kept.sql). Reading them out of the kept overview
--   instead would parse its whole JSON text on each call (1 ms).
-- - coverage_white_spots(): the kept white spots when the school year has them, computed from
--   coverage_overview() otherwise; the nearest academies only when a province has white spots. Same
--   signature, answer and security (invoker) as 20261209001300 gave it.
--
-- The tests that compare the white spots with coverage_overview()'s municipalities for a kept and a
-- computed school year are in tests/integration/db/coverage.test.ts; that the kept ones follow each kind of
-- change, in tests/integration/db/coverage-overview-kept.test.ts.

/**
 * coverage_white_spots_of(overview)
 * The white spots of a coverage_overview() answer: its municipalities without an academy, in its order,
 * each `nis`, `name_nl`, `province` and `status`.
 */
create function private.coverage_white_spots_of(p_overview json)
returns json
language sql
immutable
set search_path = ''
as $$
	select coalesce(json_agg(json_build_object(
		'nis', m.value->'nis', 'name_nl', m.value->'name_nl', 'province', m.value->'province',
		'status', m.value->'status'
	) order by m.position), '[]')
	from json_array_elements(p_overview->'municipalities') with ordinality m (value, position)
	where m.value->>'status' <> 'academy';
$$;

comment on function private.coverage_white_spots_of(json) is
	'The white spots (municipalities without an academy) of a coverage_overview() answer, in its order.';

grant execute on function private.coverage_white_spots_of(json) to anon, authenticated, service_role;

alter table public.coverage_overviews add column white_spots json;

comment on column public.coverage_overviews.white_spots is
	'The school year''s white spots as coverage_white_spots() gives them (spots), kept with the overview.';

/**
 * coverage_keep_overviews(start_years)
 * Rebuilds the kept answers of these school years (every one when null): each one the coverage pages offer
 * (the current school year and the three before it) or the next is computed again, any other is removed.
 */
create or replace function private.coverage_keep_overviews(p_start_years integer[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_current integer :=
		extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer;
begin
	-- the triggers' statements hold it already (one_writer_at_a_time); a direct call waits here
	perform pg_advisory_xact_lock(hashtext('public.coverage'));
	delete from public.coverage_overviews k
	where p_start_years is null or k.start_year = any (p_start_years);
	insert into public.coverage_overviews (start_year, overview, white_spots)
	select c.y, c.overview, private.coverage_white_spots_of(c.overview)
	from (
		select y, private.coverage_overview_computed(y) as overview
		from generate_series(v_current - 3, v_current + 1) y
		where p_start_years is null or y = any (p_start_years)
	) c;
end;
$$;

select private.coverage_keep_overviews(null);

alter table public.coverage_overviews alter column white_spots set not null;

/**
 * coverage_white_spots(school year, province)
 * What /dekking/witte-vlekken shows, in one JSON object: `spots` (the municipalities without an academy,
 * in coverage_overview()'s order: `nis`, `name_nl`, `province`, `status`; kept for the years the coverage
 * pages offer), and for the white spots of p_province (none when null) `nearest` (their three nearest
 * academies by NIS code, nearest first: `slug`, `name`, `km`) and `coaches` (their coaching academies:
 * `municipality_nis`, `name`). Security invoker.
 */
create or replace function public.coverage_white_spots(p_start_year integer, p_province text default null)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
	v_spots json := coalesce(
		(
			select k.white_spots
			from public.coverage_overviews k
			where k.start_year = coalesce(
				p_start_year,
				extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer
			)
		),
		private.coverage_white_spots_of(public.coverage_overview(p_start_year))
	);
	v_detailed text[];
begin
	if p_province is not null then
		select array_agg(s.value->>'nis') into v_detailed
		from json_array_elements(v_spots) s
		where s.value->>'province' = p_province;
	end if;
	if v_detailed is null then
		return json_build_object('spots', v_spots, 'nearest', '{}'::json, 'coaches', '[]'::json);
	end if;
	return json_build_object(
		'spots', v_spots,
		'nearest', (
			select coalesce(json_object_agg(n.nis, n.academies), '{}')
			from (
				select n.nis, json_agg(
					json_build_object('slug', n.academy_slug, 'name', n.academy_name, 'km', n.distance_km)
					order by n.rank
				) as academies
				from private.coverage_nearest_of(p_start_year, v_detailed) n
				group by n.nis
			) n
		),
		'coaches', (
			select coalesce(json_agg(json_build_object('municipality_nis', c.municipality_nis, 'name', o.name)
				order by c.municipality_nis, o.name), '[]')
			from public.starter_coaches c
			join public.organisations o on o.id = c.academy_id
			where c.municipality_nis = any (v_detailed)
		)
	);
end;
$$;

revoke execute on all functions in schema private from public;
