-- coverage_nearest_academies, the same rows in a fraction of the time (issue 15, public pages without the
-- page cache: /dekking and every municipality page call it). The planner inlined the two CTEs and ran the
-- per-municipality "three nearest" subquery for every municipality (511) before joining the white spots,
-- and private.distance_km, an SQL function with its own search_path, is never inlined: 68 000 function calls,
-- some 2 s for the whole list on the development machine. Now the spots and the academies are each computed
-- once (materialized), the lateral runs once per spot (once on a municipality page, whose one spot is read
-- from municipalities without computing the whole coverage table), and the haversine is
-- written out in the query: the same expression with the same operands in the same order as
-- private.distance_km(s.lat, s.lng, a.lat, a.lng), so the distances, their rounding and the ranks are unchanged.
-- Still security invoker, reading only what anyone may read (see 20261204000100_coverage.sql).

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
	with spots as materialized (
		-- one municipality (a municipality page): a current Flemish or Brussels one, as
		-- coverage_municipalities lists them, without computing the whole table for it
		select m.nis, m.lat, m.lng
		from public.municipalities m
		where p_nis is not null and m.nis = p_nis and m.valid_to is null and m.region in ('VLG', 'BRU')
		union all
		select c.nis, m.lat, m.lng
		from public.coverage_municipalities(p_start_year) c
		join public.municipalities m on m.nis = c.nis
		where p_nis is null and c.status <> 'academy'
	),
	academies as materialized (
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
	order by s.nis, n.rank;
$$;

comment on function public.coverage_nearest_academies(integer, text) is
	'The three nearest counted academies (km from the municipality''s centre) of one municipality, or of every current Flemish and Brussels municipality without an academy.';
