-- The public lists' cards, each read from a view of exactly its columns (issue 15). PostgREST's CPU grows
-- with the items a select names: /activiteiten's 20 columns cost it ~2.1 ms a call, `*` on a view of the
-- same 20 columns ~1.0 ms, for the same answer (measured on the page's own query, 13.4 kB). The lists of
-- schools, companies and partners embedded their municipality as well, which costs more again.
--
-- - public_activity_cards: public_activities' card columns (published and cancelled activities).
-- - academy_cards: academy_overview's card columns, with upcoming_formats for the format filter.
-- - organisation_cards: an organisation's card with its municipality's name and province, for the lists of
--   schools, companies and partners (an inner join, as the lists' `!inner` embed was; every organisation has
--   a municipality).
--
-- Security invoker, like the views they read: the caller's RLS on every table underneath.

create view public.public_activity_cards
with (security_invoker = true) as
	select
		id, title, format, domains, age_min, age_max, start_date, end_date, session_count, price_eur, status,
		municipality_nis, municipality_name, province_nl, lat, lng, organisation_name, organisation_slug,
		photo_path, photo_alt
	from public.public_activities;

create view public.academy_cards
with (security_invoker = true) as
	select
		id, name, slug, municipality_nis, municipality_name, province_nl, stem_letters, accent_letters,
		creative_link, domains, age_min, age_max, upcoming_activity_count, upcoming_formats, verification_status,
		logo_path, quality_label, quality_label_expires_on
	from public.academy_overview;

create view public.organisation_cards
with (security_invoker = true) as
	select
		o.id, o.kind, o.name, o.slug, o.partner_type, o.description, o.municipality_nis, o.verification_status,
		o.logo_path, m.name_nl as municipality_name, m.province_nl
	from public.organisations o
	join public.municipalities m on m.nis = o.municipality_nis;

comment on view public.public_activity_cards is
	'public_activities'' columns that a list''s card shows (issue 15: read with `*`, cheaper for PostgREST).';
comment on view public.academy_cards is
	'academy_overview''s columns that a list''s card shows and the format filter needs (read with `*`).';
comment on view public.organisation_cards is
	'A school, company or partner as a list''s card shows it, with its municipality''s name and province.';

-- Read-only for the API roles, as the views beneath them are.
revoke insert, update, delete, truncate
	on public.public_activity_cards, public.academy_cards, public.organisation_cards
	from anon, authenticated;
grant select on public.public_activity_cards, public.academy_cards, public.organisation_cards
	to anon, authenticated, service_role;
