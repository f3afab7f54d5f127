-- /statistieken reads the network's figures of the two school years it shows by default from the kept
-- coverage rows instead of counting them for every request (issue 15: every public page uncached p95 <= 2x a
-- bare page). After the gateway's hop was taken out of the app's calls, /statistieken was the worst public
-- page by 20 ms (96.9 ms p95 against 75.3 for the next, bare 32.0): Postgres spent 5.6 ms of CPU on each
-- request, in activity_statistics_periods() counting the published activities of both school years.
--
-- The count is the same for everyone who may call it: it reads published activities only, which anyone may
-- read (policy "visible to anyone"), of the verified academies (the definer private.counted_academies()),
-- in municipalities anyone may read. So it can be kept like the coverage overview of the same school years:
--
-- - public.coverage_overviews.statistics holds activity_statistics()'s rows for the school year (1 September
--   to 31 August, the periods the statistics pages offer by default) as a JSON array in their order, built
--   by private.coverage_keep_overviews() with the overview, so by the same triggers.
-- - Those triggers now also see a published activity's first domain and format change: the statistics
--   count those (the coverage overview did not). An activity never moves to another academy (a trigger
--   refuses it); organisations (a verified academy added, removed or changed) and municipalities
--   (everything) rebuild every kept year already.
-- - activity_statistics_periods() answers a period from the kept row when it is exactly a kept school year
--   and neither filter is chosen; any other period, or a filter, is counted as before.
--
-- tests/integration/db/coverage-overview-kept.test.ts compares each kept row, statistics included, with the
-- computation after every kind of change, and shows the changes only the statistics read and that the kept
-- row is what answers. A later migration that changes activity_statistics() or
-- private.statistics_of_school_year() must end with `select private.coverage_keep_overviews(null);`, as
-- 20261213000000 asks of one that changes the coverage computation.

alter table public.coverage_overviews add column statistics json;

comment on column public.coverage_overviews.statistics is
	'activity_statistics()''s rows for the school year (1 September to 31 August), in their order: the statistics pages'' default periods.';

/**
 * coverage_keep_overviews(start_years)
 * Rebuilds the kept answers of these school years (every one when null): each one the coverage pages offer
 * (the current school year and the three before it) or the next is computed again, any other is removed.
 * Each row: the overview, its white spots, its municipalities by NIS code, and the school year's statistics.
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
	insert into public.coverage_overviews (start_year, overview, white_spots, municipalities, statistics)
	select
		c.y, c.overview, private.coverage_white_spots_of(c.overview),
		private.coverage_municipalities_of(c.overview), private.statistics_of_school_year(c.y)
	from (
		select y, private.coverage_overview_computed(y) as overview
		from generate_series(v_current - 3, v_current + 1) y
		where p_start_years is null or y = any (p_start_years)
	) c;
end;
$$;

/**
 * statistics_of_school_year(start_year)
 * activity_statistics() of the school year starting in September of `start_year`, as a JSON array of its
 * rows in their order: what coverage_overviews.statistics keeps and activity_statistics_periods() answers.
 */
create function private.statistics_of_school_year(p_start_year integer)
returns json
language sql
stable
set search_path = ''
as $$
	select coalesce(json_agg(s order by s.dimension, s.category), '[]')
	from public.activity_statistics(make_date(p_start_year, 9, 1), make_date(p_start_year + 1, 8, 31)) s;
$$;

comment on function private.coverage_keep_overviews(integer[]) is
	'Computes the kept coverage_overview() answers, their white spots, municipalities and statistics of some school years (all when null) again, for the triggers.';
comment on function private.statistics_of_school_year(integer) is
	'activity_statistics() of a school year (1 September to 31 August) as a JSON array of its rows, in their order.';

/**
 * After a statement on activities: count again, and rebuild the kept answers of, the school years whose
 * published activities it changed: rows it added or removed while published, or (un)published, moved in
 * time or place, or given another first domain or format (the statistics count those). An
 * edit of a draft, or of a title or a picture, changes no count and costs nothing here.
 */
create or replace function private.coverage_activities_changed()
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
		perform private.coverage_keep_overviews(null);
		return null;
	end if;
	if tg_op = 'INSERT' then
		select array_agg(distinct extract(year from n.start_date - interval '8 months')::integer)
		into v_years from new_rows n where n.status = 'published';
	elsif tg_op = 'DELETE' then
		select array_agg(distinct extract(year from o.start_date - interval '8 months')::integer)
		into v_years from old_rows o where o.status = 'published';
	else
		select array_agg(distinct y) into v_years from (
			select unnest(array[
				extract(year from o.start_date - interval '8 months')::integer,
				extract(year from n.start_date - interval '8 months')::integer
			]) as y
			from old_rows o
			join new_rows n on n.id = o.id
			where (o.status = 'published' or n.status = 'published')
				and (o.status, o.start_date, o.municipality_nis, o.domains[1], o.format)
					is distinct from (n.status, n.start_date, n.municipality_nis, n.domains[1], n.format)
		) years;
	end if;
	if v_years is not null then
		perform private.coverage_count_activities(v_years);
		perform private.coverage_keep_overviews(v_years);
	end if;
	return null;
end;
$$;

select private.coverage_keep_overviews(null);

alter table public.coverage_overviews alter column statistics set not null;

/**
 * activity_statistics_periods(from 1, to 1, from 2, to 2, province, academy)
 * activity_statistics() for two periods in one JSON object: `first` and `second`, each its rows
 * (`dimension`, `category`, `activities`) in its order. A period that is a kept school year, without
 * filters, is read from coverage_overviews. Security invoker.
 */
create or replace function public.activity_statistics_periods(
	p_from_1 date,
	p_to_1 date,
	p_from_2 date,
	p_to_2 date,
	p_province text default null,
	p_academy uuid default null
)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
	v_first json;
	v_second json;
begin
	if p_province is null and p_academy is null then
		select k.statistics into v_first from public.coverage_overviews k
		where k.start_year = extract(year from p_from_1)::integer
			and p_from_1 = make_date(k.start_year, 9, 1) and p_to_1 = make_date(k.start_year + 1, 8, 31);
		select k.statistics into v_second from public.coverage_overviews k
		where k.start_year = extract(year from p_from_2)::integer
			and p_from_2 = make_date(k.start_year, 9, 1) and p_to_2 = make_date(k.start_year + 1, 8, 31);
	end if;
	return json_build_object(
		'first', coalesce(v_first, (
			select coalesce(json_agg(s order by s.dimension, s.category), '[]')
			from public.activity_statistics(p_from_1, p_to_1, p_province, p_academy) s
		)),
		'second', coalesce(v_second, (
			select coalesce(json_agg(s order by s.dimension, s.category), '[]')
			from public.activity_statistics(p_from_2, p_to_2, p_province, p_academy) s
		))
	);
end;
$$;

revoke execute on all functions in schema private from public;
