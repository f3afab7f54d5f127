-- The published statistics from live data: activities per main domain, per format and per province for a
-- period, for /netwerk/statistieken, /statistieken and the open-data files.

/**
 * activity_statistics(from, to, province, academy)
 * How many published activities of counted academies (private.counted_academies(): verified ones) start
 * between p_from and p_to (both included), counted three ways: per main domain (domains[1]: an activity counts
 * once), per format and per province of the municipality where it takes place (private.province_label, so
 * 'Brussel' and the published Walloon names). One row per (dimension, category) that has activities;
 * categories without any are left out (the app lists every published category, with 0).
 * p_province (a published province label) and p_academy narrow the count; null counts everything.
 *
 * These are counts of activities, not of children, so no small-count suppression applies (that rule, for
 * reach data, is private.suppress_small()). Security invoker: anyone may read published activities and
 * counted_academies() reveals nothing the public pages do not, so each caller counts what RLS shows them,
 * which for published activities is the same for everyone. A reversed period counts nothing.
 */
create function public.activity_statistics(
	p_from date,
	p_to date,
	p_province text default null,
	p_academy uuid default null
)
returns table (dimension text, category text, activities integer)
language sql
stable
set search_path = ''
as $$
	with counted as (
		select a.domains[1] as domain, a.format, private.province_label(mu.province_nl, mu.region) as province
		from public.activities a
		join private.counted_academies() ca on ca.id = a.organisation_id
		join public.municipalities mu on mu.nis = a.municipality_nis
		where a.status = 'published'
			and a.start_date between p_from and p_to
			and (p_academy is null or a.organisation_id = p_academy)
	),
	filtered as (
		select * from counted c where p_province is null or c.province = p_province
	)
	select 'domain', f.domain, count(*)::integer from filtered f group by f.domain
	union all
	select 'format', f.format, count(*)::integer from filtered f group by f.format
	union all
	select 'province', f.province, count(*)::integer from filtered f group by f.province
	order by 1, 2;
$$;

comment on function public.activity_statistics(date, date, text, uuid) is
	'Published activities of counted (verified) academies starting in [p_from, p_to], counted per main domain (domains[1]), per format and per province; optional filters by province label and academy. Counts of activities, not children: no suppression.';

revoke execute on function public.activity_statistics(date, date, text, uuid) from public;
grant execute on function public.activity_statistics(date, date, text, uuid) to anon, authenticated, service_role;
