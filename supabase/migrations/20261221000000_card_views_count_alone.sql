-- The lists' totals without joins (issue 15). /activiteiten, /academies, /scholen, /bedrijven and /partners
-- ask PostgREST for a page of cards and `count=exact`, a count(*) over the same view. The views joined the
-- organisation and the municipality with inner joins, which Postgres must run even when a count uses none
-- of their columns: per count 0.41-0.66 ms for the upcoming activities (hash joins over all organisations
-- and municipalities) and 0.38-0.46 ms for the schools, against 0.15-0.26 and 0.06-0.10 ms without the
-- joins (psql as anon, 3 x 500 counts each, on the seed).
--
-- With left joins on a unique key Postgres drops a join whose columns a query does not read (join
-- removal); a query that does read them, or filters on them (a province), joins as before. The rows stay
-- the same: activities.organisation_id, activities.municipality_nis and organisations.municipality_nis are
-- NOT NULL foreign keys, so every row has its organisation and municipality, and anon and authenticated
-- may read every organisation and municipality (their policies are `true`). A policy that hid some of
-- them would show their activities with empty names instead of leaving them out: change these joins
-- back then. The columns and their order are unchanged (create or replace view).
--
-- academy_overview keeps its inner join with academy_profiles (an academy without a profile is not listed).

create or replace view public.public_activities
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
		a.cancelled_at,
		a.photo_path,
		a.photo_alt
	from public.activities a
	left join public.organisations o on o.id = a.organisation_id
	left join public.municipalities m on m.nis = a.municipality_nis
	where a.status in ('published', 'cancelled');

create or replace view public.academy_overview
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
		coalesce(upcoming.formats, '{}') as upcoming_formats,
		o.logo_path,
		p.quality_label_expires_on
	from public.organisations o
	join public.academy_profiles p on p.organisation_id = o.id
	left join public.municipalities m on m.nis = o.municipality_nis
	left join lateral (
		select count(*)::integer as activity_count, array_agg(distinct a.format order by a.format) as formats
		from public.activities a
		where a.organisation_id = o.id and a.status = 'published'
			and a.end_date >= private.today_in_belgium()
	) upcoming on true
	where o.kind = 'academy';

create or replace view public.organisation_cards
with (security_invoker = true) as
	select
		o.id, o.kind, o.name, o.slug, o.partner_type, o.description, o.municipality_nis, o.verification_status,
		o.logo_path, m.name_nl as municipality_name, m.province_nl
	from public.organisations o
	left join public.municipalities m on m.nis = o.municipality_nis;
