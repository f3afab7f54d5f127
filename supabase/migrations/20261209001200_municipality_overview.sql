-- A municipality's page in one API call (issue 15: "a municipality page in one query"; /gemeenten/[nis] was
-- the slowest public page uncached after /dekking, with two calls side by side: municipality_page() and
-- coverage_of_municipality()). Each call through the gateway and PostgREST costs the app a request and
-- PostgREST a transaction with its role and claims set; one call pays that once.
--
-- municipality_overview() answers {"page": municipality_page(...), "coverage": coverage_of_municipality(...)}:
-- both unchanged, so each keeps its own security (invoker both: the caller's policies) and tests.

/**
 * municipality_overview(NIS code, today, radius, school year)
 * /gemeenten/[nis] in one JSON object: `page` (municipality_page(p_nis, p_today, p_radius_km)) and
 * `coverage` (coverage_of_municipality(p_start_year, p_nis)). Security invoker.
 */
create function public.municipality_overview(
	p_nis text,
	p_today date,
	p_radius_km double precision,
	p_start_year integer
)
returns json
language sql
stable
security invoker
set search_path = ''
as $$
	select json_build_object(
		'page', public.municipality_page(p_nis, p_today, p_radius_km),
		'coverage', public.coverage_of_municipality(p_start_year, p_nis)
	);
$$;

comment on function public.municipality_overview(text, date, double precision, integer) is
	'/gemeenten/[nis] in one call: municipality_page() as page and coverage_of_municipality() as coverage (security invoker).';

revoke execute on function public.municipality_overview(text, date, double precision, integer) from public;
grant execute on function public.municipality_overview(text, date, double precision, integer)
	to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
