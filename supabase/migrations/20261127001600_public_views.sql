-- Read models for the public pages: academies with their profile and place, activities with their
-- academy and place. Both apply the row level security of the person asking (security_invoker).

/**
 * academy_overview
 * One row per academy: organisation, academy profile, municipality and the number of upcoming
 * published activities, for the public list and its filters.
 */
create view public.academy_overview
with (security_invoker = true) as
	select
		o.id,
		o.slug,
		o.name,
		o.description,
		o.website,
		o.public_email,
		o.public_phone,
		o.street_address,
		o.postal_code,
		o.municipality_nis,
		m.name_nl as municipality_name,
		m.province_nis,
		m.province_nl,
		m.region,
		o.lat,
		o.lng,
		o.verification_status,
		o.created_at,
		o.updated_at,
		p.stem_letters,
		p.accent_letters,
		p.creative_link,
		p.domains,
		p.age_min,
		p.age_max,
		p.languages,
		p.officially_recognised,
		p.quality_label,
		coalesce(upcoming.activity_count, 0) as upcoming_activity_count,
		coalesce(upcoming.formats, '{}') as upcoming_formats
	from public.organisations o
	join public.academy_profiles p on p.organisation_id = o.id
	join public.municipalities m on m.nis = o.municipality_nis
	left join lateral (
		select count(*)::integer as activity_count, array_agg(distinct a.format order by a.format) as formats
		from public.activities a
		where a.organisation_id = o.id and a.status = 'published'
			and a.end_date >= private.today_in_belgium()
	) upcoming on true
	where o.kind = 'academy';

comment on view public.academy_overview is
	'Academies with their profile, municipality (name, province, region) and upcoming published activities (count and formats). Security invoker.';
comment on column public.academy_overview.municipality_name is 'Dutch name of the municipality.';
comment on column public.academy_overview.province_nl is 'Dutch name of the province; null in Brussels.';
comment on column public.academy_overview.upcoming_activity_count is 'Published activities that have not ended yet (end_date >= today in Belgium).';
comment on column public.academy_overview.upcoming_formats is 'Distinct formats of those upcoming activities, for the format filter.';

/**
 * public_activities
 * Published and cancelled activities with their academy and place, for lists and municipality pages.
 */
create view public.public_activities
with (security_invoker = true) as
	select
		a.id,
		a.organisation_id,
		o.name as organisation_name,
		o.slug as organisation_slug,
		o.verification_status as organisation_verification_status,
		a.title,
		a.description,
		a.domains,
		a.format,
		a.age_min,
		a.age_max,
		a.start_date,
		a.end_date,
		a.session_count,
		a.venue_name,
		a.venue_address,
		a.municipality_nis,
		m.name_nl as municipality_name,
		m.province_nis,
		m.province_nl,
		m.region,
		a.lat,
		a.lng,
		a.capacity,
		a.price_eur,
		a.reduced_price_eur,
		a.registration_url,
		a.status,
		a.published_at,
		a.cancelled_at
	from public.activities a
	join public.organisations o on o.id = a.organisation_id
	join public.municipalities m on m.nis = a.municipality_nis
	where a.status in ('published', 'cancelled');

comment on view public.public_activities is
	'Published and cancelled activities with their academy (name, slug, verification) and municipality (name, province, region). Security invoker.';
comment on column public.public_activities.organisation_name is 'Name of the academy.';
comment on column public.public_activities.organisation_slug is 'Slug of the academy (/academies/<slug>).';
comment on column public.public_activities.municipality_name is 'Dutch name of the municipality of the venue.';

revoke insert, update, delete, truncate on public.academy_overview from anon, authenticated;
revoke insert, update, delete, truncate on public.public_activities from anon, authenticated;
