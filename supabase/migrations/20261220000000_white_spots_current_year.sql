-- The white spots of one province (/dekking/witte-vlekken?provincie=…, issue 15): coverage_nearest_of()
-- read the kept nearest academies only after checking that no counted academy was verified after the
-- school year ended, through private.counted_academies() (security definer, so never inlined) and every
-- verified academy's row: 0.44 ms of the function's 0.73 ms for Vlaams-Brabant's 46 white spots (psql as
-- anon, 300 calls after 50), on every request for a province.
--
-- A school year that has not ended yet needs no such check: verified_at is the moment an academy was
-- verified (set_verification() sets now(); clients may only read the column), so no academy can have
-- been verified after an end that is still to come (the seed and the tests write past dates or now() too;
-- nothing writes a future one). The check stays for years that have ended. Same rows
-- as before (all six provinces' answers compared as JSONB for 2023, 2025 and 2026); the rest of the
-- function is unchanged. Measured: Vlaams-Brabant 1.4-1.7 -> 1.0 ms (psql as anon, 3 x 300 calls).

create or replace function private.coverage_nearest_of(p_start_year integer, p_nis text[])
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
	-- whether every counted academy counts in the school year: a year still running counts them all;
	-- one that ended counts them if none was verified after its end
	whole as materialized (
		select case
			when b.ends_on >= (now() at time zone 'Europe/Brussels')::date then true
			else not exists (
				select 1
				from private.counted_academies() c
				join public.organisations o on o.id = c.id
				where (o.verified_at at time zone 'Europe/Brussels')::date > b.ends_on
			)
		end as cached
		from year y
		cross join private.school_year_bounds(y.start_year) b
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

revoke execute on all functions in schema private from public;
grant execute on function private.coverage_nearest_of(integer, text[]) to anon, authenticated, service_role;
