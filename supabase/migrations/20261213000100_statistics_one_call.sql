-- /statistieken in one call, and each count cheaper (issue 15: every public page uncached p95 <= 2x a bare
-- page; /statistieken was third, 103.2 ms against 22.3). The page (and /netwerk/statistieken and their CSV
-- files) asked activity_statistics() once per period; Postgres spent 6.4 ms of each request in the two.
-- Measured in psql as anon on the seed, the current school year: 3.8 ms a call, of which most went to
-- planning the SQL function's statement again on every call (PostgreSQL 17 keeps no plan of a SQL function
-- with its own search_path) and to private.province_label() (an SQL function with its own search_path,
-- never inlined) once per activity.
--
-- - activity_statistics() is PL/pgSQL (its plan kept per session) with the province label written out in
--   the query (private.province_label's expression): same signature, rows and security (invoker). 1.8 ms.
-- - activity_statistics_periods() answers both periods in one JSON object, `first` and `second`, each
--   activity_statistics()'s rows in their order: one round trip through the gateway and PostgREST instead
--   of two.

create or replace function public.activity_statistics(
	p_from date,
	p_to date,
	p_province text default null,
	p_academy uuid default null
)
returns table (dimension text, category text, activities integer)
language plpgsql
stable
set search_path = ''
as $$
begin
	return query
	with counted as materialized (
		select
			a.domains[1] as domain,
			a.format,
			-- private.province_label(mu.province_nl, mu.region), inlined
			case when mu.region = 'BRU' then 'Brussel' else regexp_replace(mu.province_nl, '^Provincie ', '') end
				as province
		from public.activities a
		join private.counted_academies() ca on ca.id = a.organisation_id
		join public.municipalities mu on mu.nis = a.municipality_nis
		where a.status = 'published'
			and a.start_date between p_from and p_to
			and (p_academy is null or a.organisation_id = p_academy)
	),
	filtered as materialized (
		select * from counted c where p_province is null or c.province = p_province
	)
	select 'domain', f.domain, count(*)::integer from filtered f group by f.domain
	union all
	select 'format', f.format, count(*)::integer from filtered f group by f.format
	union all
	select 'province', f.province, count(*)::integer from filtered f group by f.province
	order by 1, 2;
end;
$$;

/**
 * activity_statistics_periods(from 1, to 1, from 2, to 2, province, academy)
 * activity_statistics() for two periods in one JSON object: `first` and `second`, each its rows
 * (`dimension`, `category`, `activities`) in its order. Security invoker.
 */
create function public.activity_statistics_periods(
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
begin
	return json_build_object(
		'first', (
			select coalesce(json_agg(s order by s.dimension, s.category), '[]')
			from public.activity_statistics(p_from_1, p_to_1, p_province, p_academy) s
		),
		'second', (
			select coalesce(json_agg(s order by s.dimension, s.category), '[]')
			from public.activity_statistics(p_from_2, p_to_2, p_province, p_academy) s
		)
	);
end;
$$;

comment on function public.activity_statistics_periods(date, date, date, date, text, uuid) is
	'activity_statistics() for two periods in one JSON object (first, second): the statistics pages in one call.';

revoke execute on function public.activity_statistics_periods(date, date, date, date, text, uuid) from public;
grant execute on function public.activity_statistics_periods(date, date, date, date, text, uuid)
	to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
