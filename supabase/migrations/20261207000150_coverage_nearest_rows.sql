-- coverage_nearest_academies reads rows for the current school year instead of computing some 26 000 distances
-- (issue 15: after 20261207000100 it was most of /dekking's database time, some 35 ms of 45 on the seed).
--
-- The academies counted in a school year are the counted academies verified before it ended
-- (private.coverage_academies). In every school year that no counted academy was verified after (the current
-- one and later, and most earlier ones), that is every counted academy: public.coverage_nearest keeps, for
-- every current Flemish and Brussels municipality, its three nearest counted academies, computed exactly as
-- coverage_nearest_academies computes them (the same haversine, order, ranks and rounding), kept current by
-- statement triggers on organisations (an academy added, removed, verified, renamed or moved) and
-- municipalities. coverage_nearest_academies reads those rows when no counted academy was verified after the
-- school year, and computes as before otherwise; its signature and rows are unchanged. Still security invoker.
--
-- The table holds what the function gives anyone (the counted academies' names, slugs and seats, which the
-- public academy pages show): everyone may read it; nobody writes it through the API, not even the service role.

create table public.coverage_nearest (
	nis text not null references public.municipalities (nis) on delete cascade,
	rank integer not null check (rank between 1 and 3),
	academy_id uuid not null,
	academy_name text not null,
	academy_slug text not null,
	academy_nis text not null,
	distance_km numeric not null,
	primary key (nis, rank)
);

comment on table public.coverage_nearest is
	'The three nearest counted academies of every current Flemish and Brussels municipality; kept by triggers on organisations and municipalities.';

alter table public.coverage_nearest enable row level security;

create policy coverage_nearest_read on public.coverage_nearest
	for select to anon, authenticated
	using (true);

revoke all on public.coverage_nearest from public, anon, authenticated, service_role;
grant select on public.coverage_nearest to anon, authenticated, service_role;

/**
 * coverage_find_nearest()
 * Computes coverage_nearest again: for every current Flemish and Brussels municipality, the three nearest of
 * all counted academies, as coverage_nearest_academies computes them.
 */
create function private.coverage_find_nearest()
returns void
language sql
security definer
set search_path = ''
as $$
	delete from public.coverage_nearest;

	insert into public.coverage_nearest
		(nis, rank, academy_id, academy_name, academy_slug, academy_nis, distance_km)
	with spots as materialized (
		select m.nis, m.lat, m.lng
		from public.municipalities m
		where m.valid_to is null and m.region in ('VLG', 'BRU')
	),
	academies as materialized (
		-- private.coverage_academies without the school year: every counted academy
		select c.id, o.name, o.slug, coalesce(m.merged_into, m.nis) as seat_nis, c.lat, c.lng
		from private.counted_academies() c
		join public.organisations o on o.id = c.id
		join public.municipalities m on m.nis = c.municipality_nis
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
	) n;
$$;

comment on function private.coverage_find_nearest() is
	'Computes coverage_nearest (the three nearest counted academies of every current municipality) again.';

/** After an insert or delete on organisations that added or removed an academy: find the nearest again. */
create function private.coverage_organisations_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	-- one branch per operation: a statement naming a transition table the trigger lacks does not compile
	if tg_op = 'TRUNCATE' then
		perform private.coverage_find_nearest();
	elsif tg_op = 'INSERT' then
		if exists (select 1 from new_rows n where n.kind = 'academy') then
			perform private.coverage_find_nearest();
		end if;
	elsif exists (select 1 from old_rows o where o.kind = 'academy') then
		perform private.coverage_find_nearest();
	end if;
	return null;
end;
$$;

/** After a statement on municipalities, or an update of organisations' names, places or kinds: find the nearest again. */
create function private.coverage_places_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.coverage_find_nearest();
	return null;
end;
$$;

revoke execute on function private.coverage_find_nearest() from public;
revoke execute on function private.coverage_organisations_changed() from public;
revoke execute on function private.coverage_places_changed() from public;

create trigger organisations_coverage_insert after insert on public.organisations
	referencing new table as new_rows
	for each statement execute function private.coverage_organisations_changed();
-- an update of anything counted_academies, coverage_academies or the order read (not of verified_at: the
-- cached rows hold every counted academy, whenever it was verified); a trigger on columns has no transition
-- tables, so this one finds the nearest again whatever the organisation
create trigger organisations_coverage_update
	after update of kind, verification_status, name, slug, municipality_nis, lat, lng on public.organisations
	for each statement execute function private.coverage_places_changed();
create trigger organisations_coverage_delete after delete on public.organisations
	referencing old table as old_rows
	for each statement execute function private.coverage_organisations_changed();
create trigger organisations_coverage_truncate after truncate on public.organisations
	for each statement execute function private.coverage_organisations_changed();
create trigger municipalities_coverage_nearest
	after insert or update or delete or truncate on public.municipalities
	for each statement execute function private.coverage_places_changed();

select private.coverage_find_nearest();

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
$$;

comment on function public.coverage_nearest_academies(integer, text) is
	'The three nearest counted academies (km from the municipality''s centre) of one municipality, or of every current Flemish and Brussels municipality without an academy.';
