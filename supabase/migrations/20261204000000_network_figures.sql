-- Shared ground for the network's figures (coverage, statistics, inclusion, open data): the provinces as the
-- published tables name them, the school year, and which organisations count as an academy.

/**
 * province_label(province_nl, region)
 * The province as the STEM-platform's published tables name it: "West-Vlaanderen", ..., "Brussel" for the
 * Brussels-Capital Region (which has no province), and the Walloon provinces by their Dutch names.
 */
create function private.province_label(p_province_nl text, p_region text)
returns text
language sql
immutable
set search_path = ''
as $$
	select case when p_region = 'BRU' then 'Brussel' else regexp_replace(p_province_nl, '^Provincie ', '') end;
$$;

comment on function private.province_label(text, text) is
	'The province as the published tables name it (Brussel for the Brussels-Capital Region).';

/**
 * counted_academies()
 * The academies the network's figures count: organisations of kind academy that network staff verified.
 * An unverified (or withdrawn) registration does not make a municipality covered. Security definer so that
 * figures computed for anyone agree; it returns only what the public pages show anyway.
 */
create function private.counted_academies()
returns table (id uuid, municipality_nis text, lat double precision, lng double precision)
language sql
stable
security definer
set search_path = ''
as $$
	select o.id, o.municipality_nis, o.lat, o.lng
	from public.organisations o
	where o.kind = 'academy' and o.verification_status = 'verified';
$$;

comment on function private.counted_academies() is
	'Verified academies with their seat: what coverage and statistics count as an academy.';

/**
 * school_year_bounds(start_year)
 * A school year runs from 1 September of its first year to 31 August of the next: 2026 → 2026-09-01 .. 2027-08-31.
 */
create function private.school_year_bounds(p_start_year integer, out starts_on date, out ends_on date)
language sql
immutable
set search_path = ''
as $$
	select make_date(p_start_year, 9, 1), make_date(p_start_year + 1, 8, 31);
$$;

comment on function private.school_year_bounds(integer) is
	'First and last day of the school year that starts in September of the given year.';

revoke execute on function private.province_label(text, text) from public;
revoke execute on function private.counted_academies() from public;
revoke execute on function private.school_year_bounds(integer) from public;
grant execute on function private.province_label(text, text) to anon, authenticated, service_role;
grant execute on function private.counted_academies() to anon, authenticated, service_role;
grant execute on function private.school_year_bounds(integer) to anon, authenticated, service_role;
