-- Saving an offer or a request together with its weekly slots (and a room's days off) in one call: one
-- transaction, so a refused slot leaves nothing half-written. security invoker: the policies of the
-- person saving still decide, and the validation triggers still speak Dutch.

/**
 * save_offer(id, organisation, offer, slots, days off, create)
 * Creates (p_create) or updates the offer p_id from p_offer (a JSON object with the offers columns a
 * member may write; kind and organisation only on create), then replaces its slots (a JSON array of
 * {weekday, starts_at, ends_at}) and days off. Creating an id that the caller can already read returns it
 * unchanged (the same form sent twice). An offer the caller cannot edit: PT404 "Dit aanbod bestaat niet.".
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
	r := jsonb_populate_record(null::public.offers, coalesce(p_offer, '{}'));
	if p_create then
		if exists (select 1 from public.offers o where o.id = p_id) then
			return p_id;
		end if;
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
	'Creates or updates an offer with its weekly slots and days off in one transaction (security invoker: RLS decides; Dutch trigger messages). Creating an id the caller already reads returns it (double submit).';

revoke execute on function public.save_offer(uuid, uuid, jsonb, jsonb, date[], boolean) from public, anon;
grant execute on function public.save_offer(uuid, uuid, jsonb, jsonb, date[], boolean) to authenticated, service_role;

/**
 * save_request(id, organisation, request, slots, create)
 * The same for an academy's request and its weekly slots. A closed request is refused by its trigger.
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
	r := jsonb_populate_record(null::public.requests, coalesce(p_request, '{}'));
	if p_create then
		if exists (select 1 from public.requests q where q.id = p_id) then
			return p_id;
		end if;
		insert into public.requests (
			id, organisation_id, kind, title, description, quantity, people, amount_eur, municipality_nis,
			domains, age_min, age_max, needed_from, needed_until, deadline
		) values (
			p_id, p_organisation_id, r.kind, r.title, coalesce(r.description, ''), r.quantity, r.people,
			r.amount_eur, r.municipality_nis, r.domains, r.age_min, r.age_max, r.needed_from, r.needed_until,
			r.deadline
		);
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
	'Creates or updates a request with its weekly slots in one transaction (security invoker: RLS decides; Dutch trigger messages). Creating an id the caller already reads returns it (double submit).';

revoke execute on function public.save_request(uuid, uuid, jsonb, jsonb, boolean) from public, anon;
grant execute on function public.save_request(uuid, uuid, jsonb, jsonb, boolean) to authenticated, service_role;
