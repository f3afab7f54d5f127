-- The two ways an agreement changes: propose_agreement() (either side proposes) and set_agreement_status()
-- (only the right side makes each change; accepting a room books its sessions, never overlapping).

/**
 * propose_agreement(request, offer, booking..., message)
 * An academy member proposes to use an offer for one of the academy's requests, or a member of a
 * school, company or partner answers a request with one of its offers. For a room the recurring slot
 * (weekday, from-until hours, first and last day) is required and must fall within the room's weekly
 * availability and term. Proposing the same pair twice while a proposal or agreement is live returns
 * the existing one (a double click is harmless).
 */
create function public.propose_agreement(
	p_request_id uuid,
	p_offer_id uuid,
	p_booking_weekday integer default null,
	p_booking_starts time default null,
	p_booking_ends time default null,
	p_booking_from date default null,
	p_booking_until date default null,
	p_message text default null
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	person uuid := auth.uid();
	request public.requests;
	offer public.offers;
	proposer uuid;
	existing uuid;
	new_id uuid;
	message text := nullif(btrim(replace(coalesce(p_message, ''), E'\r\n', E'\n'), E' \t\r\n'), '');
begin
	if person is null then
		raise exception using
			errcode = '42501', message = 'Meld je aan om een voorstel te doen.', hint = 'agreement_sign_in';
	end if;

	select * into request from public.requests r where r.id = p_request_id;
	select * into offer from public.offers o where o.id = p_offer_id;
	if request.id is null
		or (request.status not in ('open', 'in_progress') and not private.is_org_member(request.organisation_id)) then
		raise exception using
			errcode = 'PT404', message = 'Deze vraag bestaat niet.', hint = 'request_not_found';
	elsif offer.id is null
		or (offer.status <> 'active' and not private.is_org_member(offer.organisation_id)) then
		raise exception using
			errcode = 'PT404', message = 'Dit aanbod bestaat niet.', hint = 'offer_not_found';
	end if;

	if private.is_org_member(request.organisation_id) then
		proposer := request.organisation_id;
	elsif private.is_org_member(offer.organisation_id) then
		proposer := offer.organisation_id;
	else
		raise exception using
			errcode = '42501',
			message = 'Enkel leden van de academie of van de aanbieder kunnen dit voorstellen.',
			hint = 'agreements_proposer_is_a_party';
	end if;

	if request.status not in ('open', 'in_progress') then
		raise exception using
			errcode = '23514',
			message = 'Deze vraag is afgesloten: er kunnen geen voorstellen meer bij.',
			hint = 'agreements_request_open', constraint = 'agreements_request_open';
	elsif offer.status <> 'active' then
		raise exception using
			errcode = '23514',
			message = 'Dit aanbod is niet meer beschikbaar.',
			hint = 'agreements_offer_active', constraint = 'agreements_offer_active';
	elsif not (
		(request.kind = 'venue' and offer.kind = 'room')
		or (request.kind = offer.kind and request.kind in ('volunteers', 'materials', 'funding', 'expertise'))
		or (request.kind = 'expertise' and offer.kind = 'visit')
	) then
		raise exception using
			errcode = '23514',
			message = 'Dit aanbod past niet bij de soort vraag.',
			hint = 'agreements_kinds_match', constraint = 'agreements_kinds_match';
	elsif message is not null and char_length(message) > 4000 then
		raise exception using
			errcode = '23514',
			message = 'Een bericht is hoogstens 4000 tekens lang.',
			hint = 'agreement_messages_body_length', constraint = 'agreement_messages_body_length',
			column = 'body';
	end if;

	if offer.kind = 'room' then
		perform private.check_room_booking(
			offer, p_booking_weekday, p_booking_starts, p_booking_ends, p_booking_from, p_booking_until
		);
	elsif num_nonnulls(p_booking_weekday, p_booking_starts, p_booking_ends, p_booking_from, p_booking_until) > 0 then
		raise exception using
			errcode = '22023',
			message = 'Enkel een lokaal wordt geboekt op een vast moment.',
			hint = 'agreements_booking_only_for_rooms';
	end if;

	select a.id into existing
	from public.agreements a
	where a.request_id = p_request_id and a.offer_id = p_offer_id and a.status in ('proposed', 'accepted');
	if found then
		return existing;
	end if;

	begin
		insert into public.agreements (
			request_id, offer_id, academy_id, provider_id, proposed_by_organisation, booking_weekday,
			booking_starts, booking_ends, booking_from, booking_until, created_by
		)
		values (
			p_request_id, p_offer_id, request.organisation_id, offer.organisation_id, proposer,
			p_booking_weekday, p_booking_starts, p_booking_ends, p_booking_from, p_booking_until, person
		)
		returning id into new_id;
	exception when unique_violation then
		-- The same proposal made at the same moment in another transaction.
		select a.id into existing
		from public.agreements a
		where a.request_id = p_request_id and a.offer_id = p_offer_id and a.status in ('proposed', 'accepted');
		return existing;
	end;

	insert into public.agreement_events (agreement_id, status, organisation_id, actor)
	values (new_id, 'proposed', proposer, person);
	if message is not null then
		insert into public.agreement_messages (agreement_id, author, organisation_id, body)
		values (new_id, person, proposer, message);
	end if;
	return new_id;
end;
$$;

/**
 * check_room_booking(offer, weekday, starts, ends, from, until)
 * A room's recurring booking must be complete, possible (end after start), at most 400 days long (a
 * school year: also what keeps the sessions below cheap to list, whatever the room's term), within the
 * room's term and within one of its weekly slots, contain at least one session, and not overlap what is
 * already booked.
 */
create function private.check_room_booking(
	p_offer public.offers,
	p_weekday integer,
	p_starts time,
	p_ends time,
	p_from date,
	p_until date
)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if num_nulls(p_weekday, p_starts, p_ends, p_from, p_until) > 0 then
		raise exception using
			errcode = '22023',
			message = 'Kies voor een lokaal de dag, de uren en de periode.',
			hint = 'agreements_booking_all_or_nothing';
	elsif p_weekday not between 1 and 7 then
		raise exception using
			errcode = '23514', message = 'Kies een dag van maandag tot zondag.',
			hint = 'agreements_booking_weekday_range', constraint = 'agreements_booking_weekday_range', column = 'booking_weekday';
	elsif p_ends <= p_starts then
		raise exception using
			errcode = '23514', message = 'Het einduur moet na het beginuur liggen.',
			hint = 'agreements_booking_ends_after_start', constraint = 'agreements_booking_ends_after_start', column = 'booking_ends';
	elsif p_until < p_from then
		raise exception using
			errcode = '23514', message = 'De einddatum mag niet voor de begindatum liggen.',
			hint = 'agreements_booking_until_not_before_from', constraint = 'agreements_booking_until_not_before_from', column = 'booking_until';
	elsif p_until - p_from > 400 then
		raise exception using
			errcode = '23514',
			message = 'Een vaste boeking loopt hoogstens 400 dagen (een schooljaar). Maak voor wat daarna komt een nieuwe afspraak.',
			hint = 'agreements_booking_at_most_400_days', constraint = 'agreements_booking_at_most_400_days',
			column = 'booking_until';
	elsif p_from < p_offer.term_start or p_until > p_offer.term_end then
		raise exception using
			errcode = '23514',
			message = format('Dit lokaal is enkel beschikbaar van %s tot %s.',
				to_char(p_offer.term_start, 'DD/MM/YYYY'), to_char(p_offer.term_end, 'DD/MM/YYYY')),
			hint = 'agreements_booking_within_term', constraint = 'agreements_booking_within_term', column = 'booking_from';
	elsif not exists (
		select 1 from public.offer_slots s
		where s.offer_id = p_offer.id and s.weekday = p_weekday
			and s.starts_at <= p_starts and s.ends_at >= p_ends
	) then
		raise exception using
			errcode = '23514',
			message = 'Het lokaal is op dat moment niet vrij: kies een moment binnen de beschikbare uren.',
			hint = 'agreements_booking_within_slot', constraint = 'agreements_booking_within_slot', column = 'booking_starts';
	elsif not exists (select 1 from private.room_sessions(p_offer.id, p_weekday, p_starts, p_ends, p_from, p_until)) then
		raise exception using
			errcode = '23514',
			message = 'In deze periode valt geen enkele sessie op die dag.',
			hint = 'agreements_booking_has_sessions', constraint = 'agreements_booking_has_sessions', column = 'booking_from';
	elsif exists (
		select 1
		from private.room_sessions(p_offer.id, p_weekday, p_starts, p_ends, p_from, p_until) s
		join public.room_bookings b on b.offer_id = p_offer.id and b.slot && s.slot
	) then
		raise exception using
			errcode = '23P01',
			message = 'Dit lokaal is op dat moment al geboekt.',
			hint = 'room_bookings_no_overlap', constraint = 'room_bookings_no_overlap';
	end if;
end;
$$;

comment on function private.check_room_booking(public.offers, integer, time, time, date, date) is
	'Raises (Dutch) unless a recurring room booking is complete, ends after it starts, spans at most 400 days, lies within the term and a weekly slot, has a session and overlaps nothing booked. Errors (SQLSTATE, hint): 22023 agreements_booking_all_or_nothing, 23514 the rule''s constraint name, 23P01 room_bookings_no_overlap.';

/**
 * room_sessions(offer, weekday, starts, ends, from, until)
 * The concrete sessions of a recurring booking: every given weekday between the two days, except the
 * room's days off. At most 400 days at once, so that no call lists centuries of days. Security invoker:
 * it reads the days off as its caller may (the booking functions, which run as the owner, see them all);
 * not for the API, which never needs it.
 */
create function private.room_sessions(
	p_offer_id uuid,
	p_weekday integer,
	p_starts time,
	p_ends time,
	p_from date,
	p_until date
)
returns table (day date, slot tsrange)
language plpgsql
stable
security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
	if p_until - p_from > 400 then
		raise exception using
			errcode = '22023',
			message = 'Vraag de sessies van hoogstens 400 dagen tegelijk op.',
			hint = 'room_sessions_at_most_400_days';
	end if;
	return query
		select d::date, tsrange(d::date + p_starts, d::date + p_ends, '[)')
		from generate_series(p_from::timestamp, p_until::timestamp, interval '1 day') as d
		where extract(isodow from d) = p_weekday
			and not exists (
				select 1 from public.offer_unavailable_dates u where u.offer_id = p_offer_id and u.day = d::date
			);
end;
$$;

comment on function private.room_sessions(uuid, integer, time, time, date, date) is
	'The sessions (day, local time range) of a recurring booking of a room: every weekday between from and until (at most 400 days apart: 22023, hint room_sessions_at_most_400_days), minus the room''s days off. Security invoker; for the booking functions and the service role.';

grant execute on function private.room_sessions(uuid, integer, time, time, date, date) to service_role;

comment on function public.propose_agreement(uuid, uuid, integer, time, time, date, date, text) is
	'A member of the academy (for its request) or of the offer''s organisation (for its offer) proposes an agreement, with the recurring slot for a room and an optional first message; returns its id (the existing one when the pair already has a live agreement). Errors (SQLSTATE, hint): 42501 agreement_sign_in or agreements_proposer_is_a_party, PT404 request_not_found or offer_not_found (also for one the caller may not read), 23514 the rule''s constraint name (closed request, offer not active, kinds do not match, over 400 days, outside the room''s term or hours, no session; Dutch), 22023 agreements_booking_all_or_nothing or agreements_booking_only_for_rooms, 23P01 room_bookings_no_overlap.';

revoke execute on function public.propose_agreement(uuid, uuid, integer, time, time, date, date, text) from public, anon;
grant execute on function public.propose_agreement(uuid, uuid, integer, time, time, date, date, text) to authenticated, service_role;

/**
 * set_agreement_status(agreement, status, note, given_sessions, given_hours, given_items, thank_you)
 * The only way an agreement's status changes, and only by the right side:
 *   proposed -> accepted | declined   by the side that did not propose;
 *   proposed -> withdrawn             by the side that proposed;
 *   accepted -> fulfilled             by the academy (with what was given and a thank-you note);
 *   accepted -> withdrawn             by either side.
 * Asking for the status it already has changes nothing and is not an error (a double click). Accepting
 * a room books its sessions in the same transaction; an overlap with another booking refuses the whole
 * accept. Accepting moves an open request to in progress; withdrawing an accepted agreement frees the
 * room and moves the request back to open when nothing else is accepted for it.
 */
create function public.set_agreement_status(
	p_agreement_id uuid,
	p_status text,
	p_note text default null,
	p_given_sessions integer default null,
	p_given_hours integer default null,
	p_given_items integer default null,
	p_thank_you text default null
)
returns public.agreements
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	person uuid := auth.uid();
	agreement public.agreements;
	request public.requests;
	offer public.offers;
	on_academy_side boolean;
	on_provider_side boolean;
	acting_side uuid;
	note text := nullif(btrim(coalesce(p_note, ''), E' \t\r\n'), '');
	thanks text := nullif(btrim(replace(coalesce(p_thank_you, ''), E'\r\n', E'\n'), E' \t\r\n'), '');
begin
	if person is null then
		raise exception using
			errcode = '42501', message = 'Meld je aan om een afspraak te wijzigen.', hint = 'agreement_sign_in';
	end if;
	if p_status is null or p_status not in ('accepted', 'declined', 'withdrawn', 'fulfilled') then
		raise exception using
			errcode = '22023',
			message = 'Een afspraak kan aanvaard, geweigerd, ingetrokken of uitgevoerd worden.',
			hint = 'agreements_status_known',
			column = 'status';
	end if;

	select * into agreement from public.agreements a where a.id = p_agreement_id for update;
	on_academy_side := found and private.is_org_member(agreement.academy_id);
	on_provider_side := found and private.is_org_member(agreement.provider_id);
	if not (on_academy_side or on_provider_side) then
		raise exception using
			errcode = 'PT404', message = 'Deze afspraak bestaat niet.', hint = 'agreement_not_found';
	end if;

	if agreement.status = p_status then
		return agreement;
	end if;

	if note is not null and char_length(note) > 1000 then
		raise exception using
			errcode = '23514', message = 'Een opmerking is hoogstens 1000 tekens lang.',
			hint = 'agreement_events_note_length', constraint = 'agreement_events_note_length', column = 'note';
	end if;

	if agreement.status = 'proposed' and p_status in ('accepted', 'declined') then
		if agreement.proposed_by_organisation = agreement.academy_id and on_provider_side then
			acting_side := agreement.provider_id;
		elsif agreement.proposed_by_organisation = agreement.provider_id and on_academy_side then
			acting_side := agreement.academy_id;
		else
			raise exception using
				errcode = '42501',
				message = case p_status
					when 'accepted' then 'Enkel de andere partij kan dit voorstel aanvaarden.'
					else 'Enkel de andere partij kan dit voorstel weigeren.'
				end,
				hint = 'agreements_answered_by_the_other_side';
		end if;
	elsif agreement.status = 'proposed' and p_status = 'withdrawn' then
		if not private.is_org_member(agreement.proposed_by_organisation) then
			raise exception using
				errcode = '42501',
				message = 'Enkel wie het voorstel deed, kan het intrekken.',
				hint = 'agreements_withdrawn_by_the_proposer';
		end if;
		acting_side := agreement.proposed_by_organisation;
	elsif agreement.status = 'accepted' and p_status = 'fulfilled' then
		if not on_academy_side then
			raise exception using
				errcode = '42501',
				message = 'Enkel de academie kan de afspraak als uitgevoerd markeren.',
				hint = 'agreements_fulfilled_by_the_academy';
		end if;
		acting_side := agreement.academy_id;
	elsif agreement.status = 'accepted' and p_status = 'withdrawn' then
		acting_side := case when on_academy_side then agreement.academy_id else agreement.provider_id end;
	else
		raise exception using
			errcode = '23514',
			message = case agreement.status
				when 'declined' then 'Deze afspraak werd geweigerd en kan niet meer veranderen.'
				when 'withdrawn' then 'Deze afspraak werd ingetrokken en kan niet meer veranderen.'
				when 'fulfilled' then 'Deze afspraak is uitgevoerd en kan niet meer veranderen.'
				when 'accepted' then 'Een aanvaarde afspraak kan enkel uitgevoerd of ingetrokken worden.'
				else 'Een voorstel wordt eerst aanvaard voor het uitgevoerd kan worden.'
			end,
			hint = 'agreements_status_transition', constraint = 'agreements_status_transition',
			column = 'status';
	end if;

	if p_status = 'fulfilled' then
		if coalesce(p_given_sessions, 0) < 0 or coalesce(p_given_hours, 0) < 0 or coalesce(p_given_items, 0) < 0 then
			raise exception using
				errcode = '23514', message = 'Wat gegeven werd, kan niet negatief zijn.',
				hint = 'agreements_given_not_negative', constraint = 'agreements_given_not_negative';
		elsif char_length(thanks) > 1000 then
			raise exception using
				errcode = '23514', message = 'Een bedankje is hoogstens 1000 tekens lang.',
				hint = 'agreements_thank_you_length', constraint = 'agreements_thank_you_length', column = 'thank_you';
		end if;
	end if;

	select * into request from public.requests r where r.id = agreement.request_id for update;
	select * into offer from public.offers o where o.id = agreement.offer_id;

	if p_status = 'accepted' then
		if request.status not in ('open', 'in_progress') then
			raise exception using
				errcode = '23514',
				message = 'Deze vraag is afgesloten: het voorstel kan niet meer aanvaard worden.',
				hint = 'agreements_request_open', constraint = 'agreements_request_open';
		elsif offer.status <> 'active' then
			raise exception using
				errcode = '23514',
				message = 'Dit aanbod is niet meer beschikbaar.',
				hint = 'agreements_offer_active', constraint = 'agreements_offer_active';
		end if;
		if offer.kind = 'room' then
			begin
				insert into public.room_bookings (offer_id, agreement_id, day, slot)
				select offer.id, agreement.id, s.day, s.slot
				from private.room_sessions(
					offer.id, agreement.booking_weekday, agreement.booking_starts, agreement.booking_ends,
					agreement.booking_from, agreement.booking_until
				) s;
			exception when exclusion_violation then
				raise exception using
					errcode = '23P01',
					message = 'Dit lokaal is op dat moment al geboekt.',
					hint = 'room_bookings_no_overlap', constraint = 'room_bookings_no_overlap';
			end;
		end if;
		if request.status = 'open' then
			update public.requests r set status = 'in_progress' where r.id = request.id;
		end if;
	elsif p_status = 'withdrawn' and agreement.status = 'accepted' then
		delete from public.room_bookings b where b.agreement_id = agreement.id;
		if request.status = 'in_progress' and not exists (
			select 1 from public.agreements a
			where a.request_id = request.id and a.id <> agreement.id and a.status in ('accepted', 'fulfilled')
		) then
			update public.requests r set status = 'open' where r.id = request.id;
		end if;
	end if;

	update public.agreements a
	set status = p_status,
		given_sessions = case when p_status = 'fulfilled' then p_given_sessions else a.given_sessions end,
		given_hours = case when p_status = 'fulfilled' then p_given_hours else a.given_hours end,
		given_items = case when p_status = 'fulfilled' then p_given_items else a.given_items end,
		thank_you = case when p_status = 'fulfilled' then thanks else a.thank_you end
	where a.id = agreement.id
	returning * into agreement;

	insert into public.agreement_events (agreement_id, status, organisation_id, actor, note)
	values (agreement.id, p_status, acting_side, person, note);

	return agreement;
end;
$$;

comment on function public.set_agreement_status(uuid, text, text, integer, integer, integer, text) is
	'Changes an agreement''s status, only by the right side (accept/decline: the side that did not propose; withdraw a proposal: the proposer; fulfilled: the academy, with given_* and thank_you; withdraw an accepted one: either side), writes the event, books a room''s sessions on accept. Same status again: no-op. Errors (SQLSTATE, hint): 42501 agreement_sign_in or the side rule (agreements_answered_by_the_other_side, agreements_withdrawn_by_the_proposer, agreements_fulfilled_by_the_academy), PT404 agreement_not_found (not a party or unknown), 22023 agreements_status_known, 23514 the rule''s constraint name (transition not allowed, request closed, offer not active, negative amounts; Dutch), 23P01 room_bookings_no_overlap ("Dit lokaal is op dat moment al geboekt.").';

revoke execute on function public.set_agreement_status(uuid, text, text, integer, integer, integer, text) from public, anon;
grant execute on function public.set_agreement_status(uuid, text, text, integer, integer, integer, text) to authenticated, service_role;

revoke execute on all functions in schema private from public;
