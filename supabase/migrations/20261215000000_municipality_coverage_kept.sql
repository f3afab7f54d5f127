-- A municipality's page reads its coverage from the kept answer of the school year (issue 15: every public
-- page uncached p95 <= 2x a bare page; /gemeenten/44021 was the worst again, 89.7 ms against 27.8, with
-- 4.3 ms of Postgres per request). coverage_of_municipality() computed coverage_municipalities() for that
-- one municipality on every call: 0.85 ms of the page's 3.1 ms in municipality_overview() (psql as anon,
-- 200 calls, generic plans). Reading the row out of the kept overview's JSON text costs as much (0.80 ms:
-- the whole text is parsed); a JSONB object by NIS code answers in 0.03 ms.
--
-- - public.coverage_overviews keeps each school year's municipalities by NIS code too (`municipalities`:
--   the overview's rows as an object), rebuilt with the overview by coverage_keep_overviews(), so by the
--   same triggers (20261213000000_coverage_overview_kept.sql, 20261214000000_white_spots_kept.sql).
-- - coverage_of_municipality(): the kept row when the school year is kept, computed as before otherwise.
--   The nearest academies of a white spot are computed as before. Same signature, answer (the same JSON
--   values) and security (invoker) as 20261209001400 gave it.
--
-- The tests: the kept rows follow each kind of change and equal the computation
-- (tests/integration/db/coverage-overview-kept.test.ts); the answer for every municipality, a merged, a
-- Walloon and an unknown one is the same kept and computed (same file).

/**
 * coverage_municipalities_of(overview)
 * The municipalities of a coverage_overview() answer as one JSONB object by NIS code, each its row as is.
 */
create function private.coverage_municipalities_of(p_overview json)
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select coalesce(jsonb_object_agg(m.value->>'nis', m.value), '{}')
	from json_array_elements(p_overview->'municipalities') m;
$$;

comment on function private.coverage_municipalities_of(json) is
	'The municipalities of a coverage_overview() answer as one JSONB object by NIS code.';

alter table public.coverage_overviews add column municipalities jsonb;

comment on column public.coverage_overviews.municipalities is
	'The school year''s municipalities (the overview''s rows) by NIS code, kept with the overview.';

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
	insert into public.coverage_overviews (start_year, overview, white_spots, municipalities)
	select
		c.y, c.overview, private.coverage_white_spots_of(c.overview),
		private.coverage_municipalities_of(c.overview)
	from (
		select y, private.coverage_overview_computed(y) as overview
		from generate_series(v_current - 3, v_current + 1) y
		where p_start_years is null or y = any (p_start_years)
	) c;
end;
$$;

/**
 * coverage_of_municipality(school year, NIS code)
 * A municipality's coverage in a school year (coverage_municipalities' row; null unless a current Flemish
 * or Brussels municipality) and, for a white spot, its three nearest counted academies (nearest first; []
 * for a municipality with an academy), in one JSON object. The row comes from the kept answer when the
 * school year is kept. Security invoker.
 */
create or replace function public.coverage_of_municipality(p_start_year integer, p_nis text)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
	v_row json;
	v_status text;
	v_kept jsonb;
begin
	-- no municipality named, none answered (coverage_municipalities would give all of them)
	if p_nis is not null then
		select k.municipalities -> p_nis into v_kept
		from public.coverage_overviews k
		where k.start_year = p_start_year;
		if found then
			-- a kept school year: its row, or none for a municipality it does not count
			v_row := v_kept::json;
			v_status := v_kept ->> 'status';
		else
			select to_json(c), c.status into v_row, v_status
			from public.coverage_municipalities(p_start_year, p_nis) c;
		end if;
	end if;
	return json_build_object(
		'municipality', v_row,
		'nearest', case when v_status is null or v_status = 'academy' then '[]'::json else (
			select coalesce(json_agg(n order by n.rank), '[]')
			from private.coverage_nearest_of(p_start_year, array[p_nis]) n
		) end
	);
end;
$$;

select private.coverage_keep_overviews(null);

alter table public.coverage_overviews alter column municipalities set not null;

revoke execute on all functions in schema private from public;
revoke execute on function public.coverage_of_municipality(integer, text) from public;
grant execute on function public.coverage_of_municipality(integer, text) to anon, authenticated, service_role;
