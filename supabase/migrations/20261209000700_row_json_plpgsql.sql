-- The JSON of one offer or request as the pages read it (private.offer_json(), private.request_json()) is
-- built in PL/pgSQL, which keeps the plans of its four lookups for the connection (issue 15: signed-in pages
-- p95 <= 2x a bare page). As SQL functions that PostgreSQL 17 cannot inline (their lookups are sub-selects),
-- every call planned its four sub-selects again, each with the policies of its table: with track_functions
-- on the seed, organisation_offers_page() of the demo school spent 2.5 of its 3.5 ms in three calls of
-- offer_json(). The pages that list offers and requests call them once per row: an organisation's own offers
-- and requests, a request's page, a community's page.
--
-- Same arguments, answer, security (invoker: every lookup under the caller's policies) and grants.
-- Measured in psql on the seed, 3 alternating rounds of 100 calls: organisation_offers_page() of the demo
-- school 3.22 / 3.14 / 3.24 ms p50 before, 1.81 / 1.80 / 1.81 after.

create or replace function private.offer_json(f public.offers)
returns jsonb
language plpgsql
stable
security invoker
as $$
begin
	return to_jsonb(f) || jsonb_build_object(
		'organisations', (
			select jsonb_build_object('name', o.name, 'slug', o.slug, 'kind', o.kind)
			from public.organisations o where o.id = f.organisation_id
		),
		'municipalities', (
			select jsonb_build_object('name_nl', g.name_nl)
			from public.municipalities g where g.nis = f.municipality_nis
		),
		'offer_slots', coalesce((
			select jsonb_agg(jsonb_build_object('weekday', s.weekday, 'starts_at', s.starts_at, 'ends_at', s.ends_at))
			from public.offer_slots s where s.offer_id = f.id
		), '[]'::jsonb),
		'offer_unavailable_dates', coalesce((
			select jsonb_agg(jsonb_build_object('day', d.day))
			from public.offer_unavailable_dates d where d.offer_id = f.id
		), '[]'::jsonb)
	);
end;
$$;

create or replace function private.request_json(r public.requests)
returns jsonb
language plpgsql
stable
security invoker
as $$
begin
	return to_jsonb(r) || jsonb_build_object(
		'organisations', (
			select jsonb_build_object('name', o.name, 'slug', o.slug)
			from public.organisations o where o.id = r.organisation_id
		),
		'municipalities', (
			select jsonb_build_object('name_nl', g.name_nl)
			from public.municipalities g where g.nis = r.municipality_nis
		),
		'request_slots', coalesce((
			select jsonb_agg(jsonb_build_object('weekday', s.weekday, 'starts_at', s.starts_at, 'ends_at', s.ends_at))
			from public.request_slots s where s.request_id = r.id
		), '[]'::jsonb)
	);
end;
$$;
