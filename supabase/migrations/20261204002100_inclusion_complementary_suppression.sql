-- Inclusion: complementary suppression. The small-count rule (private.suppress_small) hides counts of 1 to 4
-- children, but "18 girls of 20 participants" still tells that 2 boys took part: the rest of a whole is a
-- count of children too. From here, a part of a whole (girls of the participants, a target group of the
-- participants whose reports filled it in) is withheld, with its share, when either the part or the rest is
-- from 1 to 4; the whole itself stays. inclusion_figures() is where the platform publishes reach (the
-- inclusion pages read it; statistics and open data count activities and municipalities, not children).

/**
 * suppress_part(part, whole)
 * THE COMPLEMENTARY RULE: a count of children that is part of a shown whole is withheld (null) when the part
 * is from 1 to 4 (the small-count rule) or when the rest of the whole (whole - part) is from 1 to 4, since
 * the rest follows from the two shown numbers. 18 of 20: withheld (2 would follow); 10 of 20: shown; 0 of 20:
 * shown (it identifies nobody, and the rest is 20); 0 of 3: withheld (all 3 would be in the rest).
 */
create function private.suppress_part(p_part integer, p_whole integer)
returns integer
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case
		when private.suppress_small(p_part) is null or private.suppress_small(p_whole - p_part) is null then null
		else p_part
	end;
$$;

comment on function private.suppress_part(integer, integer) is
	'The complementary rule: the part of a whole (girls of participants, a target group of its basis), or null when the part or the rest of the whole is from 1 to 4, so no small count follows by subtraction.';

/**
 * suppressed_share(part, whole)
 * part / whole as a percentage with one decimal, or null when the part is withheld by suppress_part(), the
 * whole by suppress_small(), or the whole is zero: a share tells the part as well as the part does.
 */
create or replace function private.suppressed_share(p_part integer, p_whole integer)
returns numeric
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case
		when private.suppress_part(p_part, p_whole) is null or private.suppress_small(p_whole) is null
			or p_whole = 0 then null
		else round(100.0 * p_part / p_whole, 1)
	end;
$$;

comment on function private.suppressed_share(integer, integer) is
	'part/whole in % (one decimal); null when the part is withheld by suppress_part() (it or the rest of the whole from 1 to 4), the whole by suppress_small(), or the whole is 0.';

/**
 * inclusion_figures(first_year, last_year, organisation)
 * As in 20261204002000_inclusion.sql; girls and each target group now pass suppress_part() against their
 * whole (the participants, the target group's basis), so neither they nor the rest can be small.
 */
create or replace function public.inclusion_figures(
	p_first_year integer,
	p_last_year integer,
	p_organisation_id uuid default null
)
returns table (
	dimension text,
	category text,
	academy_name text,
	academy_slug text,
	activities integer,
	participants integer,
	girls integer,
	girls_pct numeric,
	disadvantaged integer,
	disadvantaged_basis integer,
	disadvantaged_pct numeric,
	non_dutch_home_language integer,
	non_dutch_home_language_basis integer,
	non_dutch_home_language_pct numeric,
	special_needs integer,
	special_needs_basis integer,
	special_needs_pct numeric,
	meets_rule boolean,
	participants_short integer,
	girls_pct_short numeric
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	v_rule record;
begin
	if p_first_year is null or p_last_year is null or p_first_year > p_last_year
		or p_last_year - p_first_year > 9 or p_first_year < 2000 or p_last_year > 2100 then
		raise exception using
			errcode = '22023',
			message = 'Kies een periode van één tot tien schooljaren tussen 2000 en 2100.',
			hint = 'inclusion_period_invalid';
	end if;

	select r.min_girls_pct, r.min_participants into v_rule
	from public.inclusion_rules r
	where r.valid_from <= private.today_in_belgium()
	order by r.valid_from desc, r.created_at desc
	limit 1;

	return query
	with reports as (
		select
			r.participants, r.girls, r.disadvantaged, r.non_dutch_home_language, r.special_needs,
			a.organisation_id,
			private.province_label(m.province_nl, m.region) as province,
			a.domains[1] as domain,
			a.format,
			(extract(year from a.start_date)::integer - case when extract(month from a.start_date) < 9 then 1 else 0 end)
				as school_year
		from public.reach_reports r
		join public.activities a on a.id = r.activity_id
		join private.counted_academies() c on c.id = a.organisation_id
		join public.municipalities m on m.nis = a.municipality_nis
		where a.status = 'published'
			and a.start_date between make_date(p_first_year, 9, 1) and make_date(p_last_year + 1, 8, 31)
			and (p_organisation_id is null or a.organisation_id = p_organisation_id)
	),
	sums as (
		select
			case
				when grouping(x.organisation_id) = 0 then 'academy'
				when grouping(x.province) = 0 then 'province'
				when grouping(x.domain) = 0 then 'domain'
				when grouping(x.format) = 0 then 'format'
				when grouping(x.school_year) = 0 then 'year'
				else 'total'
			end as dimension,
			coalesce(x.organisation_id::text, x.province, x.domain, x.format, x.school_year::text, 'total')
				as category,
			x.organisation_id,
			count(*)::integer as activities,
			sum(x.participants)::integer as participants,
			sum(x.girls)::integer as girls,
			coalesce(sum(x.disadvantaged), 0)::integer as disadvantaged,
			coalesce(sum(x.participants) filter (where x.disadvantaged is not null), 0)::integer
				as disadvantaged_basis,
			coalesce(sum(x.non_dutch_home_language), 0)::integer as non_dutch_home_language,
			coalesce(sum(x.participants) filter (where x.non_dutch_home_language is not null), 0)::integer
				as non_dutch_home_language_basis,
			coalesce(sum(x.special_needs), 0)::integer as special_needs,
			coalesce(sum(x.participants) filter (where x.special_needs is not null), 0)::integer
				as special_needs_basis
		from reports x
		group by grouping sets ((), (x.organisation_id), (x.province), (x.domain), (x.format), (x.school_year))
	)
	select
		s.dimension,
		s.category,
		o.name,
		o.slug,
		s.activities,
		private.suppress_small(s.participants),
		private.suppress_part(s.girls, s.participants),
		private.suppressed_share(s.girls, s.participants),
		case when s.disadvantaged_basis = 0 then null else private.suppress_part(s.disadvantaged, s.disadvantaged_basis) end,
		private.suppress_small(s.disadvantaged_basis),
		private.suppressed_share(s.disadvantaged, s.disadvantaged_basis),
		case when s.non_dutch_home_language_basis = 0 then null
			else private.suppress_part(s.non_dutch_home_language, s.non_dutch_home_language_basis) end,
		private.suppress_small(s.non_dutch_home_language_basis),
		private.suppressed_share(s.non_dutch_home_language, s.non_dutch_home_language_basis),
		case when s.special_needs_basis = 0 then null
			else private.suppress_part(s.special_needs, s.special_needs_basis) end,
		private.suppress_small(s.special_needs_basis),
		private.suppressed_share(s.special_needs, s.special_needs_basis),
		case when s.dimension = 'academy' and v_rule is not null then
			s.participants >= v_rule.min_participants
			and s.girls * 100.0 >= v_rule.min_girls_pct * s.participants
		end,
		-- How far from the rule, only where saying so reveals no suppressed count.
		case when s.dimension = 'academy' and v_rule is not null
			and private.suppress_small(s.participants) is not null then
			greatest(v_rule.min_participants - s.participants, 0)
		end,
		case when s.dimension = 'academy' and v_rule is not null
			and private.suppressed_share(s.girls, s.participants) is not null then
			round(greatest(v_rule.min_girls_pct - private.suppressed_share(s.girls, s.participants), 0), 1)
		end
	from sums s
	left join public.organisations o on s.dimension = 'academy' and o.id = s.organisation_id
	order by s.dimension, s.category;
end;
$$;

comment on function public.inclusion_figures(integer, integer, uuid) is
	'Reach over school years first..last (published activities of counted academies): total and per academy, province, main domain, format and school year; counts of children pass the small-count rule (suppress_small), girls and target groups also the complementary rule (suppress_part: withheld when the rest of the whole is 1 to 4), and so do their shares; target-group shares over the reports that filled them in; academy rows say whether the current incentive rule is met. Security invoker: the reach reports'' policies decide what counts (staff: all; members: their academy).';

revoke execute on function private.suppress_part(integer, integer) from public;
grant execute on function private.suppress_part(integer, integer) to anon, authenticated, service_role;
