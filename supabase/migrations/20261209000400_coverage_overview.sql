-- /dekking in one call (issue 15: every public page uncached p95 <= 2x a bare page; /dekking was the worst,
-- 387 ms p95 against 24.9 ms). The page asked PostgREST five times (the municipalities, the provinces on
-- both bases, the white spots' nearest academies, the starters' coaches), and coverage_nearest_academies()
-- computed coverage_municipalities() again to find the white spots. Measured on the seed with
-- track_functions, 30 rounds of the page's calls: coverage_municipalities 4.4 ms a call,
-- coverage_nearest_academies 8.9 ms (4.4 of it that second coverage_municipalities), coverage_provinces
-- 3.7 ms per basis; and bench:pages put 8.4 ms of the page's 46.7 ms CPU in the gateway and PostgREST.
--
-- Now coverage_overview(year) answers the page with one JSON object: the municipalities computed once, the
-- white spots' nearest academies from those rows (private.coverage_nearest_of(): the body of
-- coverage_nearest_academies(), for a list of municipalities), both provinces tables and the coaches.
-- coverage_nearest_academies() keeps its signature and rows; it now names its municipalities and asks
-- coverage_nearest_of(). A municipality's page likewise asks coverage_of_municipality() once (was
-- coverage_municipalities(), computed for all 304 to keep one row, and coverage_nearest_academies()).
-- Everything stays security invoker: the caller reads what its policies allow.
--
-- And coverage_municipalities(), coverage_nearest_of() and coverage_overview() are PL/pgSQL, which keeps
-- each statement's plan per session (PostgreSQL 17 plans a SQL function's statement again on every call,
-- as 20261207000500 found for matching): in psql on the seed, coverage_nearest_of() took 7.3 ms of which
-- its statement ran 1.6 ms and the rest was planning it and coverage_municipalities().
--
-- coverage_provinces() on the 2024 basis looked for each academy's nearest former part by scanning every
-- unit (319) per academy (133): 4.4 ms against 1.7 ms on the current basis. It now joins an academy's
-- municipality to its units twice (as itself, as what they merged into) and keeps the nearest; same rows.

/**
 * coverage_nearest_of(school year, municipalities)
 * The three nearest counted academies of each of these current Flemish and Brussels municipalities (others
 * are left out), as coverage_nearest_academies() describes them: the kept rows when no counted academy was
 * verified after the school year, computed otherwise.
 */
create function private.coverage_nearest_of(p_start_year integer, p_nis text[])
returns table (
	nis text,
	rank integer,
	academy_id uuid,
	academy_name text,
	academy_slug text,
	academy_nis text,
	distance_km numeric
)
language plpgsql
stable
set search_path = ''
as $$
begin
	return query
	with year as materialized (
		select coalesce(
			p_start_year,
			extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer
		) as start_year
	),
	-- whether every counted academy counts in the school year (none was verified after it ended)
	whole as materialized (
		select not exists (
			select 1
			from year y
			cross join private.school_year_bounds(y.start_year) b
			join private.counted_academies() c on true
			join public.organisations o on o.id = c.id
			where (o.verified_at at time zone 'Europe/Brussels')::date > b.ends_on
		) as cached
	),
	spots as materialized (
		select m.nis, m.lat, m.lng
		from public.municipalities m
		where m.nis = any (p_nis) and m.valid_to is null and m.region in ('VLG', 'BRU')
	),
	academies as materialized (
		select a.*
		from year y, private.coverage_academies(y.start_year) a
		where not (select w.cached from whole w)
	)
	select n.nis, n.rank, n.academy_id, n.academy_name, n.academy_slug, n.academy_nis, n.distance_km
	from spots s
	join public.coverage_nearest n on n.nis = s.nis
	where (select w.cached from whole w)
	union all
	select s.nis, n.rank::integer, n.id, n.name, n.slug, n.seat_nis, round(n.km::numeric, 1)
	from spots s
	cross join lateral (
		select a.id, a.name, a.slug, a.seat_nis, k.km, row_number() over (order by k.km, a.name) as rank
		from academies a
		cross join lateral (
			-- private.distance_km(s.lat, s.lng, a.lat, a.lng), inlined
			select 2 * 6371 * asin(sqrt(
				power(sin(radians(a.lat - s.lat) / 2), 2)
				+ cos(radians(s.lat)) * cos(radians(a.lat)) * power(sin(radians(a.lng - s.lng) / 2), 2)
			)) as km
		) k
		order by k.km, a.name
		limit 3
	) n
	where not (select w.cached from whole w)
	order by 1, 2;
end;
$$;

comment on function private.coverage_nearest_of(integer, text[]) is
	'The three nearest counted academies (km from the municipality''s centre) of each of these current Flemish and Brussels municipalities in a school year.';

revoke execute on function private.coverage_nearest_of(integer, text[]) from public;
grant execute on function private.coverage_nearest_of(integer, text[]) to anon, authenticated, service_role;

create or replace function public.coverage_nearest_academies(p_start_year integer, p_nis text default null)
returns table (
	nis text,
	rank integer,
	academy_id uuid,
	academy_name text,
	academy_slug text,
	academy_nis text,
	distance_km numeric
)
language sql
stable
set search_path = ''
as $$
	select n.*
	from private.coverage_nearest_of(
		p_start_year,
		case
			when p_nis is not null then array[p_nis]
			else array(select c.nis from public.coverage_municipalities(p_start_year) c where c.status <> 'academy')
		end
	) n;
$$;

/**
 * coverage_overview(school year)
 * Everything /dekking shows, in one JSON object: `municipalities` (coverage_municipalities' rows, in their
 * order), `provinces` (coverage_provinces' rows on the `current` and the `2024` basis), `nearest` (the white
 * spots' three nearest academies, as coverage_nearest_academies() gives them) and `coaches` (each white
 * spot's coaching academies: `municipality_nis`, `name`). Security invoker.
 */
create function public.coverage_overview(p_start_year integer)
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
	)
	select json_build_object(
		'municipalities', (
			select coalesce(jsonb_agg(to_jsonb(m) - 'position' order by m.position), '[]')
			from municipalities m
		),
		'provinces', json_build_object(
			'current', (
				select coalesce(jsonb_agg(to_jsonb(p) - 'position' order by p.position), '[]')
				from public.coverage_provinces(p_start_year, 'current') with ordinality p (
					province, municipalities, with_academy, coverage_pct, position
				)
			),
			'2024', (
				select coalesce(jsonb_agg(to_jsonb(p) - 'position' order by p.position), '[]')
				from public.coverage_provinces(p_start_year, '2024') with ordinality p (
					province, municipalities, with_academy, coverage_pct, position
				)
			)
		),
		'nearest', (
			select coalesce(json_agg(n order by n.nis, n.rank), '[]')
			from private.coverage_nearest_of(
				p_start_year,
				array(select m.nis from municipalities m where m.status <> 'academy')
			) n
		),
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

comment on function public.coverage_overview(integer) is
	'Everything the coverage page shows for a school year, in one JSON object: municipalities, provinces on both bases, the white spots'' nearest academies and their coaches.';

revoke execute on function public.coverage_overview(integer) from public;
grant execute on function public.coverage_overview(integer) to anon, authenticated, service_role;

-- The same statement as 20261207000100_coverage_counts.sql's, its plan kept per session, and for one
-- municipality when p_nis names it (a municipality's page: the whole table was computed for its one row).
drop function public.coverage_municipalities(integer);
create function public.coverage_municipalities(p_start_year integer, p_nis text default null)
returns table (
	nis text,
	name_nl text,
	province text,
	status text,
	academies integer,
	activities integer
)
language plpgsql
stable
set search_path = ''
as $$
begin
	return query
	with year as (
		select coalesce(
			p_start_year,
			extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer
		) as start_year
	),
	seats as (
		select a.seat_nis, count(*)::integer as academies
		from year y, private.coverage_academies(y.start_year) a
		group by a.seat_nis
	),
	units as (
		-- private.province_label(m.province_nl, m.region), inlined
		select
			m.nis,
			m.name_nl,
			case when m.region = 'BRU' then 'Brussel' else regexp_replace(m.province_nl, '^Provincie ', '') end
				as province
		from public.municipalities m
		where m.valid_to is null and m.region in ('VLG', 'BRU') and (p_nis is null or m.nis = p_nis)
	)
	select
		u.nis,
		u.name_nl,
		u.province,
		case
			when coalesce(s.academies, 0) > 0 then 'academy'
			when coalesce(c.activities, 0) > 0 then 'activities'
			else 'none'
		end,
		coalesce(s.academies, 0),
		coalesce(c.activities, 0)
	from units u
	cross join year y
	left join seats s on s.seat_nis = u.nis
	left join public.coverage_activity_counts c on c.start_year = y.start_year and c.nis = u.nis
	order by
		array_position(
			array['West-Vlaanderen', 'Oost-Vlaanderen', 'Antwerpen', 'Vlaams-Brabant', 'Limburg', 'Brussel'],
			u.province
		),
		u.name_nl,
		u.nis;
end;
$$;

-- 20261207000100_coverage_counts.sql's statement, the 2024 basis's nearest former part found by joins.
create or replace function public.coverage_provinces(p_start_year integer, p_basis text)
returns table (province text, municipalities integer, with_academy integer, coverage_pct numeric)
language plpgsql
stable
set search_path = ''
as $$
declare
	v_year integer := coalesce(
		p_start_year,
		extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer
	);
	v_order constant text[] := array[
		'West-Vlaanderen', 'Oost-Vlaanderen', 'Antwerpen', 'Vlaams-Brabant', 'Limburg', 'Brussel'
	];
begin
	if p_basis is null or p_basis not in ('current', '2024') then
		raise exception using errcode = '22023', message = 'Kies de huidige gemeenten of die van 2024.',
			hint = 'coverage_basis_known';
	end if;

	return query
	with units as materialized (
		select
			m.nis,
			m.merged_into,
			m.lat,
			m.lng,
			-- private.province_label(m.province_nl, m.region), inlined
			case when m.region = 'BRU' then 'Brussel' else regexp_replace(m.province_nl, '^Provincie ', '') end
				as province
		from public.municipalities m
		where m.region in ('VLG', 'BRU')
			and case
				when p_basis = 'current' then m.valid_to is null
				else m.valid_from <= date '2024-12-31' and (m.valid_to is null or m.valid_to >= date '2024-12-31')
			end
	),
	academies as materialized (
		select a.id, a.municipality_nis, a.seat_nis, a.lat, a.lng from private.coverage_academies(v_year) a
	),
	-- 2024 basis: the units an academy's municipality was or is made of (itself, or the former parts of
	-- the merged one it lies in), two hash joins instead of a scan of every unit per academy
	parts as (
		select a.id, a.lat, a.lng, u.nis, u.lat as unit_lat, u.lng as unit_lng
		from academies a
		join units u on u.nis = a.municipality_nis
		where p_basis = '2024'
		union all
		select a.id, a.lat, a.lng, u.nis, u.lat, u.lng
		from academies a
		join units u on u.merged_into = a.municipality_nis
		where p_basis = '2024'
	),
	covered as (
		-- current basis: the seat's current municipality
		select distinct a.seat_nis as nis
		from academies a
		where p_basis = 'current'
		union
		-- 2024 basis: the nearest of the seat's former parts
		select n.nis
		from (
			select distinct on (p.id) p.nis
			from parts p
			-- private.distance_km(p.unit_lat, p.unit_lng, p.lat, p.lng), inlined
			order by
				p.id,
				2 * 6371 * asin(sqrt(
					power(sin(radians(p.lat - p.unit_lat) / 2), 2)
					+ cos(radians(p.unit_lat)) * cos(radians(p.lat)) * power(sin(radians(p.lng - p.unit_lng) / 2), 2)
				)),
				p.nis
		) n
	),
	per_province as (
		select
			u.province,
			count(*)::integer as municipalities,
			count(c.nis)::integer as with_academy
		from units u
		left join covered c on c.nis = u.nis
		group by u.province
	),
	with_total as (
		select p.province, p.municipalities, p.with_academy, array_position(v_order, p.province) as position
		from per_province p
		union all
		select 'TOTAL', sum(p.municipalities)::integer, sum(p.with_academy)::integer, 99
		from per_province p
	)
	select
		t.province,
		t.municipalities,
		t.with_academy,
		round(100.0 * t.with_academy / nullif(t.municipalities, 0), 2)
	from with_total t
	order by t.position;
end;
$$;

comment on function public.coverage_municipalities(integer, text) is
	'Coverage of every current Flemish and Brussels municipality (or the one p_nis names) in a school year: academy (a seat), activities (only activities) or none.';

revoke execute on function public.coverage_municipalities(integer, text) from public;
grant execute on function public.coverage_municipalities(integer, text) to anon, authenticated, service_role;

/**
 * coverage_of_municipality(school year, municipality)
 * A municipality's page's coverage in one JSON object: `municipality` (its coverage_municipalities() row,
 * null when it is not a current Flemish or Brussels one) and `nearest` (its three nearest counted
 * academies, as coverage_nearest_academies() gives them). Security invoker.
 */
create function public.coverage_of_municipality(p_start_year integer, p_nis text)
returns json
language plpgsql
stable
set search_path = ''
as $$
begin
	return json_build_object(
		-- no municipality named, none answered (coverage_municipalities would give all of them)
		'municipality', (
			select to_json(c) from public.coverage_municipalities(p_start_year, p_nis) c where p_nis is not null
		),
		'nearest', (
			select coalesce(json_agg(n order by n.rank), '[]')
			from private.coverage_nearest_of(p_start_year, array[p_nis]) n
		)
	);
end;
$$;

comment on function public.coverage_of_municipality(integer, text) is
	'A municipality''s coverage in a school year and its three nearest counted academies, in one JSON object.';

revoke execute on function public.coverage_of_municipality(integer, text) from public;
grant execute on function public.coverage_of_municipality(integer, text) to anon, authenticated, service_role;
