-- Agreements between an academy's request and a school's or company's offer: the status history, the
-- thread between the two organisations, the concrete room bookings that can never overlap, and the
-- functions that change an agreement.

/**
 * agreements
 * One request, one offer, two organisations. Created only by propose_agreement(), its status changed only
 * by set_agreement_status(), its first session set by the academy; read by the members of the two
 * organisations and by network staff.
 */
create table public.agreements (
	id uuid primary key default gen_random_uuid(),
	request_id uuid not null references public.requests (id) on delete cascade,
	offer_id uuid not null references public.offers (id) on delete cascade,
	academy_id uuid not null references public.organisations (id) on delete cascade,
	provider_id uuid not null references public.organisations (id) on delete cascade,
	proposed_by_organisation uuid not null references public.organisations (id) on delete cascade,
	status text not null default 'proposed',
	booking_weekday integer,
	booking_starts time,
	booking_ends time,
	booking_from date,
	booking_until date,
	first_session_on date,
	given_sessions integer,
	given_hours integer,
	given_items integer,
	thank_you text,
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint agreements_status_known check (
		status in ('proposed', 'accepted', 'declined', 'withdrawn', 'fulfilled')
	),
	constraint agreements_proposer_is_a_party check (proposed_by_organisation in (academy_id, provider_id)),
	constraint agreements_booking_all_or_nothing check (
		num_nulls(booking_weekday, booking_starts, booking_ends, booking_from, booking_until) in (0, 5)
	),
	constraint agreements_booking_weekday_range check (booking_weekday between 1 and 7),
	constraint agreements_booking_ends_after_start check (booking_ends > booking_starts),
	constraint agreements_booking_until_not_before_from check (booking_until >= booking_from),
	constraint agreements_booking_at_most_400_days check (booking_until - booking_from <= 400),
	constraint agreements_given_not_negative check (
		given_sessions >= 0 and given_hours >= 0 and given_items >= 0
	),
	constraint agreements_thank_you_length check (char_length(thank_you) between 1 and 1000)
);

alter table public.agreements enable row level security;

comment on table public.agreements is
	'An agreement between an academy (its request) and a school, company or partner (its offer). Created by propose_agreement(), status changed by set_agreement_status() only: proposed -> accepted | declined (the other side) | withdrawn (the proposer); accepted -> fulfilled (the academy) | withdrawn (either side). Read by the members of both organisations and network staff.';
comment on column public.agreements.id is 'Identifier.';
comment on column public.agreements.request_id is 'The academy''s request.';
comment on column public.agreements.offer_id is 'The offer that answers it.';
comment on column public.agreements.academy_id is 'The academy (the request''s organisation), copied for the policies.';
comment on column public.agreements.provider_id is 'The school, company or partner (the offer''s organisation), copied for the policies.';
comment on column public.agreements.proposed_by_organisation is 'Which of the two organisations proposed it (academy_id or provider_id).';
comment on column public.agreements.status is 'proposed, accepted, declined, withdrawn or fulfilled. Only through set_agreement_status().';
comment on column public.agreements.booking_weekday is 'Rooms: the weekday agreed (1 maandag ... 7 zondag).';
comment on column public.agreements.booking_starts is 'Rooms: from (local time).';
comment on column public.agreements.booking_ends is 'Rooms: until (local time), after booking_starts.';
comment on column public.agreements.booking_from is 'Rooms: first day of the recurring booking.';
comment on column public.agreements.booking_until is 'Rooms: last day of the recurring booking, not before booking_from and at most 400 days after it (a school year; a longer stay is a new agreement).';
comment on column public.agreements.first_session_on is
	'The first session (volunteers, expertise, visit): set by the academy''s members while the agreement is accepted. Rooms use booking_from.';
comment on column public.agreements.given_sessions is 'When fulfilled: sessions actually held, 0 or more.';
comment on column public.agreements.given_hours is 'When fulfilled: hours actually given, 0 or more.';
comment on column public.agreements.given_items is 'When fulfilled: items actually given, 0 or more.';
comment on column public.agreements.thank_you is 'When fulfilled: an optional thank-you note from the academy, at most 1000 characters.';
comment on column public.agreements.created_by is 'The person who proposed it.';
comment on column public.agreements.created_at is 'When it was proposed.';
comment on column public.agreements.updated_at is 'When it last changed.';

create index agreements_request_id_idx on public.agreements (request_id);
create index agreements_offer_id_idx on public.agreements (offer_id);
create index agreements_academy_id_idx on public.agreements (academy_id);
create index agreements_provider_id_idx on public.agreements (provider_id);
create index agreements_proposed_by_organisation_idx on public.agreements (proposed_by_organisation);
create index agreements_created_by_idx on public.agreements (created_by);
create unique index agreements_one_live_per_pair on public.agreements (request_id, offer_id)
	where status in ('proposed', 'accepted');

-- updated_at orders both sides' lists: forgetting who proposed (their account is deleted) is no change.
create trigger agreements_set_updated_at
	before update on public.agreements
	for each row
	when ((to_jsonb(old) - 'created_by') is distinct from (to_jsonb(new) - 'created_by'))
	execute function private.set_updated_at();

/**
 * check_first_session()
 * The academy sets the first session of an accepted agreement directly (the one column it may update):
 * only on an agreement about volunteers, expertise or a visit (a room's agreement uses booking_from), and
 * not to a day long gone. Runs as its owner, like the other validation triggers (raise_rule is not the
 * caller's).
 */
create function private.check_first_session()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.first_session_on is distinct from old.first_session_on
		and new.first_session_on is not null then
		if not exists (
			select 1 from public.offers o
			where o.id = new.offer_id and o.kind in ('volunteers', 'expertise', 'visit')
		) then
			perform private.raise_rule('agreements_first_session_people', 'first_session_on',
				'Enkel bij een afspraak over vrijwilligers, expertise of een bezoek plan je een eerste sessie; bij een lokaal geldt de boekingsperiode.',
				tg_table_name);
		elsif new.first_session_on < private.today_in_belgium() - 365 then
			perform private.raise_rule('agreements_first_session_recent', 'first_session_on',
				'De eerste sessie kan niet meer dan een jaar geleden zijn.', tg_table_name);
		end if;
	end if;
	return new;
end;
$$;

comment on function private.check_first_session() is
	'Trigger: a first session only on an agreement about volunteers, expertise or a visit, and not more than a year ago (Dutch messages, 23514).';

create trigger agreements_check_first_session
	before update of first_session_on on public.agreements
	for each row execute function private.check_first_session();

/**
 * agreement_events
 * Every status an agreement went through: which, who, for which side, when, with what note. Written only
 * by propose_agreement() and set_agreement_status().
 */
create table public.agreement_events (
	id bigint generated always as identity primary key,
	agreement_id uuid not null references public.agreements (id) on delete cascade,
	status text not null,
	organisation_id uuid references public.organisations (id) on delete set null,
	actor uuid references auth.users (id) on delete set null,
	note text,
	created_at timestamptz not null default now(),
	constraint agreement_events_status_known check (
		status in ('proposed', 'accepted', 'declined', 'withdrawn', 'fulfilled')
	),
	constraint agreement_events_note_length check (char_length(note) <= 1000)
);

alter table public.agreement_events enable row level security;

comment on table public.agreement_events is
	'Status history of an agreement (who, which side, when, note). Written only by propose_agreement() and set_agreement_status(); read by the members of both organisations and network staff.';
comment on column public.agreement_events.id is 'Identifier, in order of the events.';
comment on column public.agreement_events.agreement_id is 'The agreement.';
comment on column public.agreement_events.status is 'The status it moved to: proposed, accepted, declined, withdrawn or fulfilled.';
comment on column public.agreement_events.organisation_id is 'The side that acted (the academy or the provider).';
comment on column public.agreement_events.actor is 'The person who acted; null when the account is gone.';
comment on column public.agreement_events.note is 'Optional note, at most 1000 characters.';
comment on column public.agreement_events.created_at is 'When.';

create index agreement_events_agreement_id_idx on public.agreement_events (agreement_id, created_at);
create index agreement_events_actor_idx on public.agreement_events (actor);
create index agreement_events_organisation_id_idx on public.agreement_events (organisation_id);

/**
 * agreement_messages
 * The thread of an agreement between the members of its two organisations.
 */
create table public.agreement_messages (
	id bigint generated always as identity primary key,
	agreement_id uuid not null references public.agreements (id) on delete cascade,
	author uuid default auth.uid() references auth.users (id) on delete set null,
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	body text not null,
	created_at timestamptz not null default now(),
	constraint agreement_messages_body_length check (char_length(body) between 1 and 4000)
);

alter table public.agreement_messages enable row level security;

comment on table public.agreement_messages is
	'Messages between the two organisations of an agreement. Read and written by the members of those two organisations (each writes for a side they belong to); network staff read. Never edited.';
comment on column public.agreement_messages.id is 'Identifier, in order of writing.';
comment on column public.agreement_messages.agreement_id is 'The agreement.';
comment on column public.agreement_messages.author is 'Who wrote it; null when the account is gone.';
comment on column public.agreement_messages.organisation_id is 'The side the author wrote for (the agreement''s academy or provider).';
comment on column public.agreement_messages.body is 'Plain text, 1 to 4000 characters, trimmed. Never HTML.';
comment on column public.agreement_messages.created_at is 'When it was written.';

create index agreement_messages_agreement_id_idx on public.agreement_messages (agreement_id, created_at);
create index agreement_messages_author_idx on public.agreement_messages (author);
create index agreement_messages_organisation_id_idx on public.agreement_messages (organisation_id);

/**
 * check_agreement_message()
 * Trims the body, refuses an empty one in Dutch, and keeps the side to one of the agreement's two. Which
 * organisations are the sides is told only to the members of those sides (and to scripts without a
 * signed-in person): anyone else is refused by the policies, learning nothing about the agreement.
 */
create function private.check_agreement_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	sides record;
begin
	new.body := btrim(replace(coalesce(new.body, ''), E'\r\n', E'\n'), E' \t\r\n');
	if new.body = '' then
		perform private.raise_rule('agreement_messages_body_length', 'body', 'Schrijf een bericht.', tg_table_name);
	elsif char_length(new.body) > 4000 then
		perform private.raise_rule('agreement_messages_body_length', 'body',
			'Een bericht is hoogstens 4000 tekens lang.', tg_table_name);
	end if;
	select a.academy_id, a.provider_id into sides
	from public.agreements a
	where a.id = new.agreement_id
		and (
			auth.uid() is null
			or a.academy_id in (select private.my_organisation_ids())
			or a.provider_id in (select private.my_organisation_ids())
		);
	if found and new.organisation_id is distinct from sides.academy_id
		and new.organisation_id is distinct from sides.provider_id then
		perform private.raise_rule('agreement_messages_organisation_is_a_party', 'organisation_id',
			'Je schrijft namens een van de twee organisaties van de afspraak.', tg_table_name);
	end if;
	return new;
end;
$$;

comment on function private.check_agreement_message() is
	'Trigger: trims the body (1 to 4000 characters, Dutch messages, 23514 with the constraint as hint) and, for the members of its sides, requires organisation_id to be one of the agreement''s two organisations.';

create trigger agreement_messages_check
	before insert on public.agreement_messages
	for each row execute function private.check_agreement_message();

/**
 * room_bookings
 * One row per concrete session in a room, made when a room agreement is accepted. The exclusion
 * constraint makes overlapping bookings of the same room impossible, also between concurrent
 * transactions.
 */
create table public.room_bookings (
	id uuid primary key default gen_random_uuid(),
	offer_id uuid not null references public.offers (id) on delete cascade,
	agreement_id uuid not null references public.agreements (id) on delete cascade,
	day date not null,
	slot tsrange not null,
	created_at timestamptz not null default now(),
	constraint room_bookings_slot_on_day check (
		lower(slot)::date = day and upper(slot) > lower(slot) and not lower_inf(slot) and not upper_inf(slot)
	),
	constraint room_bookings_no_overlap exclude using gist (offer_id with =, slot with &&)
);

alter table public.room_bookings enable row level security;

comment on table public.room_bookings is
	'Concrete sessions booked in a room (one per week of an accepted room agreement, minus the room''s days off). Never overlapping for the same room (exclusion constraint room_bookings_no_overlap). Written only by set_agreement_status(); read by the members of both organisations and network staff.';
comment on column public.room_bookings.id is 'Identifier.';
comment on column public.room_bookings.offer_id is 'The room (an offer of kind room).';
comment on column public.room_bookings.agreement_id is 'The accepted agreement it comes from.';
comment on column public.room_bookings.day is 'The day of the session.';
comment on column public.room_bookings.slot is 'From and until on that day, local time (Europe/Brussels), half open [from, until).';
comment on column public.room_bookings.created_at is 'When it was booked.';

create index room_bookings_agreement_id_idx on public.room_bookings (agreement_id);
create index room_bookings_offer_id_day_idx on public.room_bookings (offer_id, day);

-- Policies -------------------------------------------------------------------------------------------

create policy "members of both sides can read their agreements"
	on public.agreements for select
	to authenticated
	using (
		academy_id in (select private.my_organisation_ids())
		or provider_id in (select private.my_organisation_ids())
	);

create policy "network staff can read every agreement"
	on public.agreements for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "the academy can set the first session of its accepted agreements"
	on public.agreements for update
	to authenticated
	using (status = 'accepted' and private.is_org_member(academy_id))
	with check (status = 'accepted' and private.is_org_member(academy_id));

revoke insert, update, delete, truncate on public.agreements from anon, authenticated;
grant update (first_session_on) on public.agreements to authenticated;

create policy "members of both sides can read the history of their agreements"
	on public.agreement_events for select
	to authenticated
	using (exists (select 1 from public.agreements a where a.id = agreement_id));

revoke insert, update, delete, truncate on public.agreement_events from anon, authenticated;

create policy "members of both sides can read the thread of their agreements"
	on public.agreement_messages for select
	to authenticated
	using (exists (select 1 from public.agreements a where a.id = agreement_id));

create policy "members of both sides can write in the thread for their own side"
	on public.agreement_messages for insert
	to authenticated
	with check (
		author = (select auth.uid())
		and organisation_id in (select private.my_organisation_ids())
		and exists (
			select 1 from public.agreements a
			where a.id = agreement_id and organisation_id in (a.academy_id, a.provider_id)
		)
	);

revoke insert, update, delete, truncate on public.agreement_messages from anon, authenticated;
grant insert (agreement_id, organisation_id, body) on public.agreement_messages to authenticated;

create policy "members of both sides can read the bookings of their agreements"
	on public.room_bookings for select
	to authenticated
	using (exists (select 1 from public.agreements a where a.id = agreement_id));

create policy "members can read every booking of their organisation's rooms"
	on public.room_bookings for select
	to authenticated
	using (private.offer_organisation(offer_id) in (select private.my_organisation_ids()));

revoke insert, update, delete, truncate on public.room_bookings from anon, authenticated;

-- The other party of an agreement reads the request and the offer it is about, whatever their status.
create policy "the provider of an agreement can read its request"
	on public.requests for select
	to authenticated
	using (
		exists (
			select 1 from public.agreements a
			where a.request_id = requests.id and a.provider_id in (select private.my_organisation_ids())
		)
	);

create policy "the academy of an agreement can read its offer"
	on public.offers for select
	to authenticated
	using (
		exists (
			select 1 from public.agreements a
			where a.offer_id = offers.id and a.academy_id in (select private.my_organisation_ids())
		)
	);

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

/**
 * room_booked(offer, weekday, starts, ends, from, until)
 * Whether a room is booked, on one of the given weekdays between the two days, at some moment between the
 * two hours: then that weekly window is not free, and proposing it would fail on the overlap
 * (check_room_booking()). Security definer because only the two sides of an agreement read its bookings;
 * it tells no more than propose_agreement() tells anyone who proposes that window.
 */
create function private.room_booked(
	p_offer_id uuid,
	p_weekday integer,
	p_starts time,
	p_ends time,
	p_from date,
	p_until date
)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1
		from public.room_bookings b
		where b.offer_id = p_offer_id
			and b.day between p_from and p_until
			and extract(isodow from b.day) = p_weekday
			and b.slot && tsrange(b.day + p_starts, b.day + p_ends, '[)')
	);
$$;

comment on function private.room_booked(uuid, integer, time, time, date, date) is
	'True when the room has a booking on that weekday between from and until that overlaps the hours. Security definer (bookings are the two sides''); for match_suggestions() (the suggestions of offers and requests).';

-- The suggestions (security invoker) ask it as the person asking, anonymous visitors too.
grant execute on function private.room_booked(uuid, integer, time, time, date, date)
	to anon, authenticated, service_role;

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
