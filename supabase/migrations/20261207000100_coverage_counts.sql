-- Coverage reads rows instead of computing them (issue 15, /dekking was the slowest page without the page
-- cache). Where the time went, measured with psql on the seed: coverage_municipalities counted every published
-- activity per municipality on each call and called private.province_label (an SQL function with its own
-- search_path, which Postgres never inlines) twice for each of the 304 rows; coverage_provinces called it for
-- some 600 municipalities and private.distance_km for every academy against every municipality it scanned;
-- coverage_nearest_academies computed coverage_municipalities again for its white spots.
--
-- Now:
-- - public.coverage_activity_counts keeps the number of published activities per school year and current
--   municipality (an activity in a former municipality counts for the one it merged into), for every school
--   year at once, kept current by statement triggers on activities (the school years a statement touches are
--   counted again) and on municipalities (a merger changes where activities count: everything is counted
--   again). The academies' seats stay computed (private.coverage_academies: some 130 rows, no aggregate over
--   activities).
-- - The functions read it, and write the province label and the haversine out in the query (the same
--   expressions as private.province_label and private.distance_km, so the labels, distances, order and
--   rounding are unchanged). Their signatures and rows are the same as before; still security invoker.
--
-- The table holds only what coverage_municipalities already gives anyone (counts of published activities), so
-- everyone may read it; nobody writes it through the API (no grants, not to the service role either, no write
-- policies): only the trigger function, as its owner.

create table public.coverage_activity_counts (
	start_year integer not null,
	nis text not null references public.municipalities (nis) on delete cascade,
	activities integer not null check (activities > 0),
	primary key (start_year, nis)
);

comment on table public.coverage_activity_counts is
	'Published activities per school year (starting year) and current municipality, for coverage; kept by triggers on activities and municipalities.';

alter table public.coverage_activity_counts enable row level security;

create policy coverage_activity_counts_read on public.coverage_activity_counts
	for select to anon, authenticated
	using (true);

-- not even the service role writes it: a row written by hand would make the counts wrong until the next
-- change to activities of its school year
revoke all on public.coverage_activity_counts from public, anon, authenticated, service_role;
grant select on public.coverage_activity_counts to anon, authenticated, service_role;

/**
 * coverage_count_activities(start_years)
 * Counts the published activities of the given school years again (every year when null) into
 * coverage_activity_counts. A school year runs from 1 September to 31 August (private.school_year_bounds):
 * its starting year is the year of the date eight months earlier.
 */
create function private.coverage_count_activities(p_start_years integer[])
returns void
language sql
security definer
set search_path = ''
as $$
	delete from public.coverage_activity_counts c
	where p_start_years is null or c.start_year = any (p_start_years);

	insert into public.coverage_activity_counts (start_year, nis, activities)
	select
		extract(year from act.start_date - interval '8 months')::integer,
		coalesce(m.merged_into, m.nis),
		count(*)::integer
	from public.activities act
	join public.municipalities m on m.nis = act.municipality_nis
	where act.status = 'published'
		and (
			p_start_years is null
			or extract(year from act.start_date - interval '8 months')::integer = any (p_start_years)
		)
	group by 1, 2;
$$;

comment on function private.coverage_count_activities(integer[]) is
	'Counts the published activities of some school years (all when null) into coverage_activity_counts again.';

/** After a statement on activities: count again the school years of the rows it changed (old and new). */
create function private.coverage_activities_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_years integer[];
begin
	if tg_op = 'TRUNCATE' then
		perform private.coverage_count_activities(null);
		return null;
	end if;
	if tg_op = 'INSERT' then
		select array_agg(distinct extract(year from n.start_date - interval '8 months')::integer)
		into v_years from new_rows n;
	elsif tg_op = 'DELETE' then
		select array_agg(distinct extract(year from o.start_date - interval '8 months')::integer)
		into v_years from old_rows o;
	else
		select array_agg(distinct y) into v_years from (
			select extract(year from o.start_date - interval '8 months')::integer as y from old_rows o
			union
			select extract(year from n.start_date - interval '8 months')::integer from new_rows n
		) years;
	end if;
	if v_years is not null then
		perform private.coverage_count_activities(v_years);
	end if;
	return null;
end;
$$;

/** After a statement on municipalities (a merger, a new or removed one): count everything again. */
create function private.coverage_municipalities_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.coverage_count_activities(null);
	return null;
end;
$$;

revoke execute on function private.coverage_count_activities(integer[]) from public;
revoke execute on function private.coverage_activities_changed() from public;
revoke execute on function private.coverage_municipalities_changed() from public;

create trigger activities_coverage_insert after insert on public.activities
	referencing new table as new_rows
	for each statement execute function private.coverage_activities_changed();
create trigger activities_coverage_update after update on public.activities
	referencing old table as old_rows new table as new_rows
	for each statement execute function private.coverage_activities_changed();
create trigger activities_coverage_delete after delete on public.activities
	referencing old table as old_rows
	for each statement execute function private.coverage_activities_changed();
create trigger activities_coverage_truncate after truncate on public.activities
	for each statement execute function private.coverage_activities_changed();
create trigger municipalities_coverage after insert or update or delete or truncate on public.municipalities
	for each statement execute function private.coverage_municipalities_changed();

select private.coverage_count_activities(null);

-- The same rows as 20261204000100_coverage.sql's coverage_municipalities, read from the counts.
create or replace function public.coverage_municipalities(p_start_year integer)
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
		where m.valid_to is null and m.region in ('VLG', 'BRU')
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
$$;

comment on function public.coverage_municipalities(integer) is
	'Coverage of every current Flemish and Brussels municipality in a school year: academy (a seat), activities (only activities) or none.';

-- The same rows as 20261204000100_coverage.sql's coverage_provinces, with the label and distance inlined.
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
	covered as (
		-- current basis: the seat's current municipality; 2024 basis: the nearest of the seat's former parts
		select distinct
			case
				when p_basis = 'current' then a.seat_nis
				else (
					select u.nis
					from units u
					where u.nis = a.municipality_nis or u.merged_into = a.municipality_nis
					-- private.distance_km(u.lat, u.lng, a.lat, a.lng), inlined
					order by
						2 * 6371 * asin(sqrt(
							power(sin(radians(a.lat - u.lat) / 2), 2)
							+ cos(radians(u.lat)) * cos(radians(a.lat)) * power(sin(radians(a.lng - u.lng) / 2), 2)
						)),
						u.nis
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
