-- Notifications: what happened that concerns a person (a proposal, a status change, a message), for the
-- unread counter and list in the app and for the e-mail sent through SMTP; and how they reach each person:
-- per kind of notification only in the app, an e-mail at once, a weekly digest e-mail, or not at all. The
-- choice is made when a notification is written (its delivery); the app's mailer sends the `email` ones at
-- once and a weekly job the `digest` ones (the mailer's side, at the end of this file; src/lib/server/mail-jobs/).
-- Without a choice, owners and admins of the organisation a notification is about get an e-mail at once
-- and plain members see it only in the app.

/**
 * notification_kinds
 * The kinds of notification and their defaults. A new kind (community posts, events, ...) is a new row here
 * and its labels in messages/, never a new column.
 */
create table public.notification_kinds (
	kind text primary key,
	position smallint not null,
	admin_default text not null,
	member_default text not null,
	-- 'digest' names the weekly digest in unsubscribe links, so no kind may take it.
	constraint notification_kinds_kind_format check (kind ~ '^[a-z][a-z_]{0,39}$' and kind <> 'digest'),
	constraint notification_kinds_position_unique unique (position),
	constraint notification_kinds_admin_default_known check (
		admin_default in ('none', 'app', 'email', 'digest')
	),
	constraint notification_kinds_member_default_known check (
		member_default in ('none', 'app', 'email', 'digest')
	)
);

alter table public.notification_kinds enable row level security;

comment on table public.notification_kinds is
	'The kinds of notification, in the order the preferences page shows them, with how each reaches a person who made no choice: admin_default for owners and admins of the organisation the notification is about, member_default for everyone else. Read by signed-in people; changed only by migrations.';
comment on column public.notification_kinds.kind is 'The kind, as notifications.kind names it (agreement_proposed, ...).';
comment on column public.notification_kinds.position is 'Order on the preferences page.';
comment on column public.notification_kinds.admin_default is 'Delivery for owners and admins without a choice: none, app, email or digest.';
comment on column public.notification_kinds.member_default is 'Delivery for everyone else without a choice: none, app, email or digest.';

create policy "signed-in people can read the notification kinds"
	on public.notification_kinds for select
	to authenticated
	using (true);

revoke all on public.notification_kinds from anon;
revoke insert, update, delete, truncate, references, trigger on public.notification_kinds from authenticated;
grant select on public.notification_kinds to authenticated;

insert into public.notification_kinds (kind, position, admin_default, member_default)
values
	('agreement_proposed', 1, 'email', 'app'),
	('agreement_status', 2, 'email', 'app'),
	('agreement_message', 3, 'email', 'app');

/**
 * notifications
 * One row per person per event. Written only by triggers; a person reads their own and marks them read.
 */
create table public.notifications (
	id bigint generated always as identity primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	kind text not null references public.notification_kinds (kind),
	title text not null,
	link text not null,
	agreement_id uuid references public.agreements (id) on delete cascade,
	delivery text not null default 'app',
	read_at timestamptz,
	emailed_at timestamptz,
	digested_at timestamptz,
	created_at timestamptz not null default now(),
	constraint notifications_title_length check (char_length(title) between 1 and 300),
	constraint notifications_link_local check (link ~ '^/[^/]' and char_length(link) <= 300),
	constraint notifications_delivery_known check (delivery in ('app', 'email', 'digest'))
);

alter table public.notifications enable row level security;

comment on table public.notifications is
	'What happened that concerns a person: a new proposal, a status change or a message on an agreement of their organisation. Written only by triggers (for every member of the other side who did not choose none), with the delivery their preference or role decides; read by the person it is for, who can only set read_at. The app (service role) mails the email ones at once (emailed_at) and the digest ones weekly (digested_at). Purged 180 days after creation (purge_expired_data).';
comment on column public.notifications.id is 'Identifier, in order of creation.';
comment on column public.notifications.user_id is 'The person it is for.';
comment on column public.notifications.kind is 'One of notification_kinds: agreement_proposed, agreement_status or agreement_message.';
comment on column public.notifications.title is 'One line in Dutch, ready to show.';
comment on column public.notifications.link is 'Path in the app to go to (/afspraken/<agreement id>).';
comment on column public.notifications.agreement_id is 'The agreement it is about.';
comment on column public.notifications.delivery is 'How it reaches the person besides the app, decided when it was written: app (not mailed), email (an e-mail at once) or digest (the weekly digest).';
comment on column public.notifications.read_at is 'When the person read it; null while unread.';
comment on column public.notifications.emailed_at is 'When its e-mail was sent (delivery email); null while not (yet) sent. Set by the app''s mailer with the service role.';
comment on column public.notifications.digested_at is 'When the weekly digest that holds it was sent (delivery digest); null while not (yet).';
comment on column public.notifications.created_at is 'When it happened.';

create index notifications_user_id_read_at_idx on public.notifications (user_id, read_at);
create index notifications_user_id_created_at_idx on public.notifications (user_id, created_at desc);
create index notifications_agreement_id_idx on public.notifications (agreement_id);
create index notifications_kind_idx on public.notifications (kind);
create index notifications_created_at_idx on public.notifications (created_at);
create index notifications_mail_due_idx on public.notifications (created_at)
	where delivery = 'email' and emailed_at is null;
create index notifications_digest_due_idx on public.notifications (created_at)
	where delivery = 'digest' and digested_at is null;

create policy "people can read their own notifications"
	on public.notifications for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "people can mark their own notifications read"
	on public.notifications for update
	to authenticated
	using (user_id = (select auth.uid()))
	with check (user_id = (select auth.uid()));

revoke insert, update, delete, truncate on public.notifications from anon, authenticated;
grant update (read_at) on public.notifications to authenticated;

/**
 * notification_preferences
 * A person's choice per kind; no row means the kind's default for their role.
 */
create table public.notification_preferences (
	user_id uuid not null references auth.users (id) on delete cascade,
	kind text not null references public.notification_kinds (kind) on delete cascade,
	delivery text not null,
	updated_at timestamptz not null default now(),
	primary key (user_id, kind),
	constraint notification_preferences_delivery_known check (
		delivery in ('none', 'app', 'email', 'digest')
	)
);

alter table public.notification_preferences enable row level security;

comment on table public.notification_preferences is
	'How a person wants each kind of notification: none (not even in the app), app (only in the app), email (an e-mail at once, and in the app) or digest (in the weekly digest e-mail, and in the app). No row: the kind''s default for their role. A person reads and writes only their own rows; the one-click unsubscribe link sets a kind to app with the service role.';
comment on column public.notification_preferences.user_id is 'The person.';
comment on column public.notification_preferences.kind is 'The kind of notification.';
comment on column public.notification_preferences.delivery is 'none, app, email or digest.';
comment on column public.notification_preferences.updated_at is 'When the person last changed it.';

create index notification_preferences_kind_idx on public.notification_preferences (kind);

create policy "people can read their own notification preferences"
	on public.notification_preferences for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "people can add their own notification preferences"
	on public.notification_preferences for insert
	to authenticated
	with check (user_id = (select auth.uid()));

create policy "people can change their own notification preferences"
	on public.notification_preferences for update
	to authenticated
	using (user_id = (select auth.uid()))
	with check (user_id = (select auth.uid()));

create policy "people can remove their own notification preferences"
	on public.notification_preferences for delete
	to authenticated
	using (user_id = (select auth.uid()));

revoke all on public.notification_preferences from anon;
revoke truncate, references, trigger on public.notification_preferences from authenticated;

/**
 * notification_delivery(person, kind, role)
 * How a notification of this kind reaches this person, who has this role in the organisation it is about
 * (null: none): their choice, else the kind's default for the role.
 */
create function private.notification_delivery(p_user_id uuid, p_kind text, p_role text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
	select coalesce(
		(select p.delivery from public.notification_preferences p
		 where p.user_id = p_user_id and p.kind = p_kind),
		(select case when p_role in ('owner', 'admin') then k.admin_default else k.member_default end
		 from public.notification_kinds k where k.kind = p_kind),
		'app'
	);
$$;

comment on function private.notification_delivery(uuid, text, text) is
	'How a notification of a kind reaches a person with a role in the organisation it is about: their preference, else the kind''s default for owners/admins or for everyone else.';

/**
 * notify_organisation(organisation, except person, kind, title, agreement)
 * A notification for every member of an organisation except the person who caused it and those who chose
 * none for this kind, each with the delivery their choice or role decides.
 */
create function private.notify_organisation(
	p_organisation_id uuid,
	p_except uuid,
	p_kind text,
	p_title text,
	p_agreement_id uuid
)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
	insert into public.notifications (user_id, kind, title, link, agreement_id, delivery)
	select ms.user_id, p_kind, left(p_title, 300), '/afspraken/' || p_agreement_id, p_agreement_id,
		chosen.delivery
	from public.memberships ms
	cross join lateral (
		select private.notification_delivery(ms.user_id, p_kind, ms.role) as delivery
	) chosen
	where ms.organisation_id = p_organisation_id
		and ms.user_id is distinct from p_except
		and chosen.delivery <> 'none';
$$;

comment on function private.notify_organisation(uuid, uuid, text, text, uuid) is
	'Writes a notification (kind, title, link to the agreement, delivery) for every member of the organisation except the given person and those who chose none for the kind.';

/**
 * notification_preferences_follow()
 * After a person changes how a kind reaches them, what still waits to be mailed for that kind (an e-mail
 * not sent yet, a digest not sent yet) is no longer mailed unless the new choice is that same delivery: an
 * unsubscribe stops this week's digest too, and switching to e-mail never mails a backlog.
 */
create function private.notification_preferences_follow()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	now_delivery text := case when tg_op = 'DELETE' then null else new.delivery end;
begin
	update public.notifications n
	set delivery = 'app'
	where n.user_id = coalesce(new.user_id, old.user_id)
		and n.kind = coalesce(new.kind, old.kind)
		and n.delivery in ('email', 'digest')
		and n.delivery is distinct from now_delivery
		and n.emailed_at is null
		and n.digested_at is null;
	return null;
end;
$$;

comment on function private.notification_preferences_follow() is
	'Trigger: after a preference changes, notifications of that person and kind still waiting for an e-mail or a digest stay in the app only, unless the new choice is their delivery.';

create trigger notification_preferences_follow
	after insert or update of delivery or delete on public.notification_preferences
	for each row execute function private.notification_preferences_follow();

/**
 * notify_agreement_event()
 * After a status event: the members of the other side hear of it (a new proposal or a status change).
 */
create function private.notify_agreement_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	agreement record;
	other_side uuid;
	acting_name text;
begin
	select a.academy_id, a.provider_id, r.title as request_title, o.title as offer_title
	into agreement
	from public.agreements a
	join public.requests r on r.id = a.request_id
	join public.offers o on o.id = a.offer_id
	where a.id = new.agreement_id;
	if not found then
		return null;
	end if;
	other_side := case when new.organisation_id = agreement.academy_id then agreement.provider_id
		else agreement.academy_id end;
	select org.name into acting_name from public.organisations org where org.id = new.organisation_id;

	if new.status = 'proposed' then
		perform private.notify_organisation(other_side, new.actor, 'agreement_proposed',
			format('Nieuw voorstel van %s: „%s” voor „%s”', coalesce(acting_name, 'een organisatie'),
				agreement.offer_title, agreement.request_title),
			new.agreement_id);
	else
		perform private.notify_organisation(other_side, new.actor, 'agreement_status',
			format('%s heeft de afspraak over „%s” %s', coalesce(acting_name, 'De andere partij'),
				agreement.request_title,
				case new.status
					when 'accepted' then 'aanvaard'
					when 'declined' then 'geweigerd'
					when 'withdrawn' then 'ingetrokken'
					when 'fulfilled' then 'als uitgevoerd gemarkeerd'
				end),
			new.agreement_id);
	end if;
	return null;
end;
$$;

comment on function private.notify_agreement_event() is
	'Trigger: notifies the members of the side that did not act of a new proposal or a status change.';

create trigger agreement_events_notify
	after insert on public.agreement_events
	for each row execute function private.notify_agreement_event();

/**
 * notify_agreement_message()
 * After a message: the members of the other side hear of it.
 */
create function private.notify_agreement_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	agreement record;
	writer_name text;
begin
	select a.academy_id, a.provider_id, r.title as request_title
	into agreement
	from public.agreements a
	join public.requests r on r.id = a.request_id
	where a.id = new.agreement_id;
	if not found then
		return null;
	end if;
	select org.name into writer_name from public.organisations org where org.id = new.organisation_id;
	perform private.notify_organisation(
		case when new.organisation_id = agreement.academy_id then agreement.provider_id
			else agreement.academy_id end,
		new.author, 'agreement_message',
		format('Nieuw bericht van %s over „%s”', coalesce(writer_name, 'de andere partij'),
			agreement.request_title),
		new.agreement_id);
	return null;
end;
$$;

comment on function private.notify_agreement_message() is
	'Trigger: notifies the members of the other side of a new message in an agreement''s thread.';

create trigger agreement_messages_notify
	after insert on public.agreement_messages
	for each row execute function private.notify_agreement_message();

/**
 * save_notification_preferences(choices)
 * The signed-in person's choices in one step: {kind: delivery}, where delivery 'default' removes the choice.
 * Runs as the person (RLS applies); a bad delivery or kind fails the whole save.
 */
create function public.save_notification_preferences(p_choices jsonb)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
	person uuid := (select auth.uid());
begin
	if person is null then
		raise exception using
			errcode = '42501', message = 'Meld je aan om je meldingen te kiezen.',
			hint = 'notification_preferences_signed_in';
	end if;
	if jsonb_typeof(p_choices) is distinct from 'object' then
		raise exception using
			errcode = '22023', message = 'Kies voor elke soort melding hoe je ze krijgt.',
			hint = 'notification_preferences_choices_object';
	end if;

	delete from public.notification_preferences p
	where p.user_id = person and p_choices ->> p.kind = 'default';

	insert into public.notification_preferences as p (user_id, kind, delivery, updated_at)
	select person, c.key, c.value, now()
	from jsonb_each_text(p_choices) c
	where c.value is distinct from 'default'
	order by c.key
	on conflict (user_id, kind) do update set delivery = excluded.delivery, updated_at = now()
		where p.delivery is distinct from excluded.delivery;
end;
$$;

comment on function public.save_notification_preferences(jsonb) is
	'Saves the signed-in person''s notification choices in one transaction: {kind: none|app|email|digest|default}; default removes the choice. RLS applies.';

revoke execute on function public.save_notification_preferences(jsonb) from public, anon;
grant execute on function public.save_notification_preferences(jsonb) to authenticated;

/**
 * unsubscribe_notifications(person, scope)
 * The one-click unsubscribe of a signed mail link (the app checks the signature): the kind, or with scope
 * 'digest' every kind the person gets in the digest, reaches them only in the app from now on. Returns the
 * kinds that changed.
 */
create function public.unsubscribe_notifications(p_user_id uuid, p_scope text)
returns text[]
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	changed text[];
begin
	if p_scope = 'digest' then
		with updated as (
			update public.notification_preferences p
			set delivery = 'app', updated_at = now()
			where p.user_id = p_user_id and p.delivery = 'digest'
			returning p.kind
		)
		select coalesce(array_agg(kind order by kind), '{}') into changed from updated;
	else
		with upserted as (
			insert into public.notification_preferences as p (user_id, kind, delivery, updated_at)
			select u.id, k.kind, 'app', now()
			from auth.users u, public.notification_kinds k
			where u.id = p_user_id and k.kind = p_scope
			on conflict (user_id, kind) do update set delivery = 'app', updated_at = now()
				where p.delivery is distinct from 'app'
			returning p.kind
		)
		select coalesce(array_agg(kind), '{}') into changed from upserted;
	end if;
	return changed;
end;
$$;

comment on function public.unsubscribe_notifications(uuid, text) is
	'Service role only (the app checks the signed link first): sets a kind, or every kind the person gets as a digest (scope digest), to app. Returns the kinds that changed.';

revoke execute on function public.unsubscribe_notifications(uuid, text) from public, anon, authenticated;
grant execute on function public.unsubscribe_notifications(uuid, text) to service_role;

-- The mailer's side of notifications: the e-mails sent at once (claim_notification_mails) and the weekly
-- digests (notification_digests and its functions), both for the app's mail jobs (service role, see
-- src/lib/server/mail-jobs/). What reaches whom is decided when a notification is written (above).

/**
 * claim_notification_mails(limit)
 * The mailer's claim: up to `limit` notifications of the last 24 hours whose delivery is email and that were
 * not mailed, marked emailed_at in the same statement (rows another mailer holds are skipped), with the
 * address to send to. A failed send gives its row back by clearing emailed_at.
 */
create function public.claim_notification_mails(p_limit integer default 50)
returns table (id bigint, user_id uuid, email text, kind text, title text, link text)
language sql
volatile
security definer
set search_path = ''
as $$
	with due as (
		select n.id
		from public.notifications n
		where n.delivery = 'email'
			and n.emailed_at is null
			and n.created_at > now() - interval '24 hours'
		order by n.id
		limit greatest(1, least(p_limit, 500))
		for update skip locked
	)
	update public.notifications n
	set emailed_at = now()
	from due
	where n.id = due.id
	returning n.id, n.user_id,
		(select u.email::text from auth.users u where u.id = n.user_id),
		n.kind, n.title, n.link;
$$;

comment on function public.claim_notification_mails(integer) is
	'Service role only: claims notifications to e-mail at once (delivery email, not mailed, at most 24 hours old) by setting emailed_at, skipping rows another mailer holds; returns them with the address.';

revoke execute on function public.claim_notification_mails(integer) from public, anon, authenticated;
grant execute on function public.claim_notification_mails(integer) to service_role;

/**
 * notification_digests
 * One row per person per weekly digest: claimed by one job (the unique key keeps a second job out), then
 * sent. Bookkeeping only; purged 180 days after its week.
 */
create table public.notification_digests (
	id bigint generated always as identity primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	period_end timestamptz not null,
	claimed_at timestamptz not null default now(),
	sent_at timestamptz,
	notification_count integer not null default 0,
	constraint notification_digests_once unique (user_id, period_end),
	constraint notification_digests_count_not_negative check (notification_count >= 0)
);

alter table public.notification_digests enable row level security;

comment on table public.notification_digests is
	'The weekly digest e-mails: one per person and week, claimed by one digest job (unique per person and week, so two app instances never both send it), then marked sent. A claim not sent within 30 minutes (a job that died) may be claimed again. Service role only: no policies for anon or authenticated.';
comment on column public.notification_digests.id is 'Identifier.';
comment on column public.notification_digests.user_id is 'The person it is for.';
comment on column public.notification_digests.period_end is 'The end of the week it covers (Monday 08:00 in Brussels); the week starts 7 days earlier.';
comment on column public.notification_digests.claimed_at is 'When a digest job took it on.';
comment on column public.notification_digests.sent_at is 'When it was sent; null while a job is sending it.';
comment on column public.notification_digests.notification_count is 'How many notifications it held.';

create index notification_digests_period_end_idx on public.notification_digests (period_end);

revoke all on public.notification_digests from public, anon, authenticated;
grant select, insert, update, delete on public.notification_digests to service_role;

/**
 * notification_digest_period(at)
 * The week the digest sent at `at` covers: it ends at the last Monday 08:00 in Brussels at or before `at`
 * and starts a week earlier (in local time, so summer time does not shift it), and the next one is due a
 * week after its end.
 */
create function public.notification_digest_period(p_at timestamptz default now())
returns table (period_start timestamptz, period_end timestamptz, next_at timestamptz)
language sql
stable
set search_path = ''
as $$
	select (local_end - interval '7 days') at time zone 'Europe/Brussels',
		local_end at time zone 'Europe/Brussels',
		(local_end + interval '7 days') at time zone 'Europe/Brussels'
	from (
		select date_trunc('week', (p_at at time zone 'Europe/Brussels') - interval '8 hours')
			+ interval '8 hours' as local_end
	) week;
$$;

comment on function public.notification_digest_period(timestamptz) is
	'The weekly digest''s schedule: the week a digest sent at the given moment covers (ending Monday 08:00 Europe/Brussels) and when the next one is due.';

revoke execute on function public.notification_digest_period(timestamptz) from public, anon, authenticated;
grant execute on function public.notification_digest_period(timestamptz) to service_role;

/**
 * claim_notification_digests(at, limit)
 * The digest job's claim: for up to `limit` people with notifications of the week (see
 * notification_digest_period) that go to the digest and are not in one yet, a digest row that no other job
 * holds, with the address and the notifications (oldest first). Complete with complete_notification_digest,
 * or give back with release_notification_digest.
 */
create function public.claim_notification_digests(
	p_at timestamptz default now(),
	p_limit integer default 100
)
returns table (
	digest_id bigint,
	user_id uuid,
	email text,
	period_start timestamptz,
	period_end timestamptz,
	notifications jsonb
)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
	week record;
begin
	select * into week from public.notification_digest_period(p_at);

	return query
	with due as (
		select n.user_id
		from public.notifications n
		where n.delivery = 'digest'
			and n.digested_at is null
			and n.created_at >= week.period_start
			and n.created_at < week.period_end
			and not exists (
				select 1 from public.notification_digests d
				where d.user_id = n.user_id and d.period_end = week.period_end
					and (d.sent_at is not null or d.claimed_at >= now() - interval '30 minutes')
			)
		group by n.user_id
		order by n.user_id
		limit greatest(1, least(p_limit, 500))
	),
	claimed as (
		insert into public.notification_digests as d (user_id, period_end)
		select due.user_id, week.period_end from due
		on conflict on constraint notification_digests_once do update set claimed_at = now()
			where d.sent_at is null and d.claimed_at < now() - interval '30 minutes'
		returning d.id, d.user_id
	)
	select c.id, c.user_id, u.email::text, week.period_start, week.period_end,
		(
			select jsonb_agg(
				jsonb_build_object(
					'id', n.id, 'kind', n.kind, 'title', n.title, 'link', n.link, 'created_at', n.created_at
				)
				order by n.created_at, n.id
			)
			from public.notifications n
			where n.user_id = c.user_id
				and n.delivery = 'digest'
				and n.digested_at is null
				and n.created_at >= week.period_start
				and n.created_at < week.period_end
		)
	from claimed c
	join auth.users u on u.id = c.user_id;
end;
$$;

comment on function public.claim_notification_digests(timestamptz, integer) is
	'Service role only: claims the weekly digests due at the given moment (one row per person and week; a second job gets nothing), returning the address and the notifications of the week that go to the digest.';

revoke execute on function public.claim_notification_digests(timestamptz, integer) from public, anon, authenticated;
grant execute on function public.claim_notification_digests(timestamptz, integer) to service_role;

/**
 * complete_notification_digest(digest, notifications)
 * After the digest was sent: it and the notifications it held are marked.
 */
create function public.complete_notification_digest(p_digest_id bigint, p_notification_ids bigint[])
returns void
language sql
volatile
security definer
set search_path = ''
as $$
	with digest as (
		update public.notification_digests d
		set sent_at = now(), notification_count = coalesce(cardinality(p_notification_ids), 0)
		where d.id = p_digest_id and d.sent_at is null
		returning d.user_id
	)
	update public.notifications n
	set digested_at = now()
	from digest
	where n.user_id = digest.user_id and n.id = any (p_notification_ids) and n.digested_at is null;
$$;

comment on function public.complete_notification_digest(bigint, bigint[]) is
	'Service role only: marks a claimed digest sent and the notifications it held digested.';

revoke execute on function public.complete_notification_digest(bigint, bigint[]) from public, anon, authenticated;
grant execute on function public.complete_notification_digest(bigint, bigint[]) to service_role;

/**
 * release_notification_digest(digest)
 * After a failed send: the claim is given back, so that a later run sends it.
 */
create function public.release_notification_digest(p_digest_id bigint)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
	delete from public.notification_digests d where d.id = p_digest_id and d.sent_at is null;
$$;

comment on function public.release_notification_digest(bigint) is
	'Service role only: gives back a claimed digest that could not be sent.';

revoke execute on function public.release_notification_digest(bigint) from public, anon, authenticated;
grant execute on function public.release_notification_digest(bigint) to service_role;

revoke execute on all functions in schema private from public;
