-- Issue 15: functions that signed-in pages call and that were planned again on every call. A SQL function
-- with a SET clause (`search_path`) is never inlined, and PostgreSQL 17 plans its query anew each time it
-- runs (as 20261226000000_page_functions_plpgsql.sql found for the page functions). Read policies call
-- theirs once per statement that reads their table, so a page that runs a dozen such statements (each
-- offer's slots and days off on an organisation's own offers, say) planned them a dozen times:
-- - is_network_staff(), in the read policies of 21 tables (network staff read everything);
-- - private.my_offer_ids(), in the read policy of room_bookings;
-- - and private.managed_organisation(), the organisation at a slug with the caller's role, which the
--   one-call functions of an organisation's own pages (its offers, its requests, one request) read first.
-- Rewritten as PL/pgSQL with a generic plan: same query, arguments, answer, security (definer or invoker as
-- it was), row estimate, comment and grants (CREATE OR REPLACE keeps those). Organisations' slugs are
-- unique, so managed_organisation()'s `return (select …)` answers as the SQL function did.
-- Each call in its own transaction as PostgREST makes it, as the demo school's member (pgbench, the old and
-- the new function in turn, two rounds): ten calls of is_network_staff() in one statement 0.96-1.10 ->
-- 0.28-0.37 ms (one call 0.06 -> under 0.01 ms more than a statement without it); the school's own offers
-- page, organisation_offers_page(), 2.92-3.14 -> 2.15-2.41 ms.
-- tests/integration/db/schema-rules.test.ts keeps every function a read policy calls inlinable or planned
-- once a connection.

create or replace function public.is_network_staff()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return exists (
		select 1 from public.network_staff s where s.user_id = (select auth.uid())
	);
end;
$$;

create or replace function private.my_offer_ids()
returns setof uuid
language plpgsql
stable
security definer
rows 20
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return query
		select o.id
		from public.offers o
		where o.organisation_id = any (array(select private.my_organisation_ids()));
end;
$$;

create or replace function private.managed_organisation(p_slug text)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
	return (
		select jsonb_build_object(
			'id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind,
			'verification_status', o.verification_status, 'municipality_nis', o.municipality_nis,
			'role', (
				select m.role from public.memberships m
				where m.organisation_id = o.id and m.user_id = (select auth.uid())
			)
		)
		from public.organisations o
		where o.slug = p_slug
	);
end;
$$;
