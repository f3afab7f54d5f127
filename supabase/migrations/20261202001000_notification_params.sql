-- Notifications and e-mails in the reader's language: a notification is stored as its kind plus the
-- parameters its text needs (organisation name, titles, new status), never as a Dutch sentence, and the app
-- writes it in the language of whoever reads it. Each person's language is kept for the mails that reach
-- them outside a request (instant notification mails, the weekly digest).

/**
 * notifications.params
 * What the text of a notification needs. Rows written before this migration keep their Dutch title (and
 * empty params) until the purge removes them; new rows have no title.
 */
alter table public.notifications
	add column params jsonb not null default '{}'::jsonb,
	add constraint notifications_params_object check (jsonb_typeof(params) = 'object'),
	alter column title drop not null,
	drop constraint notifications_title_length,
	add constraint notifications_title_length check (title is null or char_length(title) between 1 and 300);

comment on column public.notifications.params is
	'What its text needs, by kind: agreement_proposed {organisation, offer, request}; agreement_status {organisation, request, status}; agreement_message {organisation, request}. The app writes the sentence in the reader''s language.';
comment on column public.notifications.title is
	'Only on rows written before notifications had params: one line in Dutch. New rows leave it null.';

-- Existing rows get the parameters that can still be read from their agreement, so that they too read in
-- the reader's language; the acting side and the status of a past event are not recorded, so those keep
-- their title as the fallback.
update public.notifications n
set params = jsonb_build_object('offer', o.title, 'request', r.title)
from public.agreements a
join public.requests r on r.id = a.request_id
join public.offers o on o.id = a.offer_id
where a.id = n.agreement_id and n.params = '{}'::jsonb;

drop function private.notify_organisation(uuid, uuid, text, text, uuid);

/**
 * notify_organisation(organisation, except person, kind, params, agreement)
 * A notification for every member of an organisation except the person who caused it and those who chose
 * none for this kind, each with the delivery their choice or role decides.
 */
create function private.notify_organisation(
	p_organisation_id uuid,
	p_except uuid,
	p_kind text,
	p_params jsonb,
	p_agreement_id uuid
)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
	insert into public.notifications (user_id, kind, params, link, agreement_id, delivery)
	select ms.user_id, p_kind, p_params, '/afspraken/' || p_agreement_id, p_agreement_id,
		chosen.delivery
	from public.memberships ms
	cross join lateral (
		select private.notification_delivery(ms.user_id, p_kind, ms.role) as delivery
	) chosen
	where ms.organisation_id = p_organisation_id
		and ms.user_id is distinct from p_except
		and chosen.delivery <> 'none';
$$;

comment on function private.notify_organisation(uuid, uuid, text, jsonb, uuid) is
	'Writes a notification (kind, params, link to the agreement, delivery) for every member of the organisation except the given person and those who chose none for the kind.';

create or replace function private.notify_agreement_event()
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
			jsonb_strip_nulls(jsonb_build_object('organisation', acting_name,
				'offer', agreement.offer_title, 'request', agreement.request_title)),
			new.agreement_id);
	else
		perform private.notify_organisation(other_side, new.actor, 'agreement_status',
			jsonb_strip_nulls(jsonb_build_object('organisation', acting_name,
				'request', agreement.request_title, 'status', new.status)),
			new.agreement_id);
	end if;
	return null;
end;
$$;

create or replace function private.notify_agreement_message()
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
		jsonb_strip_nulls(jsonb_build_object('organisation', writer_name,
			'request', agreement.request_title)),
		new.agreement_id);
	return null;
end;
$$;

/**
 * account_locales
 * The language a person reads Groeistoot in, for what reaches them outside a page they opened: the
 * notification mails and the weekly digest. No row: Dutch.
 */
create table public.account_locales (
	user_id uuid primary key references auth.users (id) on delete cascade,
	locale text not null default 'nl',
	updated_at timestamptz not null default now(),
	constraint account_locales_locale_known check (locale in ('nl', 'en'))
);

alter table public.account_locales enable row level security;

comment on table public.account_locales is
	'Each person''s language for mails (nl or en); set when they register and when they switch the language while signed in. Only the person reads and writes their own row; the mail jobs read it with the service role. No row means Dutch.';
comment on column public.account_locales.user_id is 'The person.';
comment on column public.account_locales.locale is 'nl or en.';
comment on column public.account_locales.updated_at is 'When the person last switched.';

create policy "people can read their own language"
	on public.account_locales for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "people can set their own language"
	on public.account_locales for insert
	to authenticated
	with check (user_id = (select auth.uid()));

create policy "people can change their own language"
	on public.account_locales for update
	to authenticated
	using (user_id = (select auth.uid()))
	with check (user_id = (select auth.uid()));

revoke all on public.account_locales from anon;
revoke delete, truncate, references, trigger on public.account_locales from authenticated;

/**
 * remember_signup_locale()
 * A new account starts with the language the person registered in (the sign-up metadata's locale); only
 * 'en' needs a row.
 */
create function private.remember_signup_locale()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.raw_user_meta_data ->> 'locale' = 'en' then
		insert into public.account_locales (user_id, locale) values (new.id, 'en')
		on conflict (user_id) do nothing;
	end if;
	return null;
end;
$$;

comment on function private.remember_signup_locale() is
	'Trigger: stores the language a person registered in (sign-up metadata locale en) as their mail language.';

create trigger auth_users_remember_locale
	after insert on auth.users
	for each row execute function private.remember_signup_locale();

/**
 * private.account_locale(person)
 * The language to write to a person in: their choice, else Dutch.
 */
create function private.account_locale(p_user_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
	select coalesce((select l.locale from public.account_locales l where l.user_id = p_user_id), 'nl');
$$;

comment on function private.account_locale(uuid) is
	'The language (nl or en) to write to a person in; nl without a choice.';

-- The mail jobs' claims now return the parameters and the recipient's language.
drop function public.claim_notification_mails(integer);

create function public.claim_notification_mails(p_limit integer default 50)
returns table (
	id bigint, user_id uuid, email text, locale text, kind text, title text, params jsonb, link text
)
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
		private.account_locale(n.user_id),
		n.kind, n.title, n.params, n.link;
$$;

comment on function public.claim_notification_mails(integer) is
	'Service role only: claims notifications to e-mail at once (delivery email, not mailed, at most 24 hours old) by setting emailed_at, skipping rows another mailer holds; returns them with the address and the recipient''s language.';

revoke execute on function public.claim_notification_mails(integer) from public, anon, authenticated;
grant execute on function public.claim_notification_mails(integer) to service_role;

drop function public.claim_notification_digests(timestamptz, integer);

create function public.claim_notification_digests(
	p_at timestamptz default now(),
	p_limit integer default 100
)
returns table (
	digest_id bigint,
	user_id uuid,
	email text,
	locale text,
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
	select c.id, c.user_id, u.email::text, private.account_locale(c.user_id),
		week.period_start, week.period_end,
		(
			select jsonb_agg(
				jsonb_build_object(
					'id', n.id, 'kind', n.kind, 'title', n.title, 'params', n.params, 'link', n.link,
					'created_at', n.created_at
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
	'Service role only: claims the weekly digests due at the given moment (one row per person and week; a second job gets nothing), returning the address, the recipient''s language and the notifications of the week that go to the digest.';

revoke execute on function public.claim_notification_digests(timestamptz, integer) from public, anon, authenticated;
grant execute on function public.claim_notification_digests(timestamptz, integer) to service_role;

revoke execute on all functions in schema private from public;
