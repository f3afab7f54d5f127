-- Inclusion: whom the academies' activities reach (girls against the 50 % target, the target groups), per
-- academy, province, main domain, format and school year, and which academies meet the network's incentive
-- rule. Computed from the reach reports (aggregates only: never anything about a child), with small counts
-- suppressed so that no child can be recognised.

/**
 * suppress_small(n)
 * THE SMALL-COUNT RULE: a count of children between 1 and 4 is not shown (null), and neither is any share
 * computed from such a count, so that no child can be recognised in a small group ("the one girl in the
 * Tuesday club"). Zero is shown: it identifies nobody. Every figure about children that the platform shows
 * or publishes (inclusion pages, open data) goes through this function.
 */
create function private.suppress_small(p_count integer)
returns integer
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case when p_count > 0 and p_count < 5 then null else p_count end;
$$;

comment on function private.suppress_small(integer) is
	'The small-count rule: null for a count of children from 1 to 4 (not shown, so no child can be recognised), the count otherwise.';

/**
 * suppressed_share(part, whole)
 * part / whole as a percentage with one decimal, or null when either count falls under the small-count
 * rule or the whole is zero: a share computed from a suppressed count is not shown either.
 */
create function private.suppressed_share(p_part integer, p_whole integer)
returns numeric
language sql
immutable
parallel safe
set search_path = ''
as $$
	select case
		when private.suppress_small(p_part) is null or private.suppress_small(p_whole) is null or p_whole = 0 then null
		else round(100.0 * p_part / p_whole, 1)
	end;
$$;

comment on function private.suppressed_share(integer, integer) is
	'part/whole in % (one decimal); null when either count is suppressed by suppress_small() or the whole is 0.';

/**
 * inclusion_rules
 * The network's incentive rule: an academy meets it over a period when its reach reports count at least
 * min_participants participants of whom at least min_girls_pct % girls. A change is a new row, so the
 * history stays; the current rule is the newest one whose valid_from has come. Network staff add rules;
 * every signed-in person reads them (an academy sees what it is measured against).
 */
create table public.inclusion_rules (
	id uuid primary key default gen_random_uuid(),
	min_girls_pct numeric(5, 2) not null,
	min_participants integer not null,
	valid_from date not null default private.today_in_belgium(),
	created_at timestamptz not null default now(),
	constraint inclusion_rules_min_girls_pct_range check (min_girls_pct between 0 and 100),
	constraint inclusion_rules_min_participants_range check (min_participants between 1 and 100000),
	constraint inclusion_rules_valid_from_range check (
		valid_from between date '2020-01-01' and date '2100-12-31'
	)
);

alter table public.inclusion_rules enable row level security;

comment on table public.inclusion_rules is
	'The incentive rule (at least min_girls_pct % girls over at least min_participants participants in a period); one row per version, the current one is the newest with valid_from <= today. Network staff add versions; signed-in people read them.';
comment on column public.inclusion_rules.id is 'Identifier.';
comment on column public.inclusion_rules.min_girls_pct is 'Smallest share of girls among the participants, in % (0 to 100).';
comment on column public.inclusion_rules.min_participants is 'Smallest number of participants over the period (1 to 100000).';
comment on column public.inclusion_rules.valid_from is 'The day this version takes effect (in Belgium).';
comment on column public.inclusion_rules.created_at is 'When network staff set it.';

create index inclusion_rules_current_idx on public.inclusion_rules (valid_from desc, created_at desc);

create policy "signed-in people can read the incentive rules"
	on public.inclusion_rules for select
	to authenticated
	using (true);

create policy "network staff can set a new incentive rule"
	on public.inclusion_rules for insert
	to authenticated
	with check ((select public.is_network_staff()));

revoke all on public.inclusion_rules from anon, authenticated;
grant select on public.inclusion_rules to authenticated;
grant insert (min_girls_pct, min_participants, valid_from) on public.inclusion_rules to authenticated;

/**
 * inclusion_figures(first_year, last_year, organisation)
 * Reach over the school years first_year..last_year (activities by start date, 1 September to 31 August):
 * one row for the total and one per academy, province (where the activity takes place), main domain
 * (domains[1]), format and school year. Counts only published activities of counted academies
 * (private.counted_academies()). Every count of children and every share passes the small-count rule.
 * The target groups' shares are computed over the reports that filled them in (the *_basis columns:
 * participants of those reports), not over all participants: an unknown is not a zero.
 * Academy rows also say whether the academy meets the current incentive rule and, when not, how far it is.
 * Security invoker: the reach reports' own policies decide what is counted, so network staff get the whole
 * network and an academy's members only their own academy (a stranger gets nothing).
 */
create function public.inclusion_figures(
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
		private.suppress_small(s.girls),
		private.suppressed_share(s.girls, s.participants),
		case when s.disadvantaged_basis = 0 then null else private.suppress_small(s.disadvantaged) end,
		private.suppress_small(s.disadvantaged_basis),
		private.suppressed_share(s.disadvantaged, s.disadvantaged_basis),
		case when s.non_dutch_home_language_basis = 0 then null else private.suppress_small(s.non_dutch_home_language) end,
		private.suppress_small(s.non_dutch_home_language_basis),
		private.suppressed_share(s.non_dutch_home_language, s.non_dutch_home_language_basis),
		case when s.special_needs_basis = 0 then null else private.suppress_small(s.special_needs) end,
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
	'Reach over school years first..last (published activities of counted academies): total and per academy, province, main domain, format and school year; counts of children and shares pass the small-count rule (suppress_small); target-group shares over the reports that filled them in; academy rows say whether the current incentive rule is met. Security invoker: the reach reports'' policies decide what counts (staff: all; members: their academy).';

revoke execute on all functions in schema private from public;
grant execute on function private.suppress_small(integer) to anon, authenticated, service_role;
grant execute on function private.suppressed_share(integer, integer) to anon, authenticated, service_role;
revoke execute on function public.inclusion_figures(integer, integer, uuid) from public, anon;
grant execute on function public.inclusion_figures(integer, integer, uuid) to authenticated, service_role;
