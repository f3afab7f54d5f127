-- Agreements between an academy's request and a school's or company's offer: the status history, the
-- thread between the two organisations, and the concrete room bookings that can never overlap.

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

revoke execute on all functions in schema private from public;
