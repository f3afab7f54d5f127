-- /dekking and /dekking/tabel read the school year's coverage from a row instead of computing it (issue 15:
-- every public page uncached p95 <= 2x a bare page; /dekking was the worst, 116.8 ms against 22.3). Postgres
-- spent 6.0 ms of each /dekking request in coverage_overview() and 3.3 ms of each /dekking/tabel request in
-- coverage_municipalities(), computing the same answer for every caller: the counted academies come from
-- the definer private.counted_academies(), and the counts, organisations and municipalities it reads are
-- readable by anyone (policies `using (true)`).
--
-- - public.coverage_overviews keeps coverage_overview()'s answer per school year, for the school years the
--   pages offer (the current one and the three before it, src/routes/(public)/dekking/school-year.server.ts)
--   and the next one, which is the current one from 1 September on.
-- - It is kept by the statement triggers on what the answer reads: activities (the school years of the rows
--   a statement published, unpublished, moved in time or place, or added or removed while published),
--   municipalities (everything) and organisations (when a counted academy was added, removed, or changed in
--   kind, status, verification date, municipality or coordinates). Each write either rebuilds a kept year or
--   removes it, so a kept row is never stale; a school year not kept (an older one, or one the clock moved
--   into the window since the last rebuild) is computed as before. The comparison of a kept answer with the
--   computation after each kind of change is tests/integration/db/coverage-overview-kept.test.ts.
-- - A later migration that changes how the answer is computed (coverage_municipalities, coverage_provinces,
--   private.coverage_academies, private.counted_academies, private.coverage_overview_computed) or writes what
--   it reads with the triggers off must end with `select private.coverage_keep_overviews(null);`: the seed's
--   writes rebuild every kept row, so the tests would not see a kept answer left as the old computation gave.
-- - Two writers at once: both rebuild from what they see, so the one that commits last must see the other's
--   commit. Until now activities held one lock (coverage_activity_counts) and organisations another
--   (coverage_nearest), so a publish and a verification could run side by side and the later commit could
--   keep an answer without the other's change. Now activities, organisations and municipalities take one
--   lock before each statement (20261209000050's one_writer_at_a_time, named 'public.coverage'); the
--   triggers' statements then read what the other committed. One lock for the three also cannot deadlock
--   on the order in which a transaction writes them.
--
-- The table holds what coverage_overview() gives anyone: everyone may read it; nobody writes it through the
-- API, not even the service role. coverage_overview() keeps its signature and answer; still security invoker.

create table public.coverage_overviews (
	start_year integer primary key,
	overview json not null
);

comment on table public.coverage_overviews is
	'coverage_overview()''s answer per school year (starting year), for the years the coverage pages offer; kept by triggers on activities, organisations and municipalities.';

alter table public.coverage_overviews enable row level security;

create policy coverage_overviews_read on public.coverage_overviews
	for select to anon, authenticated
	using (true);

revoke all on public.coverage_overviews from public, anon, authenticated, service_role;
grant select on public.coverage_overviews to anon, authenticated, service_role;

-- The computation stays as 20261209001100 wrote it, under a private name: coverage_overview() calls it for a
-- school year not kept, the rebuild for those kept. Its grants go with it (anon and authenticated call it
-- through the security invoker coverage_overview()).
alter function public.coverage_overview(integer) set schema private;
alter function private.coverage_overview(integer) rename to coverage_overview_computed;

comment on function private.coverage_overview_computed(integer) is
	'coverage_overview()''s answer for a school year, computed: municipalities and provinces on both bases.';

/**
 * coverage_keep_overviews(start_years)
 * Rebuilds the kept answers of these school years (every one when null): each one the coverage pages offer
 * (the current school year and the three before it) or the next is computed again, any other is removed.
 */
create function private.coverage_keep_overviews(p_start_years integer[])
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
	insert into public.coverage_overviews (start_year, overview)
	select y, private.coverage_overview_computed(y)
	from generate_series(v_current - 3, v_current + 1) y
	where p_start_years is null or y = any (p_start_years);
end;
$$;

comment on function private.coverage_keep_overviews(integer[]) is
	'Computes the kept coverage_overview() answers of some school years (all when null) again, for the triggers.';

-- 20261207000100's trigger functions, each now rebuilding the kept answers after the counts.

/**
 * After a statement on activities: count again, and rebuild the kept answers of, the school years whose
 * published activities it changed: rows it added or removed while published, or (un)published, moved in
 * time or place. Only published activities are counted, so an edit of a draft, or of a title or a picture,
 * changes no count and costs nothing here (20261207000100 counted every school year a statement touched).
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
				and (o.status, o.start_date, o.municipality_nis)
					is distinct from (n.status, n.start_date, n.municipality_nis)
		) years;
	end if;
	if v_years is not null then
		perform private.coverage_count_activities(v_years);
		perform private.coverage_keep_overviews(v_years);
	end if;
	return null;
end;
$$;

/** After a statement on municipalities (a merger, a new or removed one): count everything again. */
create or replace function private.coverage_municipalities_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.coverage_count_activities(null);
	perform private.coverage_keep_overviews(null);
	return null;
end;
$$;

/**
 * After a statement on organisations: rebuild the kept answers when it added or removed a counted academy
 * (a verified academy), or changed what coverage reads of one: kind, status, verification date,
 * municipality or coordinates.
 */
create function private.coverage_academies_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	-- one branch per operation: a statement naming a transition table the trigger lacks does not compile
	if tg_op = 'TRUNCATE' then
		perform private.coverage_keep_overviews(null);
	elsif tg_op = 'INSERT' then
		if exists (
			select 1 from new_rows n where n.kind = 'academy' and n.verification_status = 'verified'
		) then
			perform private.coverage_keep_overviews(null);
		end if;
	elsif tg_op = 'DELETE' then
		if exists (
			select 1 from old_rows o where o.kind = 'academy' and o.verification_status = 'verified'
		) then
			perform private.coverage_keep_overviews(null);
		end if;
	elsif exists (
		select 1
		from old_rows o
		join new_rows n on n.id = o.id
		where (
				(o.kind = 'academy' and o.verification_status = 'verified')
				or (n.kind = 'academy' and n.verification_status = 'verified')
			)
			and (o.kind, o.verification_status, o.verified_at, o.municipality_nis, o.lat, o.lng)
				is distinct from (n.kind, n.verification_status, n.verified_at, n.municipality_nis, n.lat, n.lng)
	) then
		perform private.coverage_keep_overviews(null);
	end if;
	return null;
end;
$$;

revoke execute on function private.coverage_keep_overviews(integer[]) from public;
revoke execute on function private.coverage_academies_changed() from public;

create trigger organisations_coverage_overview_insert after insert on public.organisations
	referencing new table as new_rows
	for each statement execute function private.coverage_academies_changed();
create trigger organisations_coverage_overview_update after update on public.organisations
	referencing old table as old_rows new table as new_rows
	for each statement execute function private.coverage_academies_changed();
create trigger organisations_coverage_overview_delete after delete on public.organisations
	referencing old table as old_rows
	for each statement execute function private.coverage_academies_changed();
create trigger organisations_coverage_overview_truncate after truncate on public.organisations
	for each statement execute function private.coverage_academies_changed();

-- One lock for every statement whose triggers rebuild coverage (see above), in place of 20261209000050's
-- two: activities and organisations keep their trigger's name, so it fires where it did among the table's
-- before-statement triggers; municipalities' two become one.
drop trigger activities_coverage_one_writer on public.activities;
drop trigger organisations_coverage_one_writer on public.organisations;
drop trigger municipalities_coverage_one_writer_1 on public.municipalities;
drop trigger municipalities_coverage_one_writer_2 on public.municipalities;
create trigger activities_coverage_one_writer
	before insert or update or delete or truncate on public.activities
	for each statement execute function private.one_writer_at_a_time('public.coverage');
create trigger organisations_coverage_one_writer
	before insert or update or delete or truncate on public.organisations
	for each statement execute function private.one_writer_at_a_time('public.coverage');
create trigger municipalities_coverage_one_writer
	before insert or update or delete or truncate on public.municipalities
	for each statement execute function private.one_writer_at_a_time('public.coverage');

/**
 * coverage_overview(school year)
 * What /dekking shows, in one JSON object: `municipalities` (coverage_municipalities' rows, in their order)
 * and `provinces` (coverage_provinces' rows on the `current` and the `2024` basis); the kept answer when
 * the school year has one, computed otherwise. Security invoker.
 */
create function public.coverage_overview(p_start_year integer)
returns json
language plpgsql
stable
set search_path = ''
as $$
begin
	return coalesce(
		(
			select k.overview
			from public.coverage_overviews k
			where k.start_year = coalesce(
				p_start_year,
				extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer
			)
		),
		private.coverage_overview_computed(p_start_year)
	);
end;
$$;

comment on function public.coverage_overview(integer) is
	'What the coverage page shows for a school year, in one JSON object: municipalities and provinces on both bases; kept for the years the page offers.';

revoke execute on function public.coverage_overview(integer) from public;
grant execute on function public.coverage_overview(integer) to anon, authenticated, service_role;

select private.coverage_keep_overviews(null);

revoke execute on all functions in schema private from public;
