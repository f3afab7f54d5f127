-- Community events: meetups, info sessions and open school days in a local STEM community, with RSVPs for
-- adults (accounts only: no data about children, no "how many children" field), a waiting list when the
-- event is full and the first waiting person promoted (and mailed) when someone who was going cancels. A
-- reminder goes out the day before, and each person has a secret calendar feed of what they are going to.
--
-- Who may organise: a member or host of the community (not blocked from it), optionally on behalf of an
-- organisation they belong to; an open school day is announced on behalf of a school, by one of its owners
-- or admins, in a community that covers the school's municipality (also without joining it).
-- Who sees the RSVP list: the organiser, the community's hosts and network staff; a person sees their own.

/**
 * community_events
 * An event of a community at a place and time (stored as moments; the app and the functions below read
 * and write them in Belgian local time). Read by everyone while the community is active.
 */
create table public.community_events (
	id uuid primary key default gen_random_uuid(),
	community_id uuid not null references public.communities (id) on delete cascade,
	organiser_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	organisation_id uuid references public.organisations (id) on delete set null,
	kind text not null default 'meetup',
	title text not null,
	description text not null default '',
	address text not null,
	municipality_nis text not null references public.municipalities (nis),
	starts_at timestamptz not null,
	ends_at timestamptz not null,
	capacity integer,
	status text not null default 'scheduled',
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint community_events_kind_known check (
		kind in ('meetup', 'info_session', 'open_school_day', 'other')
	),
	constraint community_events_title_length check (char_length(title) between 3 and 140),
	constraint community_events_title_trimmed check (title = btrim(title, E' \t\r\n')),
	constraint community_events_description_length check (char_length(description) <= 5000),
	constraint community_events_address_length check (char_length(address) between 3 and 300),
	constraint community_events_address_trimmed check (address = btrim(address, E' \t\r\n')),
	constraint community_events_ends_after_start check (ends_at > starts_at),
	constraint community_events_at_most_two_weeks check (ends_at - starts_at <= interval '14 days'),
	constraint community_events_capacity_range check (capacity between 1 and 10000),
	constraint community_events_status_known check (status in ('scheduled', 'cancelled'))
);

alter table public.community_events enable row level security;

comment on table public.community_events is
	'An event of a local STEM community (meetup, info session, open school day, other): where, when, how many may come (null: no limit), scheduled or cancelled. Read by everyone while its community is active; created with create_community_event() by members and hosts (an open school day by a school''s admins); the organiser and the hosts may cancel it. Deleted with the organiser''s account.';
comment on column public.community_events.id is 'Identifier.';
comment on column public.community_events.community_id is 'The community it belongs to.';
comment on column public.community_events.organiser_id is 'The person who organises it (sees the RSVP list).';
comment on column public.community_events.organisation_id is 'The organisation it is organised on behalf of, if any (a school for an open school day).';
comment on column public.community_events.kind is 'meetup, info_session, open_school_day or other.';
comment on column public.community_events.title is 'Title, 3 to 140 characters.';
comment on column public.community_events.description is 'What happens, at most 5000 characters.';
comment on column public.community_events.address is 'Where: street and number, or the building, 3 to 300 characters.';
comment on column public.community_events.municipality_nis is 'The current municipality it takes place in.';
comment on column public.community_events.starts_at is 'When it starts (a moment; shown in Belgian local time).';
comment on column public.community_events.ends_at is 'When it ends, after the start and at most 14 days later.';
comment on column public.community_events.capacity is 'How many people may come (1 to 10000); null: no limit, no waiting list.';
comment on column public.community_events.status is 'scheduled or cancelled.';
comment on column public.community_events.created_at is 'When it was created.';
comment on column public.community_events.updated_at is 'When it last changed.';

create index community_events_community_starts_idx on public.community_events (community_id, starts_at);
create index community_events_organiser_id_idx on public.community_events (organiser_id);
create index community_events_organisation_id_idx on public.community_events (organisation_id);
create index community_events_municipality_nis_idx on public.community_events (municipality_nis);
create index community_events_starts_at_idx on public.community_events (starts_at);

create trigger community_events_set_updated_at
	before update on public.community_events
	for each row execute function private.set_updated_at();

create trigger community_events_require_current_municipality
	before insert or update of municipality_nis on public.community_events
	for each row execute function private.require_current_municipality();

/**
 * event_rsvps
 * A person's answer to an event: going, on the waiting list (with a position), or cancelled. Adults with
 * an account only. Written only by rsvp_event() and cancel_event_rsvp().
 */
create table public.event_rsvps (
	event_id uuid not null references public.community_events (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	status text not null,
	position integer,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (event_id, user_id),
	constraint event_rsvps_status_known check (status in ('going', 'waiting', 'cancelled')),
	constraint event_rsvps_position_for_waiting check ((status = 'waiting') = (position is not null))
);

alter table public.event_rsvps enable row level security;

comment on table public.event_rsvps is
	'Who comes to an event: one row per person and event, going, waiting (position on the waiting list, lowest first) or cancelled. Only adults with an account; nothing about children. Read by the person, the event''s organiser, the community''s hosts and network staff; written only by rsvp_event() and cancel_event_rsvp(). Removed with the account (the first waiting person then moves up).';
comment on column public.event_rsvps.event_id is 'The event.';
comment on column public.event_rsvps.user_id is 'The person.';
comment on column public.event_rsvps.status is 'going, waiting or cancelled.';
comment on column public.event_rsvps.position is 'For waiting: the order on the waiting list (lowest first); null otherwise.';
comment on column public.event_rsvps.created_at is 'When the person first answered.';
comment on column public.event_rsvps.updated_at is 'When the answer last changed.';

create index event_rsvps_user_id_idx on public.event_rsvps (user_id);
create index event_rsvps_event_status_idx on public.event_rsvps (event_id, status, position);

/**
 * event_feed_tokens
 * Each person's secret for their calendar feed (/agenda/<token>.ics: the events they go to or wait for).
 * Made on first use, replaced when the person resets it.
 */
create table public.event_feed_tokens (
	user_id uuid primary key references auth.users (id) on delete cascade,
	token text not null default encode(extensions.gen_random_bytes(24), 'hex'),
	created_at timestamptz not null default now(),
	constraint event_feed_tokens_token_key unique (token),
	constraint event_feed_tokens_token_format check (token ~ '^[0-9a-f]{48}$')
);

alter table public.event_feed_tokens enable row level security;

comment on table public.event_feed_tokens is
	'The secret in a person''s calendar feed address (/agenda/<token>.ics). Only the person reads it; made and replaced by event_feed_token(); the feed is read with event_feed(token).';
comment on column public.event_feed_tokens.user_id is 'The person.';
comment on column public.event_feed_tokens.token is '48 hex characters (24 random bytes).';
comment on column public.event_feed_tokens.created_at is 'When it was made (a reset makes a new one).';

-- Notifications about events: the kinds, and the event a notification is about -----------------------

insert into public.notification_kinds (kind, position, admin_default, member_default)
values
	('event_promoted', 20, 'email', 'email'),
	('event_reminder', 21, 'email', 'email');

alter table public.notifications
	add column event_id uuid references public.community_events (id) on delete cascade;

comment on column public.notifications.event_id is 'The event it is about (event_promoted, event_reminder).';

create index notifications_event_id_idx on public.notifications (event_id);
-- One reminder per person per event, however often the reminder job runs.
create unique index notifications_one_event_reminder_idx on public.notifications (user_id, event_id)
	where kind = 'event_reminder';

-- Helpers ------------------------------------------------------------------------------------------------

/**
 * can_organise_event(community, kind, organisation)
 * Whether the signed-in person may organise an event of this kind in the community on behalf of the
 * organisation (null: as themselves). See the top of this file.
 */
create function private.can_organise_event(p_community_id uuid, p_kind text, p_organisation_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if (select auth.uid()) is null or private.is_blocked_from(p_community_id) then
		return false;
	end if;
	if not exists (select 1 from public.communities c where c.id = p_community_id and c.status = 'active') then
		return false;
	end if;
	if p_organisation_id is not null
		and p_organisation_id not in (select private.my_organisation_ids()) then
		return false;
	end if;
	if p_kind = 'open_school_day' then
		return exists (
			select 1 from public.organisations o
			join public.memberships ms on ms.organisation_id = o.id
			join public.community_municipalities cmu
				on cmu.community_id = p_community_id and cmu.municipality_nis = o.municipality_nis
			where o.id = p_organisation_id and o.kind = 'school'
				and ms.user_id = (select auth.uid()) and ms.role in ('owner', 'admin')
		);
	end if;
	return private.is_community_member(p_community_id) or private.is_community_host(p_community_id);
end;
$$;

comment on function private.can_organise_event(uuid, text, uuid) is
	'True when the signed-in person may organise an event of the kind in the community: a member or host who is not blocked (on behalf of one of their organisations or themselves); an open school day only on behalf of a school they own or administer whose municipality the community covers.';

/**
 * manages_event(event)
 * Whether the signed-in person organises the event or hosts its community (or is network staff): who sees
 * the RSVP list and may cancel the event.
 */
create function private.manages_event(p_event_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return exists (
		select 1 from public.community_events e
		where e.id = p_event_id
			and (
				e.organiser_id = (select auth.uid())
				or e.community_id in (select private.hosted_community_ids())
				or (select public.is_network_staff())
			)
	);
end;
$$;

comment on function private.manages_event(uuid) is
	'True when the signed-in person organises the event, hosts its community or is network staff.';

grant execute on function private.can_organise_event(uuid, text, uuid) to authenticated, service_role;
grant execute on function private.manages_event(uuid) to authenticated, service_role;

/**
 * notify_person(person, kind, params, event)
 * A notification about an event for one person, with the delivery their choice (or the kind's default)
 * decides; nothing when they chose none.
 */
create function private.notify_event_person(p_user_id uuid, p_kind text, p_event_id uuid)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
	insert into public.notifications (user_id, kind, params, link, event_id, delivery)
	select p_user_id, p_kind,
		jsonb_build_object('event', e.title, 'starts_at', e.starts_at),
		'/evenementen/' || e.id, e.id, chosen.delivery
	from public.community_events e
	cross join lateral (
		select private.notification_delivery(p_user_id, p_kind, null) as delivery
	) chosen
	where e.id = p_event_id and chosen.delivery <> 'none';
$$;

comment on function private.notify_event_person(uuid, text, uuid) is
	'Writes an event notification (params {event, starts_at}, link to the event) for one person with the delivery their preference or the kind''s default decides, unless they chose none.';

/**
 * promote_from_waiting_list(event)
 * While the event has room, the first waiting person becomes going and hears of it. The caller holds the
 * event's row lock (so two cancels at once promote one person each, never the same one twice).
 */
create function private.promote_from_waiting_list(p_event_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	event record;
	going integer;
	promoted uuid;
begin
	select e.capacity, e.status, e.ends_at into event from public.community_events e where e.id = p_event_id;
	if not found or event.status <> 'scheduled' or event.ends_at <= now() then
		return;
	end if;
	loop
		select count(*) into going from public.event_rsvps r where r.event_id = p_event_id and r.status = 'going';
		exit when event.capacity is not null and going >= event.capacity;
		update public.event_rsvps r
		set status = 'going', position = null, updated_at = now()
		where (r.event_id, r.user_id) = (
			select w.event_id, w.user_id from public.event_rsvps w
			where w.event_id = p_event_id and w.status = 'waiting'
			order by w.position, w.created_at
			limit 1
		)
		returning r.user_id into promoted;
		exit when promoted is null;
		perform private.notify_event_person(promoted, 'event_promoted', p_event_id);
		promoted := null;
	end loop;
end;
$$;

comment on function private.promote_from_waiting_list(uuid) is
	'Moves the first waiting people to going while the event has room, each with an event_promoted notification. The caller holds the event row''s lock.';

/**
 * event_rsvps_promote_after_delete()
 * When a going RSVP disappears (its account was deleted), the first waiting person moves up.
 */
create function private.event_rsvps_promote_after_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if old.status = 'going' then
		perform 1 from public.community_events e where e.id = old.event_id for update;
		perform private.promote_from_waiting_list(old.event_id);
	end if;
	return null;
end;
$$;

comment on function private.event_rsvps_promote_after_delete() is
	'Trigger: after a going RSVP is deleted (with its account), the first waiting person is promoted.';

create trigger event_rsvps_promote_after_delete
	after delete on public.event_rsvps
	for each row execute function private.event_rsvps_promote_after_delete();

-- Policies ---------------------------------------------------------------------------------------------

create policy "everyone can read the events of active communities"
	on public.community_events for select
	to anon, authenticated
	using (exists (select 1 from public.communities c where c.id = community_id and c.status = 'active'));

create policy "organisers, hosts and staff can cancel an event"
	on public.community_events for update
	to authenticated
	using (private.manages_event(id))
	with check (private.manages_event(id));

revoke insert, update, delete, truncate on public.community_events from anon, authenticated;
grant update (status) on public.community_events to authenticated;

create policy "people can read their own RSVPs"
	on public.event_rsvps for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "organisers, hosts and staff can read an event's RSVPs"
	on public.event_rsvps for select
	to authenticated
	using (private.manages_event(event_id));

revoke all on public.event_rsvps from anon;
revoke insert, update, delete, truncate on public.event_rsvps from authenticated;

create policy "people can read their own feed token"
	on public.event_feed_tokens for select
	to authenticated
	using (user_id = (select auth.uid()));

revoke all on public.event_feed_tokens from anon;
revoke insert, update, delete, truncate on public.event_feed_tokens from authenticated;

-- Functions the app calls --------------------------------------------------------------------------------

/**
 * create_community_event(...)
 * Creates an event as the signed-in person (RLS-free insert after the checks; see can_organise_event).
 * Times are Belgian local time (timestamp without zone), turned into moments here.
 */
create function public.create_community_event(
	p_community_id uuid,
	p_kind text,
	p_title text,
	p_description text,
	p_address text,
	p_municipality_nis text,
	p_starts_local timestamp,
	p_ends_local timestamp,
	p_capacity integer default null,
	p_organisation_id uuid default null
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	me uuid := (select auth.uid());
	new_id uuid;
	starts timestamptz := p_starts_local at time zone 'Europe/Brussels';
begin
	if me is null then
		raise exception using errcode = '42501', message = 'Meld je aan om een evenement te maken.',
			hint = 'event_sign_in';
	end if;
	if not exists (select 1 from public.communities c where c.id = p_community_id and c.status = 'active') then
		raise exception using errcode = 'PT404', message = 'Deze community bestaat niet.',
			hint = 'event_community_not_found';
	end if;
	if private.is_blocked_from(p_community_id) then
		raise exception using errcode = '42501',
			message = 'Je bent geblokkeerd in deze community.', hint = 'event_blocked';
	end if;
	if p_kind = 'open_school_day' and p_organisation_id is null then
		perform private.raise_rule('event_open_school_day_school', 'organisation_id',
			'Een opendeurdag organiseer je namens een school.', 'community_events');
	end if;
	if p_organisation_id is not null and p_organisation_id not in (select private.my_organisation_ids()) then
		raise exception using errcode = '42501',
			message = 'Je kunt alleen namens je eigen organisaties iets organiseren.',
			hint = 'event_organisation_not_yours';
	end if;
	if not private.can_organise_event(p_community_id, p_kind, p_organisation_id) then
		if p_kind = 'open_school_day' then
			perform private.raise_rule('event_open_school_day_school', 'organisation_id',
				'Een opendeurdag organiseer je als beheerder van een school in deze community.',
				'community_events');
		end if;
		raise exception using errcode = '42501',
			message = 'Alleen leden van deze community kunnen er een evenement organiseren.',
			hint = 'event_members_only';
	end if;
	if starts <= now() then
		perform private.raise_rule('event_starts_in_future', 'starts_at',
			'Kies een begin in de toekomst.', 'community_events');
	end if;

	insert into public.community_events (
		community_id, organiser_id, organisation_id, kind, title, description, address, municipality_nis,
		starts_at, ends_at, capacity
	)
	values (
		p_community_id, me, p_organisation_id, p_kind, p_title, coalesce(p_description, ''), p_address,
		p_municipality_nis, starts, p_ends_local at time zone 'Europe/Brussels', p_capacity
	)
	returning id into new_id;
	return new_id;
end;
$$;

comment on function public.create_community_event(uuid, text, text, text, text, text, timestamp, timestamp, integer, uuid) is
	'Creates an event in a community as the signed-in person, when can_organise_event() allows it (hints event_sign_in, event_community_not_found, event_blocked, event_organisation_not_yours, event_members_only, event_open_school_day_school, event_starts_in_future; the table''s constraints). Local times are Europe/Brussels.';

revoke execute on function public.create_community_event(uuid, text, text, text, text, text, timestamp, timestamp, integer, uuid) from public, anon;
grant execute on function public.create_community_event(uuid, text, text, text, text, text, timestamp, timestamp, integer, uuid) to authenticated;

/**
 * rsvp_event(event)
 * The signed-in person comes: going while there is room, else at the end of the waiting list. Saying it
 * again changes nothing. Returns the status and, when waiting, the place on the list (1 = next).
 */
create function public.rsvp_event(p_event_id uuid)
returns table (status text, waiting_place integer)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
	me uuid := (select auth.uid());
	event record;
	current_status text;
	going integer;
	next_position integer;
begin
	if me is null then
		raise exception using errcode = '42501', message = 'Meld je aan om je in te schrijven.',
			hint = 'event_sign_in';
	end if;
	-- The event's row lock orders every RSVP and cancel of this event.
	select e.id, e.community_id, e.capacity, e.status, e.ends_at into event
	from public.community_events e
	join public.communities c on c.id = e.community_id and c.status = 'active'
	where e.id = p_event_id
	for update of e;
	if not found then
		raise exception using errcode = 'PT404', message = 'Dit evenement bestaat niet.',
			hint = 'event_not_found';
	end if;
	if event.status <> 'scheduled' then
		raise exception using errcode = '23514', message = 'Dit evenement is geannuleerd.',
			hint = 'event_cancelled';
	end if;
	if event.ends_at <= now() then
		raise exception using errcode = '23514', message = 'Dit evenement is voorbij.',
			hint = 'event_past';
	end if;
	if private.is_blocked_from(event.community_id) then
		raise exception using errcode = '42501',
			message = 'Je bent geblokkeerd in deze community.', hint = 'event_blocked';
	end if;

	select r.status into current_status from public.event_rsvps r
	where r.event_id = p_event_id and r.user_id = me;
	if current_status is distinct from 'going' and current_status is distinct from 'waiting' then
		select count(*) into going from public.event_rsvps r where r.event_id = p_event_id and r.status = 'going';
		if event.capacity is null or going < event.capacity then
			insert into public.event_rsvps as r (event_id, user_id, status, position)
			values (p_event_id, me, 'going', null)
			on conflict (event_id, user_id) do update set status = 'going', position = null, updated_at = now();
		else
			select coalesce(max(r.position), 0) + 1 into next_position
			from public.event_rsvps r where r.event_id = p_event_id and r.status = 'waiting';
			insert into public.event_rsvps as r (event_id, user_id, status, position)
			values (p_event_id, me, 'waiting', next_position)
			on conflict (event_id, user_id) do update
				set status = 'waiting', position = next_position, updated_at = now();
		end if;
	end if;

	return query
		select r.status,
			case when r.status = 'waiting' then (
				select count(*)::integer from public.event_rsvps w
				where w.event_id = r.event_id and w.status = 'waiting' and w.position <= r.position
			) end
		from public.event_rsvps r
		where r.event_id = p_event_id and r.user_id = me;
end;
$$;

comment on function public.rsvp_event(uuid) is
	'The signed-in person RSVPs: going while the event has room, else waiting at the end of the list (idempotent). Refused when signed out, the event is cancelled, past or not found, or the person is blocked from its community.';

revoke execute on function public.rsvp_event(uuid) from public, anon;
grant execute on function public.rsvp_event(uuid) to authenticated;

/**
 * cancel_event_rsvp(event)
 * The signed-in person no longer comes (or leaves the waiting list). When they were going, the first
 * waiting person is promoted in the same transaction and notified (event_promoted).
 */
create function public.cancel_event_rsvp(p_event_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	me uuid := (select auth.uid());
	previous text;
begin
	if me is null then
		raise exception using errcode = '42501', message = 'Meld je aan om je uit te schrijven.',
			hint = 'event_sign_in';
	end if;
	perform 1 from public.community_events e where e.id = p_event_id for update;
	if not found then
		raise exception using errcode = 'PT404', message = 'Dit evenement bestaat niet.',
			hint = 'event_not_found';
	end if;
	select r.status into previous from public.event_rsvps r
	where r.event_id = p_event_id and r.user_id = me;
	if previous is null or previous = 'cancelled' then
		return;
	end if;
	update public.event_rsvps r
	set status = 'cancelled', position = null, updated_at = now()
	where r.event_id = p_event_id and r.user_id = me;
	if previous = 'going' then
		perform private.promote_from_waiting_list(p_event_id);
	end if;
end;
$$;

comment on function public.cancel_event_rsvp(uuid) is
	'The signed-in person cancels their RSVP; if they were going, the first waiting person is promoted and notified in the same transaction (the event row''s lock serialises concurrent cancels).';

revoke execute on function public.cancel_event_rsvp(uuid) from public, anon;
grant execute on function public.cancel_event_rsvp(uuid) to authenticated;

/**
 * event_feed_token(reset)
 * The signed-in person's feed token, made on first use; with reset a new one replaces it (the old
 * address stops working).
 */
create function public.event_feed_token(p_reset boolean default false)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	me uuid := (select auth.uid());
	result text;
begin
	if me is null then
		raise exception using errcode = '42501', message = 'Meld je aan voor je agenda.',
			hint = 'event_sign_in';
	end if;
	insert into public.event_feed_tokens as t (user_id) values (me)
	on conflict (user_id) do update
		set token = case when p_reset then encode(extensions.gen_random_bytes(24), 'hex') else t.token end,
			created_at = case when p_reset then now() else t.created_at end
	returning t.token into result;
	return result;
end;
$$;

comment on function public.event_feed_token(boolean) is
	'The signed-in person''s calendar feed token (made on first use; p_reset replaces it).';

revoke execute on function public.event_feed_token(boolean) from public, anon;
grant execute on function public.event_feed_token(boolean) to authenticated;

/**
 * event_feed(token)
 * The calendar feed behind a secret address: the events of the token's owner that they go to or wait for
 * (from 30 days ago on). Anyone with the token may read it, as with any calendar feed URL.
 */
create function public.event_feed(p_token text)
returns table (
	id uuid, title text, description text, address text, municipality_nis text, starts_at timestamptz,
	ends_at timestamptz, status text, rsvp_status text, updated_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
	select e.id, e.title, e.description, e.address, e.municipality_nis, e.starts_at, e.ends_at, e.status,
		r.status, greatest(e.updated_at, r.updated_at)
	from public.event_feed_tokens t
	join public.event_rsvps r on r.user_id = t.user_id and r.status in ('going', 'waiting')
	join public.community_events e on e.id = r.event_id
	where t.token = p_token and p_token ~ '^[0-9a-f]{48}$'
		and e.ends_at > now() - interval '30 days'
	order by e.starts_at
	limit 500;
$$;

comment on function public.event_feed(text) is
	'A person''s calendar feed by its secret token: the events they go to or wait for (from 30 days back). Nothing for an unknown token.';

revoke execute on function public.event_feed(text) from public;
grant execute on function public.event_feed(text) to anon, authenticated;

/**
 * queue_event_reminders(at)
 * The reminder job: for every scheduled event starting on the day after `at` (Belgian date), a reminder
 * for each person going, once (a unique index keeps a second run from adding another). Returns how many
 * were written.
 */
create function public.queue_event_reminders(p_at timestamptz default now())
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	tomorrow date := (p_at at time zone 'Europe/Brussels')::date + 1;
	written integer;
begin
	insert into public.notifications (user_id, kind, params, link, event_id, delivery)
	select r.user_id, 'event_reminder',
		jsonb_build_object('event', e.title, 'starts_at', e.starts_at),
		'/evenementen/' || e.id, e.id, chosen.delivery
	from public.community_events e
	join public.event_rsvps r on r.event_id = e.id and r.status = 'going'
	cross join lateral (
		select private.notification_delivery(r.user_id, 'event_reminder', null) as delivery
	) chosen
	where e.status = 'scheduled'
		and (e.starts_at at time zone 'Europe/Brussels')::date = tomorrow
		and chosen.delivery <> 'none'
	on conflict (user_id, event_id) where kind = 'event_reminder' do nothing;
	get diagnostics written = row_count;
	return written;
end;
$$;

comment on function public.queue_event_reminders(timestamptz) is
	'Service role only: writes the day-before reminders (event_reminder) for people going to events that start tomorrow in Belgium, at most one per person per event. Returns how many it wrote.';

revoke execute on function public.queue_event_reminders(timestamptz) from public, anon, authenticated;
grant execute on function public.queue_event_reminders(timestamptz) to service_role;

revoke execute on all functions in schema private from public;
