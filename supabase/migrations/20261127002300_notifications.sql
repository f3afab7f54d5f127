-- Notifications: what happened that concerns a person (a proposal, a status change, a message), for the
-- unread counter and list in the app and for the e-mail sent through SMTP.

/**
 * notifications
 * One row per person per event. Written only by triggers; a person reads their own and marks them read.
 */
create table public.notifications (
	id bigint generated always as identity primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	kind text not null,
	title text not null,
	link text not null,
	agreement_id uuid references public.agreements (id) on delete cascade,
	read_at timestamptz,
	emailed_at timestamptz,
	created_at timestamptz not null default now(),
	constraint notifications_kind_known check (
		kind in ('agreement_proposed', 'agreement_status', 'agreement_message')
	),
	constraint notifications_title_length check (char_length(title) between 1 and 300),
	constraint notifications_link_local check (link ~ '^/[^/]' and char_length(link) <= 300)
);

alter table public.notifications enable row level security;

comment on table public.notifications is
	'What happened that concerns a person: a new proposal, a status change or a message on an agreement of their organisation. Written only by triggers (for every member of the other side); read by the person it is for, who can only set read_at. E-mail is sent by the app (service role), which sets emailed_at.';
comment on column public.notifications.id is 'Identifier, in order of creation.';
comment on column public.notifications.user_id is 'The person it is for.';
comment on column public.notifications.kind is 'agreement_proposed, agreement_status or agreement_message.';
comment on column public.notifications.title is 'One line in Dutch, ready to show.';
comment on column public.notifications.link is 'Path in the app to go to (/afspraken/<agreement id>).';
comment on column public.notifications.agreement_id is 'The agreement it is about.';
comment on column public.notifications.read_at is 'When the person read it; null while unread.';
comment on column public.notifications.emailed_at is 'When the e-mail about it was sent; null while not (yet) sent. Set by the app''s mailer with the service role.';
comment on column public.notifications.created_at is 'When it happened.';

create index notifications_user_id_read_at_idx on public.notifications (user_id, read_at);
create index notifications_user_id_created_at_idx on public.notifications (user_id, created_at desc);
create index notifications_agreement_id_idx on public.notifications (agreement_id);
create index notifications_not_emailed_idx on public.notifications (created_at) where emailed_at is null;

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
 * notify_organisation(organisation, except person, kind, title, agreement)
 * A notification for every member of an organisation, except the person who caused it.
 */
create function public.notify_organisation(
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
	insert into public.notifications (user_id, kind, title, link, agreement_id)
	select ms.user_id, p_kind, left(p_title, 300), '/afspraken/' || p_agreement_id, p_agreement_id
	from public.memberships ms
	where ms.organisation_id = p_organisation_id and ms.user_id is distinct from p_except;
$$;

comment on function public.notify_organisation(uuid, uuid, text, text, uuid) is
	'Writes a notification (kind, title, link to the agreement) for every member of the organisation except the given person.';

revoke execute on function public.notify_organisation(uuid, uuid, text, text, uuid) from public, anon, authenticated;

/**
 * notify_agreement_event()
 * After a status event: the members of the other side hear of it (a new proposal or a status change).
 */
create function public.notify_agreement_event()
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
		perform public.notify_organisation(other_side, new.actor, 'agreement_proposed',
			format('Nieuw voorstel van %s: „%s” voor „%s”', coalesce(acting_name, 'een organisatie'),
				agreement.offer_title, agreement.request_title),
			new.agreement_id);
	else
		perform public.notify_organisation(other_side, new.actor, 'agreement_status',
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

comment on function public.notify_agreement_event() is
	'Trigger: notifies the members of the side that did not act of a new proposal or a status change.';

revoke execute on function public.notify_agreement_event() from public, anon, authenticated;

create trigger agreement_events_notify
	after insert on public.agreement_events
	for each row execute function public.notify_agreement_event();

/**
 * notify_agreement_message()
 * After a message: the members of the other side hear of it.
 */
create function public.notify_agreement_message()
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
	perform public.notify_organisation(
		case when new.organisation_id = agreement.academy_id then agreement.provider_id
			else agreement.academy_id end,
		new.author, 'agreement_message',
		format('Nieuw bericht van %s over „%s”', coalesce(writer_name, 'de andere partij'),
			agreement.request_title),
		new.agreement_id);
	return null;
end;
$$;

comment on function public.notify_agreement_message() is
	'Trigger: notifies the members of the other side of a new message in an agreement''s thread.';

revoke execute on function public.notify_agreement_message() from public, anon, authenticated;

create trigger agreement_messages_notify
	after insert on public.agreement_messages
	for each row execute function public.notify_agreement_message();
