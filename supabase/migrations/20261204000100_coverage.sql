-- Coverage ("witte vlekken"): which current Flemish and Brussels municipalities have a STEM academy's seat,
-- which only had activities in a school year, and which had nothing; per province in the shape of the
-- published table (municipalities, with an academy, %), on the current (2025) municipalities or on those that
-- existed on 2024-12-31; and the nearest academies of every municipality without one.
--
-- What counts as an academy for a school year: a verified academy (private.counted_academies) that was
-- verified before that school year ended (one verified later did not cover anything that year). A seat or an
-- activity recorded in a former municipality counts for the municipality it merged into.
--
-- Every function here is security invoker: they read only what anyone may read (municipalities, organisations,
-- published activities; counted_academies is callable by anon) and count published activities only, so
-- everyone gets the same figures.

/**
 * distance_km(lat1, lng1, lat2, lng2)
 * The great-circle distance in kilometres between two WGS84 points (haversine, Earth radius 6371 km).
 */
create function private.distance_km(
	p_lat1 double precision,
	p_lng1 double precision,
	p_lat2 double precision,
	p_lng2 double precision
)
returns double precision
language sql
immutable
set search_path = ''
as $$
	select 2 * 6371 * asin(sqrt(
		power(sin(radians(p_lat2 - p_lat1) / 2), 2)
		+ cos(radians(p_lat1)) * cos(radians(p_lat2)) * power(sin(radians(p_lng2 - p_lng1) / 2), 2)
	));
$$;

comment on function private.distance_km(double precision, double precision, double precision, double precision) is
	'Great-circle distance in km between two WGS84 points (haversine).';

/**
 * coverage_academies(start_year)
 * The academies coverage counts in a school year: verified, and verified before the school year ended.
 * seat_nis is the current municipality of the seat (a former municipality maps to its successor).
 */
create function private.coverage_academies(p_start_year integer)
returns table (
	id uuid,
	name text,
	slug text,
	municipality_nis text,
	seat_nis text,
	lat double precision,
	lng double precision
)
language sql
stable
set search_path = ''
as $$
	select c.id, o.name, o.slug, c.municipality_nis, coalesce(m.merged_into, m.nis), c.lat, c.lng
	from private.counted_academies() c
	join public.organisations o on o.id = c.id
	join public.municipalities m on m.nis = c.municipality_nis
	where o.verified_at is null
		or (o.verified_at at time zone 'Europe/Brussels')::date
			<= (select b.ends_on from private.school_year_bounds(p_start_year) b);
$$;

comment on function private.coverage_academies(integer) is
	'Academies counted in a school year (verified before it ended), with the current municipality of their seat.';

/**
 * coverage_municipalities(start_year)
 * One row per current Flemish and Brussels municipality: its published province label, how many counted
 * academies have their seat there, how many published activities started there in the school year, and the
 * status: 'academy' (a seat), 'activities' (no seat, but activities) or 'none'. Ordered by the published
 * province order, then by name. A null year is the current school year.
 */
create function public.coverage_municipalities(p_start_year integer)
returns table (
	nis text,
	name_nl text,
	province text,
	status text,
	academies integer,
	activities integer
)
language sql
stable
set search_path = ''
as $$
	with year as (
		select coalesce(
			p_start_year,
			extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer
		) as start_year
	),
	bounds as (
		select b.starts_on, b.ends_on from year y, private.school_year_bounds(y.start_year) b
	),
	seats as (
		select a.seat_nis, count(*)::integer as academies
		from year y, private.coverage_academies(y.start_year) a
		group by a.seat_nis
	),
	held as (
		select coalesce(m.merged_into, m.nis) as nis, count(*)::integer as activities
		from public.activities act
		join public.municipalities m on m.nis = act.municipality_nis
		cross join bounds b
		where act.status = 'published' and act.start_date between b.starts_on and b.ends_on
		group by 1
	)
	select
		m.nis,
		m.name_nl,
		private.province_label(m.province_nl, m.region),
		case
			when coalesce(s.academies, 0) > 0 then 'academy'
			when coalesce(h.activities, 0) > 0 then 'activities'
			else 'none'
		end,
		coalesce(s.academies, 0),
		coalesce(h.activities, 0)
	from public.municipalities m
	left join seats s on s.seat_nis = m.nis
	left join held h on h.nis = m.nis
	where m.valid_to is null and m.region in ('VLG', 'BRU')
	order by
		array_position(
			array['West-Vlaanderen', 'Oost-Vlaanderen', 'Antwerpen', 'Vlaams-Brabant', 'Limburg', 'Brussel'],
			private.province_label(m.province_nl, m.region)
		),
		m.name_nl,
		m.nis;
$$;

comment on function public.coverage_municipalities(integer) is
	'Coverage of every current Flemish and Brussels municipality in a school year: academy (a seat), activities (only activities) or none.';

/**
 * coverage_provinces(start_year, basis)
 * The published coverage table: per province (Flanders' five and Brussel, in the published order) the number
 * of municipalities, how many have a counted academy's seat, and the share in % (2 decimals); a TOTAL row last.
 * Basis 'current': the municipalities of 2025 (285 + 19). Basis '2024': those that existed on 2024-12-31
 * (300 + 19), each in its province of then. An academy whose seat is a merged municipality covers the one of
 * its former parts whose centre lies nearest to the academy's coordinates (we have no boundaries of 2024), so
 * a merger never turns one seat into several covered municipalities.
 */
create function public.coverage_provinces(p_start_year integer, p_basis text)
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
	with units as (
		select m.nis, m.merged_into, m.lat, m.lng, private.province_label(m.province_nl, m.region) as province
		from public.municipalities m
		where m.region in ('VLG', 'BRU')
			and case
				when p_basis = 'current' then m.valid_to is null
				else m.valid_from <= date '2024-12-31' and (m.valid_to is null or m.valid_to >= date '2024-12-31')
			end
	),
	covered as (
		-- current basis: the seat's current municipality; 2024 basis: the nearest of the seat's former parts
		select distinct
			case
				when p_basis = 'current' then a.seat_nis
				else (
					select u.nis
					from units u
					where u.nis = a.municipality_nis or u.merged_into = a.municipality_nis
					order by private.distance_km(u.lat, u.lng, a.lat, a.lng), u.nis
					limit 1
				)
			end as nis
		from private.coverage_academies(v_year) a
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

comment on function public.coverage_provinces(integer, text) is
	'The published coverage table (municipalities, with an academy, %) per province and in total, on the current (2025) municipalities or those of 2024-12-31.';

/**
 * coverage_nearest_academies(start_year, nis)
 * For one current Flemish or Brussels municipality (p_nis), or for every one without a counted academy's seat
 * (p_nis null): the three nearest counted academies, by the distance in km from the municipality's centre to
 * the academy's coordinates (rounded to 0.1 km).
 */
create function public.coverage_nearest_academies(p_start_year integer, p_nis text default null)
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
	with spots as (
		select c.nis, m.lat, m.lng
		from public.coverage_municipalities(p_start_year) c
		join public.municipalities m on m.nis = c.nis
		where (p_nis is null and c.status <> 'academy') or c.nis = p_nis
	),
	academies as (
		select a.*
		from private.coverage_academies(
			coalesce(
				p_start_year,
				extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer
			)
		) a
	)
	select s.nis, n.rank::integer, n.id, n.name, n.slug, n.seat_nis, round(n.km::numeric, 1)
	from spots s
	cross join lateral (
		select a.id, a.name, a.slug, a.seat_nis, k.km, row_number() over (order by k.km, a.name) as rank
		from academies a
		cross join lateral (select private.distance_km(s.lat, s.lng, a.lat, a.lng) as km) k
		order by k.km, a.name
		limit 3
	) n
	order by s.nis, n.rank;
$$;

comment on function public.coverage_nearest_academies(integer, text) is
	'The three nearest counted academies (km from the municipality''s centre) of one municipality, or of every current Flemish and Brussels municipality without an academy.';

revoke execute on function private.distance_km(double precision, double precision, double precision, double precision)
	from public;
revoke execute on function private.coverage_academies(integer) from public;
revoke execute on function public.coverage_municipalities(integer) from public;
revoke execute on function public.coverage_provinces(integer, text) from public;
revoke execute on function public.coverage_nearest_academies(integer, text) from public;
grant execute on function private.distance_km(double precision, double precision, double precision, double precision)
	to anon, authenticated, service_role;
grant execute on function private.coverage_academies(integer) to anon, authenticated, service_role;
grant execute on function public.coverage_municipalities(integer) to anon, authenticated, service_role;
grant execute on function public.coverage_provinces(integer, text) to anon, authenticated, service_role;
grant execute on function public.coverage_nearest_academies(integer, text) to anon, authenticated, service_role;
