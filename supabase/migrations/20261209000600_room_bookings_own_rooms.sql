-- Reading room bookings no longer asks private.offer_organisation() once per booking (issue 15: the signed-in
-- home, whose bookings part reads every coming booking visible to the person).
--
-- The policy "members can read every booking of their organisation's rooms" was
-- `private.offer_organisation(offer_id) in (select private.my_organisation_ids())`: a security definer call
-- per row, each asking the person's memberships again. With track_functions on the seed, one home_overview()
-- of the demo coordinator called offer_organisation() 103 times and my_organisation_ids() 115 times.
-- Now the person's own offers are listed once per statement (private.my_offer_ids(): the offers of the
-- organisations they belong to, whatever their status, as offer_organisation() answered them) and each
-- booking is checked against that list. Who reads which booking is unchanged: a booking of an offer of one's
-- own organisation, or of one's agreement (the other policy, untouched).
--
-- Measured in psql on the seed, 20 calls of home_overview() per statement, alternating rounds: the demo
-- coordinator 6.7-8.5 ms a call before, 4.3-6.4 after; the demo school 4.6 before, 2.0 after.

/**
 * my_offer_ids()
 * The offers of the organisations the signed-in person belongs to, whatever their status. For policies:
 * offer_id in (select private.my_offer_ids()).
 */
create function private.my_offer_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
rows 20
as $$
	select o.id
	from public.offers o
	where o.organisation_id = any (array(select private.my_organisation_ids()));
$$;

comment on function private.my_offer_ids() is
	'The offers of the organisations the signed-in person belongs to (any status). For policies: offer_id in (select private.my_offer_ids()).';

drop policy "members can read every booking of their organisation's rooms" on public.room_bookings;

create policy "members can read every booking of their organisation's rooms"
	on public.room_bookings for select
	to authenticated
	using (offer_id in (select private.my_offer_ids()));

revoke execute on all functions in schema private from public;
grant execute on function private.my_offer_ids() to authenticated, service_role;
