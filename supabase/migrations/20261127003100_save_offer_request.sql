-- Saving an offer or a request together with its weekly slots (and a room's days off) in one call: one
-- transaction, so a refused slot leaves nothing half-written. security invoker: the policies of the
-- person saving still decide, and the validation triggers still speak Dutch. The double-submit shortcut
-- only returns an id of the organisation's own offer or request; any other existing id (another
-- organisation's, readable or not) is refused with PT404 ("bestaat niet", an HTTP 404) instead of a silent
-- success or a unique violation. A save takes at most 50 weekly slots and 1000 days off, so one call
-- writes a bounded number of rows.

/**
 * save_offer(id, organisation, offer, slots, days off, create)
 * Creates (p_create) or updates the offer p_id from p_offer (a JSON object with the offers columns a
 * member may write; kind and organisation only on create), then replaces its slots (a JSON array of
 * {weekday, starts_at, ends_at}, at most 50) and days off (at most 1000). Creating an id of an offer of
 * p_organisation_id, which the caller belongs to, returns it unchanged (the same form sent twice); any
 * other existing id, and an offer the caller cannot edit: PT404 "Dit aanbod bestaat niet.".
 */
create function public.save_offer(
	p_id uuid,
	p_organisation_id uuid,
	p_offer jsonb,
	p_slots jsonb default '[]',
	p_unavailable_dates date[] default '{}',
	p_create boolean default false
)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
	r public.offers;
begin
	if jsonb_typeof(p_slots) = 'array' and jsonb_array_length(p_slots) > 50 then
		raise exception using
			errcode = '23514', message = 'Geef hoogstens 50 wekelijkse momenten.',
			hint = 'offer_slots_at_most_50';
	elsif cardinality(p_unavailable_dates) > 1000 then
		raise exception using
			errcode = '23514', message = 'Geef hoogstens 1000 dagen waarop het niet beschikbaar is.',
			hint = 'offer_unavailable_dates_at_most_1000';
	end if;
	r := jsonb_populate_record(null::public.offers, coalesce(p_offer, '{}'));
	if p_create then
		if exists (select 1 from public.offers o where o.id = p_id and o.organisation_id = p_organisation_id)
			and private.is_org_member(p_organisation_id) then
			return p_id;
		end if;
		begin
			insert into public.offers (
				id, organisation_id, kind, title, description, status, municipality_nis, radius_km,
				area_municipalities, domains, age_min, age_max, room_type, capacity, equipment, accessible,
				conditions, fee_eur, term_start, term_end, people, hours_per_year, materials, quantity, amount_eur
			) values (
				p_id, p_organisation_id, r.kind, r.title, coalesce(r.description, ''), coalesce(r.status, 'active'),
				r.municipality_nis, r.radius_km, r.area_municipalities, r.domains, r.age_min, r.age_max,
				r.room_type, r.capacity, r.equipment, r.accessible, r.conditions, r.fee_eur, r.term_start,
				r.term_end, r.people, r.hours_per_year, r.materials, r.quantity, r.amount_eur
			);
		exception when unique_violation then
			-- The id is another organisation's offer (readable or not): never a silent success.
			raise exception using
				errcode = 'PT404', message = 'Dit aanbod bestaat niet.', hint = 'offer_not_found';
		end;
	else
		update public.offers o set
			title = r.title,
			description = coalesce(r.description, ''),
			municipality_nis = r.municipality_nis,
			radius_km = r.radius_km,
			area_municipalities = r.area_municipalities,
			domains = r.domains,
			age_min = r.age_min,
			age_max = r.age_max,
			room_type = r.room_type,
			capacity = r.capacity,
			equipment = r.equipment,
			accessible = r.accessible,
			conditions = r.conditions,
			fee_eur = r.fee_eur,
			term_start = r.term_start,
			term_end = r.term_end,
			people = r.people,
			hours_per_year = r.hours_per_year,
			materials = r.materials,
			quantity = r.quantity,
			amount_eur = r.amount_eur
		where o.id = p_id and o.organisation_id = p_organisation_id;
		if not found then
			raise exception using
				errcode = 'PT404', message = 'Dit aanbod bestaat niet.', hint = 'offer_not_found';
		end if;
	end if;

	delete from public.offer_slots s where s.offer_id = p_id;
	insert into public.offer_slots (offer_id, weekday, starts_at, ends_at)
	select p_id, s.weekday, s.starts_at, s.ends_at
	from jsonb_to_recordset(coalesce(p_slots, '[]')) as s (weekday integer, starts_at time, ends_at time);

	delete from public.offer_unavailable_dates d where d.offer_id = p_id;
	insert into public.offer_unavailable_dates (offer_id, day)
	select distinct p_id, day from unnest(coalesce(p_unavailable_dates, '{}')) as day where day is not null;

	return p_id;
end;
$$;

comment on function public.save_offer(uuid, uuid, jsonb, jsonb, date[], boolean) is
	'Creates or updates an offer with its weekly slots (at most 50) and days off (at most 1000) in one transaction (security invoker: RLS decides; Dutch trigger messages). Creating an id of the organisation''s own offer returns it (double submit). Errors (SQLSTATE, hint): PT404 offer_not_found (another organisation''s id, or one the caller cannot edit), 23514 offer_slots_at_most_50, offer_unavailable_dates_at_most_1000 or a rule of the triggers.';

revoke execute on function public.save_offer(uuid, uuid, jsonb, jsonb, date[], boolean) from public, anon;
grant execute on function public.save_offer(uuid, uuid, jsonb, jsonb, date[], boolean) to authenticated, service_role;

/**
 * save_request(id, organisation, request, slots, create)
 * The same for an academy's request and its weekly slots (at most 50). A closed request is refused by its
 * trigger.
 */
create function public.save_request(
	p_id uuid,
	p_organisation_id uuid,
	p_request jsonb,
	p_slots jsonb default '[]',
	p_create boolean default false
)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
	r public.requests;
begin
	if jsonb_typeof(p_slots) = 'array' and jsonb_array_length(p_slots) > 50 then
		raise exception using
			errcode = '23514', message = 'Geef hoogstens 50 wekelijkse momenten.',
			hint = 'request_slots_at_most_50';
	end if;
	r := jsonb_populate_record(null::public.requests, coalesce(p_request, '{}'));
	if p_create then
		if exists (select 1 from public.requests q where q.id = p_id and q.organisation_id = p_organisation_id)
			and private.is_org_member(p_organisation_id) then
			return p_id;
		end if;
		begin
			insert into public.requests (
				id, organisation_id, kind, title, description, quantity, people, amount_eur, municipality_nis,
				domains, age_min, age_max, needed_from, needed_until, deadline
			) values (
				p_id, p_organisation_id, r.kind, r.title, coalesce(r.description, ''), r.quantity, r.people,
				r.amount_eur, r.municipality_nis, r.domains, r.age_min, r.age_max, r.needed_from, r.needed_until,
				r.deadline
			);
		exception when unique_violation then
			-- The id is another organisation's request (readable or not): never a silent success.
			raise exception using
				errcode = 'PT404', message = 'Deze vraag bestaat niet.', hint = 'request_not_found';
		end;
	else
		update public.requests q set
			title = r.title,
			description = coalesce(r.description, ''),
			quantity = r.quantity,
			people = r.people,
			amount_eur = r.amount_eur,
			municipality_nis = r.municipality_nis,
			domains = r.domains,
			age_min = r.age_min,
			age_max = r.age_max,
			needed_from = r.needed_from,
			needed_until = r.needed_until,
			deadline = r.deadline
		where q.id = p_id and q.organisation_id = p_organisation_id;
		if not found then
			raise exception using
				errcode = 'PT404', message = 'Deze vraag bestaat niet.', hint = 'request_not_found';
		end if;
	end if;

	delete from public.request_slots s where s.request_id = p_id;
	insert into public.request_slots (request_id, weekday, starts_at, ends_at)
	select p_id, s.weekday, s.starts_at, s.ends_at
	from jsonb_to_recordset(coalesce(p_slots, '[]')) as s (weekday integer, starts_at time, ends_at time);

	return p_id;
end;
$$;

comment on function public.save_request(uuid, uuid, jsonb, jsonb, boolean) is
	'Creates or updates a request with its weekly slots (at most 50) in one transaction (security invoker: RLS decides; Dutch trigger messages). Creating an id of the organisation''s own request returns it (double submit). Errors (SQLSTATE, hint): PT404 request_not_found (another organisation''s id, or one the caller cannot edit), 23514 request_slots_at_most_50 or a rule of the triggers.';

revoke execute on function public.save_request(uuid, uuid, jsonb, jsonb, boolean) from public, anon;
grant execute on function public.save_request(uuid, uuid, jsonb, jsonb, boolean) to authenticated, service_role;
