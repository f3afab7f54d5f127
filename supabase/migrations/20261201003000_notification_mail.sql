-- The mailer's side of notifications: the e-mails sent at once (claim_notification_mails) and the weekly
-- digests (notification_digests and its functions), both for the app's mail jobs (service role, see
-- src/lib/server/mail-jobs/). What reaches whom is decided when a notification is written
-- (20261127002300_notifications.sql).

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
