-- The quality label in the public read model of academies: its expiry beside the label, so lists and
-- cards show the label only while it is valid and say until when (appended: `create or replace view`
-- only adds columns at the end).

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
	join public.municipalities m on m.nis = o.municipality_nis
	left join lateral (
		select count(*)::integer as activity_count, array_agg(distinct a.format order by a.format) as formats
		from public.activities a
		where a.organisation_id = o.id and a.status = 'published'
			and a.end_date >= private.today_in_belgium()
	) upcoming on true
	where o.kind = 'academy';

comment on column public.academy_overview.quality_label_expires_on is
	'The last day the academy''s quality label is valid (academy_profiles.quality_label_expires_on); the label shows while quality_label is awarded and this is null or not past.';
