-- People's own data: their download and account deletion, and how long the platform keeps what only
-- serves for a while (retention, at the end).
--
-- People's own data in their hands: a download of everything the platform holds about a person, and the
-- deletion of their account. The database part of a deletion happens in one transaction
-- (delete_own_account()); the app deletes the auth user afterwards through the auth admin API.
--
-- What a deletion does:
--   removed:    the profile, memberships, notifications, notification preferences and the records of the
--               weekly digests mailed to them, the network staff row, invitations the person
--               accepted (they hold their e-mail address), and the safeguarding records about them: the
--               names on agreements and the volunteer checks that name them (see rows_naming_person()).
--   anonymised: everything they wrote or did for an organisation stays readable for the other side, with
--               its "who" column set to null, which the app shows as "verwijderde gebruiker": messages,
--               agreement history, agreements proposed, names and checks they recorded about others,
--               reach reports, organisations, activities, offers and requests they created, invitations
--               they sent, verification decisions.
--   refused:    while the person is the last owner of an organisation.
--   logged:     one row in account_deletions, without name or e-mail address.

/**
 * account_subject(account)
 * The pseudonym under which an account's deletion is logged: the hex sha256 of its id. The id itself
 * appears nowhere once the account is gone, so the log cannot be read back to a person, while someone who
 * still knows the id (support, with the person's own export) can confirm that the deletion happened.
 */
create function private.account_subject(p_user_id uuid)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
	select encode(pg_catalog.sha256(convert_to(p_user_id::text, 'UTF8')), 'hex');
$$;

comment on function private.account_subject(uuid) is
	'Hex sha256 of an account id: the pseudonym in account_deletions.';

/**
 * rows_naming_person(account)
 * The safeguarding records about a person. Volunteers and checks carry a name typed by an organisation,
 * not an account, so "about them" is decided by name, within the circle where the name means them: their
 * display name (trimmed, inner spaces collapsed, case-insensitive, the way those tables normalise names)
 *   - on the agreements of an organisation they belong to (either side: a company's mentor is named on
 *     the company's agreement with an academy), for agreement_volunteers;
 *   - on the checks of an academy they belong to, or of an academy on the other side of such an
 *     agreement (the academy records the checks of the company's mentors), for volunteer_checks.
 * A namesake in that same circle is matched too; that is the price of records kept by name.
 * Not for the API: delete_own_account() and export_my_contributions() use it for the signed-in person.
 */
create function private.rows_naming_person(p_user_id uuid)
returns table (source text, id uuid)
language sql
stable
set search_path = ''
as $$
	with person as (
		select lower(regexp_replace(btrim(p.display_name, E' \t\r\n'), '\s+', ' ', 'g')) as name_key
		from public.profiles p
		where p.id = p_user_id
	),
	own as (
		select ms.organisation_id from public.memberships ms where ms.user_id = p_user_id
	),
	their_agreements as (
		select a.id, a.academy_id
		from public.agreements a
		where a.academy_id in (select own.organisation_id from own)
			or a.provider_id in (select own.organisation_id from own)
	),
	academies as (
		select own.organisation_id as id from own
		union
		select their_agreements.academy_id from their_agreements
	)
	select 'agreement_volunteers', v.id
	from public.agreement_volunteers v, person
	where v.agreement_id in (select their_agreements.id from their_agreements)
		and lower(v.name) = person.name_key
	union all
	select 'volunteer_checks', c.id
	from public.volunteer_checks c, person
	where c.organisation_id in (select academies.id from academies)
		and lower(c.volunteer_name) = person.name_key;
$$;

comment on function private.rows_naming_person(uuid) is
	'The agreement_volunteers and volunteer_checks rows that name the person: their display name (normalised, case-insensitive) on the agreements of their organisations and the checks of their academies and of the academies those agreements are with.';

/**
 * account_deletions
 * Append-only log of deleted accounts, for network staff to show that deletions happen and what they
 * removed: a pseudonym, when, and counts. No name, no e-mail address. Written only by
 * delete_own_account(); rows can be removed only once they are older than five years.
 */
create table public.account_deletions (
	id bigint generated always as identity primary key,
	subject text not null,
	deleted_at timestamptz not null default now(),
	removed jsonb not null default '{}',
	anonymised jsonb not null default '{}',
	constraint account_deletions_subject_key unique (subject),
	constraint account_deletions_subject_format check (subject ~ '^[0-9a-f]{64}$'),
	constraint account_deletions_removed_object check (jsonb_typeof(removed) = 'object'),
	constraint account_deletions_anonymised_object check (jsonb_typeof(anonymised) = 'object')
);

alter table public.account_deletions enable row level security;

comment on table public.account_deletions is
	'Log of deleted accounts: pseudonym (account_subject()), when, and how many rows were removed or anonymised. Never a name or e-mail address. Written only by delete_own_account(); append-only (rows go after five years); read by network staff.';
comment on column public.account_deletions.id is 'Identifier, in order of deletion.';
comment on column public.account_deletions.subject is 'Hex sha256 of the deleted account''s id (account_subject()).';
comment on column public.account_deletions.deleted_at is 'When the account was deleted.';
comment on column public.account_deletions.removed is 'Rows removed, per kind: profile, memberships, notifications, notification_preferences, notification_digests, network_staff, invitations_accepted, volunteer_names, volunteer_checks.';
comment on column public.account_deletions.anonymised is 'Rows kept with their "who" column set to null, per kind: agreement_messages, agreement_events, agreements, volunteer_names_added, volunteer_checks_recorded, reach_reports, organisations, activities, offers, requests, invitations_sent, verification_events.';

create index account_deletions_deleted_at_idx on public.account_deletions (deleted_at);

/**
 * keep_account_deletions()
 * The log only grows: no update, no truncate, and a row is deleted only after five years.
 */
create function private.keep_account_deletions()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if tg_op = 'DELETE' then
		if old.deleted_at < now() - interval '5 years' then
			return old;
		end if;
	end if;
	raise exception using
		errcode = '42501',
		message = 'Het logboek van verwijderde accounts kan niet veranderen.',
		hint = 'account_deletions_append_only',
		table = tg_table_name,
		schema = tg_table_schema;
end;
$$;

comment on function private.keep_account_deletions() is
	'Trigger: account_deletions is append-only; a row can be deleted only once it is older than five years.';

create trigger account_deletions_append_only
	before update or delete on public.account_deletions
	for each row execute function private.keep_account_deletions();

create trigger account_deletions_no_truncate
	before truncate on public.account_deletions
	for each statement execute function private.keep_account_deletions();

create policy "network staff can read the log of deleted accounts"
	on public.account_deletions for select
	to authenticated
	using ((select public.is_network_staff()));

revoke all on public.account_deletions from anon;
revoke insert, update, delete, truncate on public.account_deletions from authenticated, service_role;

/**
 * delete_own_account()
 * Deletes the signed-in person's data in one transaction (see the top of this file) and logs it. Refuses
 * (23514, hint account_last_owner) while they are the last owner of an organisation, naming those
 * organisations. A second call, from a double submit or another tab, waits for the first and then
 * answers already_deleted instead of failing. The auth user itself is deleted by the app afterwards.
 * Returns { already_deleted, removed, anonymised }.
 */
create function public.delete_own_account()
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	pseudonym text;
	last_owned text;
	named_volunteers uuid[];
	named_checks uuid[];
	removed jsonb := '{}';
	anonymised jsonb := '{}';
	previous record;
	n integer;
begin
	if me is null then
		raise exception using
			errcode = '42501',
			message = 'Meld je aan om je account te verwijderen.',
			hint = 'account_signed_in_only';
	end if;
	pseudonym := private.account_subject(me);

	-- A double submit or a second tab waits here for the first, then finds the profile gone.
	perform 1 from public.profiles p where p.id = me for update;
	if not found then
		select d.removed, d.anonymised into previous
		from public.account_deletions d where d.subject = pseudonym;
		if found then
			return jsonb_build_object(
				'already_deleted', true, 'removed', previous.removed, 'anonymised', previous.anonymised
			);
		end if;
	end if;

	-- Own memberships first, then the organisations they own, in the order keep_an_owner() locks them
	-- (membership row, then organisation): an owner leaving at the same moment waits or is refused.
	perform 1 from public.memberships ms where ms.user_id = me order by ms.organisation_id for update;
	perform 1 from public.organisations o
	where o.id in (
		select ms.organisation_id from public.memberships ms where ms.user_id = me and ms.role = 'owner'
	)
	order by o.id
	for no key update;

	select string_agg(format('„%s”', o.name), ', ' order by o.name) into last_owned
	from public.memberships ms
	join public.organisations o on o.id = ms.organisation_id
	where ms.user_id = me
		and ms.role = 'owner'
		and not exists (
			select 1 from public.memberships other
			where other.organisation_id = ms.organisation_id and other.role = 'owner' and other.user_id <> me
		);
	if last_owned is not null then
		raise exception using
			errcode = '23514',
			message = format(
				'Je bent de laatste eigenaar van %s. Maak eerst iemand anders eigenaar of verwijder de organisatie.',
				last_owned
			),
			hint = 'account_last_owner';
	end if;

	-- Safeguarding records about the person: gone.
	select
		coalesce(array_agg(r.id) filter (where r.source = 'agreement_volunteers'), '{}'),
		coalesce(array_agg(r.id) filter (where r.source = 'volunteer_checks'), '{}')
	into named_volunteers, named_checks
	from private.rows_naming_person(me) r;

	delete from public.agreement_volunteers v where v.id = any (named_volunteers);
	get diagnostics n = row_count;
	removed := removed || jsonb_build_object('volunteer_names', n);

	delete from public.volunteer_checks c where c.id = any (named_checks);
	get diagnostics n = row_count;
	removed := removed || jsonb_build_object('volunteer_checks', n);

	-- What they wrote or did for an organisation: kept for the other side, without them.
	update public.agreement_messages m set author = null where m.author = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('agreement_messages', n);

	update public.agreement_events e set actor = null where e.actor = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('agreement_events', n);

	update public.agreements a set created_by = null where a.created_by = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('agreements', n);

	update public.agreement_volunteers v set added_by = null where v.added_by = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('volunteer_names_added', n);

	update public.volunteer_checks c set recorded_by = null where c.recorded_by = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('volunteer_checks_recorded', n);

	update public.reach_reports r set reported_by = null where r.reported_by = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('reach_reports', n);

	update public.organisations o set created_by = null where o.created_by = me;
	get diagnostics n = row_count;
	update public.organisations o set verified_by = null where o.verified_by = me;
	anonymised := anonymised || jsonb_build_object('organisations', n);

	update public.activities a set created_by = null where a.created_by = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('activities', n);

	update public.offers o set created_by = null where o.created_by = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('offers', n);

	update public.requests r set created_by = null where r.created_by = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('requests', n);

	update public.invitations i set invited_by = null where i.invited_by = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('invitations_sent', n);

	update public.organisation_verification_events e set actor = null where e.actor = me;
	get diagnostics n = row_count;
	anonymised := anonymised || jsonb_build_object('verification_events', n);

	update public.network_staff s set granted_by = null where s.granted_by = me;

	-- The person's own rows: gone.
	delete from public.notifications x where x.user_id = me;
	get diagnostics n = row_count;
	removed := removed || jsonb_build_object('notifications', n);

	delete from public.notification_preferences x where x.user_id = me;
	get diagnostics n = row_count;
	removed := removed || jsonb_build_object('notification_preferences', n);

	delete from public.notification_digests x where x.user_id = me;
	get diagnostics n = row_count;
	removed := removed || jsonb_build_object('notification_digests', n);

	delete from public.invitations i where i.accepted_by = me;
	get diagnostics n = row_count;
	removed := removed || jsonb_build_object('invitations_accepted', n);

	delete from public.network_staff s where s.user_id = me;
	get diagnostics n = row_count;
	removed := removed || jsonb_build_object('network_staff', n);

	delete from public.memberships ms where ms.user_id = me;
	get diagnostics n = row_count;
	removed := removed || jsonb_build_object('memberships', n);

	delete from public.profiles p where p.id = me;
	get diagnostics n = row_count;
	removed := removed || jsonb_build_object('profile', n);

	insert into public.account_deletions (subject, removed, anonymised)
	values (pseudonym, removed, anonymised)
	on conflict on constraint account_deletions_subject_key do nothing;

	return jsonb_build_object('already_deleted', false, 'removed', removed, 'anonymised', anonymised);
end;
$$;

comment on function public.delete_own_account() is
	'Deletes the signed-in person''s profile, memberships, notifications (and their preferences and digests) and the safeguarding records naming them, anonymises what they wrote, logs it in account_deletions, all in one transaction. Refuses the last owner of an organisation (23514, hint account_last_owner). Idempotent: a repeated call answers already_deleted. The app deletes the auth user afterwards.';

revoke execute on function public.delete_own_account() from public, anon;
grant execute on function public.delete_own_account() to authenticated;

/**
 * export_my_contributions()
 * For the download of one's own data: the rows about the signed-in person that the policies may hide
 * from them (they left the organisation, or only its admins read them), each limited to the row itself:
 * invitations sent and accepted, agreements proposed, agreement history and messages, names and checks
 * that name them or that they recorded, reach reports, what they created, verification decisions, and
 * the weekly digests mailed to them (only the service role reads those).
 * Nobody else's rows: every part is filtered on auth.uid(), on their name (rows_naming_person()) or both.
 */
create function public.export_my_contributions()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	named_volunteers uuid[];
	named_checks uuid[];
begin
	if me is null then
		raise exception using
			errcode = '42501',
			message = 'Meld je aan om je gegevens te downloaden.',
			hint = 'account_signed_in_only';
	end if;

	select
		coalesce(array_agg(r.id) filter (where r.source = 'agreement_volunteers'), '{}'),
		coalesce(array_agg(r.id) filter (where r.source = 'volunteer_checks'), '{}')
	into named_volunteers, named_checks
	from private.rows_naming_person(me) r;

	return jsonb_build_object(
		'invitations_sent', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', i.id, 'organisation_id', i.organisation_id, 'organisation_name', o.name,
				'email', i.email, 'role', i.role, 'created_at', i.created_at, 'expires_at', i.expires_at,
				'accepted_at', i.accepted_at, 'revoked_at', i.revoked_at
			) order by i.created_at, i.id)
			from public.invitations i
			join public.organisations o on o.id = i.organisation_id
			where i.invited_by = me
		), '[]'),
		'invitations_accepted', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', i.id, 'organisation_id', i.organisation_id, 'organisation_name', o.name,
				'email', i.email, 'role', i.role, 'created_at', i.created_at, 'accepted_at', i.accepted_at
			) order by i.accepted_at, i.id)
			from public.invitations i
			join public.organisations o on o.id = i.organisation_id
			where i.accepted_by = me
		), '[]'),
		'agreements_proposed', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'status', a.status, 'request_title', r.title, 'offer_title', f.title,
				'academy_name', academy.name, 'provider_name', provider.name,
				'created_at', a.created_at, 'updated_at', a.updated_at
			) order by a.created_at, a.id)
			from public.agreements a
			join public.requests r on r.id = a.request_id
			join public.offers f on f.id = a.offer_id
			join public.organisations academy on academy.id = a.academy_id
			join public.organisations provider on provider.id = a.provider_id
			where a.created_by = me
		), '[]'),
		'agreement_events', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', e.id, 'agreement_id', e.agreement_id, 'status', e.status,
				'organisation_name', o.name, 'note', e.note, 'created_at', e.created_at
			) order by e.id)
			from public.agreement_events e
			left join public.organisations o on o.id = e.organisation_id
			where e.actor = me
		), '[]'),
		'agreement_messages', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', m.id, 'agreement_id', m.agreement_id, 'organisation_name', o.name,
				'body', m.body, 'created_at', m.created_at
			) order by m.id)
			from public.agreement_messages m
			join public.organisations o on o.id = m.organisation_id
			where m.author = me
		), '[]'),
		'volunteer_names', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', v.id, 'agreement_id', v.agreement_id, 'name', v.name,
				'names_you', v.id = any (named_volunteers), 'added_by_you', v.added_by is not distinct from me,
				'created_at', v.created_at
			) order by v.created_at, v.id)
			from public.agreement_volunteers v
			where v.id = any (named_volunteers) or v.added_by = me
		), '[]'),
		'volunteer_checks', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', c.id, 'organisation_name', o.name, 'volunteer_name', c.volunteer_name,
				'seen_on', c.seen_on, 'seen_by_name', c.seen_by_name, 'agreement_id', c.agreement_id,
				'names_you', c.id = any (named_checks), 'recorded_by_you', c.recorded_by is not distinct from me,
				'created_at', c.created_at
			) order by c.created_at, c.id)
			from public.volunteer_checks c
			join public.organisations o on o.id = c.organisation_id
			where c.id = any (named_checks) or c.recorded_by = me
		), '[]'),
		'reach_reports', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', r.id, 'activity_id', r.activity_id, 'activity_title', a.title,
				'participants', r.participants, 'girls', r.girls, 'disadvantaged', r.disadvantaged,
				'non_dutch_home_language', r.non_dutch_home_language, 'special_needs', r.special_needs,
				'reported_at', r.reported_at, 'updated_at', r.updated_at
			) order by r.reported_at, r.id)
			from public.reach_reports r
			join public.activities a on a.id = r.activity_id
			where r.reported_by = me
		), '[]'),
		'activities_created', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'title', a.title, 'organisation_name', o.name, 'status', a.status,
				'created_at', a.created_at
			) order by a.created_at, a.id)
			from public.activities a
			join public.organisations o on o.id = a.organisation_id
			where a.created_by = me
		), '[]'),
		'offers_created', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', f.id, 'title', f.title, 'organisation_name', o.name, 'status', f.status,
				'created_at', f.created_at
			) order by f.created_at, f.id)
			from public.offers f
			join public.organisations o on o.id = f.organisation_id
			where f.created_by = me
		), '[]'),
		'requests_created', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', r.id, 'title', r.title, 'organisation_name', o.name, 'status', r.status,
				'created_at', r.created_at
			) order by r.created_at, r.id)
			from public.requests r
			join public.organisations o on o.id = r.organisation_id
			where r.created_by = me
		), '[]'),
		'notification_digests', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', d.id, 'period_end', d.period_end, 'sent_at', d.sent_at,
				'notification_count', d.notification_count
			) order by d.period_end, d.id)
			from public.notification_digests d
			where d.user_id = me
		), '[]'),
		'verification_decisions', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', e.id, 'organisation_name', o.name, 'action', e.action, 'note', e.note,
				'created_at', e.created_at
			) order by e.id)
			from public.organisation_verification_events e
			join public.organisations o on o.id = e.organisation_id
			where e.actor = me
		), '[]')
	);
end;
$$;

comment on function public.export_my_contributions() is
	'For the download of one''s own data: the signed-in person''s invitations, agreements proposed, agreement history and messages, names and checks about them or recorded by them, reach reports, what they created, verification decisions and notification digests, as JSON. Only rows tied to auth.uid().';

revoke execute on function public.export_my_contributions() from public, anon;
grant execute on function public.export_my_contributions() to authenticated;

-- Retention in one place: how long the platform keeps data that only serves for a while, and the one function
-- the scheduled job (in the app server, or `npm run data:purge`) calls to delete what is older. The periods are
-- the ones the privacy page and the README ("Bewaartermijnen / retention") state.

/**
 * purge_expired_data()
 * Deletes notifications (read or not) 180 days after they were written, weekly digest records 180 days after
 * their week, sign-in throttle windows that have ended, and account deletion log rows after five years.
 * Returns per kind of data how long it is kept and how many rows went. Service role only.
 */
create function public.purge_expired_data()
returns table (data text, kept_for interval, deleted bigint)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	gone bigint;
begin
	delete from public.notifications n where n.created_at < now() - interval '180 days';
	get diagnostics gone = row_count;
	return query select 'notifications'::text, interval '180 days', gone;

	delete from public.notification_digests d where d.period_end < now() - interval '180 days';
	get diagnostics gone = row_count;
	return query select 'notification_digests'::text, interval '180 days', gone;

	delete from public.auth_throttle t where t.expires_at < now();
	get diagnostics gone = row_count;
	return query select 'auth_throttle'::text, interval '0', gone;

	delete from public.account_deletions d where d.deleted_at < now() - interval '5 years';
	get diagnostics gone = row_count;
	return query select 'account_deletions'::text, interval '5 years', gone;
end;
$$;

comment on function public.purge_expired_data() is
	'Service role only: deletes what is kept no longer than its retention period (notifications and digest records 180 days, ended sign-in throttle windows, account deletion log five years) and reports per kind of data how many rows went.';

revoke execute on function public.purge_expired_data() from public, anon, authenticated;
grant execute on function public.purge_expired_data() to service_role;

revoke execute on all functions in schema private from public;
