-- The page of a school, company or partner (/scholen/…, /bedrijven/…, /partners/…) read its organisation
-- with the municipality embedded and fifteen columns named; PostgREST spent more on that one call than on
-- any other public page's (bench:pages: 1.4 to 1.5 ms of its CPU a request, the offer page 0.4). Read with
-- `*` from a view of the same columns, as the lists' cards are (20261212000000), the same row costs it a
-- quarter: measured on the local stack against PostgREST itself (one company by slug, 3 rounds of 1 000
-- calls, 4 at a time), 1.76 to 2.01 ms of its CPU a call with the embed, 0.45 to 0.53 ms from the view.
--
-- organisation_pages: organisation_cards' columns (an inner join, as the page's `!inner` embed was) and the
-- public contact details the page shows. Security invoker: the caller's RLS on the tables underneath.

create view public.organisation_pages
with (security_invoker = true) as
	select
		o.id, o.kind, o.name, o.slug, o.partner_type, o.description, o.municipality_nis, o.verification_status,
		o.logo_path, m.name_nl as municipality_name, m.province_nl, o.website, o.public_email, o.public_phone,
		o.street_address, o.postal_code
	from public.organisations o
	join public.municipalities m on m.nis = o.municipality_nis;

comment on view public.organisation_pages is
	'A school, company or partner as its page shows it: its card''s columns and its public contact details (read with `*`).';

-- Read-only for the API roles, as the tables beneath it are for them through a view.
revoke insert, update, delete, truncate on public.organisation_pages from anon, authenticated;
grant select on public.organisation_pages to anon, authenticated, service_role;
