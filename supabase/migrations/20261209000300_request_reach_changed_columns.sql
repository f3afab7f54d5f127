-- Stored pairs (20261209000100) are paired again only when a statement changes what they depend on. An
-- update of offers or requests paired again every row it touched: a title or description edit of an offer
-- paired it with every open request in reach (~10 ms at bench:matching's 50 000 offers, ~1 ms on the seed).
-- Now the update triggers see the old rows too and pair again only the offers whose reach (status, place,
-- radius, listed municipalities) or ranking columns (domains, ages, term) changed, and the requests whose
-- status or place changed. The kind never changes (offers_kind_fixed, requests_kind_fixed); an offer's
-- weekdays follow its slots (20261209000200). Inserts pair every new row, as before.
--
-- Pairing offers again reads each offer's weekdays through private.offer_slot_weekdays() (one call per
-- offer a statement wrote). Pairing a request keeps its own join: it reads the weekdays of every offer in
-- reach, thousands at 50 000 offers, and a function that aggregates is not inlined (a call per offer).

/**
 * After an insert or update on offers: pair again the offers it added, and those whose reach or ranking
 * columns it changed; a title or description edit pairs nothing.
 */
create or replace function private.request_reach_offers_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	-- one branch per operation: a statement naming a transition table the trigger lacks does not compile
	if tg_op = 'INSERT' then
		perform private.request_reach_pair_offers(array(select n.id from new_rows n));
	else
		perform private.request_reach_pair_offers(array(
			select n.id
			from new_rows n
			join old_rows o on o.id = n.id
			where (n.status, n.lat, n.lng, n.radius_km, n.area_municipalities, n.domains, n.age_min, n.age_max,
					n.term_start, n.term_end)
				is distinct from (o.status, o.lat, o.lng, o.radius_km, o.area_municipalities, o.domains, o.age_min,
					o.age_max, o.term_start, o.term_end)
		));
	end if;
	return null;
end;
$$;

/**
 * After an insert or update on requests: pair again the requests it added, and those whose status or place
 * it changed (a request's other columns are not stored).
 */
create or replace function private.request_reach_requests_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' then
		perform private.request_reach_pair_requests(array(select n.id from new_rows n));
	else
		perform private.request_reach_pair_requests(array(
			select n.id
			from new_rows n
			join old_rows o on o.id = n.id
			where (n.status, n.lat, n.lng, n.municipality_nis) is distinct from (o.status, o.lat, o.lng, o.municipality_nis)
		));
	end if;
	return null;
end;
$$;

drop trigger offers_request_reach_update on public.offers;
create trigger offers_request_reach_update after update on public.offers
	referencing old table as old_rows new table as new_rows
	for each statement execute function private.request_reach_offers_changed();
drop trigger requests_request_reach_update on public.requests;
create trigger requests_request_reach_update after update on public.requests
	referencing old table as old_rows new table as new_rows
	for each statement execute function private.request_reach_requests_changed();

create or replace function private.request_reach_pair_offers(p_offer_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
	delete from private.request_reach x where x.offer_id = any (p_offer_ids);

	insert into private.request_reach (
		request_id, offer_id, distance_km, reach, offer_kind, offer_domains, offer_age_min, offer_age_max,
		offer_term_start, offer_term_end, offer_weekdays
	)
	select f.request_id, o.id,
		(point(o.lng, o.lat) operator(extensions.<@>) point(r.lng, r.lat)) * 1.609344,
		f.reach, o.kind, o.domains, o.age_min, o.age_max, o.term_start, o.term_end, w.weekdays
	from public.offers o
	cross join lateral (select private.offer_slot_weekdays(o.id) as weekdays) w
	cross join lateral private.open_requests_reached_by(o.id) f
	join public.requests r on r.id = f.request_id
	where o.id = any (p_offer_ids) and o.status = 'active';
$$;
