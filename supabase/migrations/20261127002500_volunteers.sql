-- Volunteers: the academy's safeguarding records and the people an agreement brings.
--
-- Safeguarding: an academy records that it has seen a volunteer's "uittreksel uit het strafregister,
-- model 2" (when and by whom), never the document itself, and sees whose check is missing or too old.
-- These records belong to the academy's owners and admins, who answer for safeguarding; the academy's
-- other members (a teacher who helps out) neither see nor write them.

/**
 * volunteer_checks
 * "Gezien op DATUM door NAAM" per volunteer. No file, no document number. The academy's owners and admins
 * read and write them; network staff read.
 */
create table public.volunteer_checks (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	volunteer_name text not null,
	agreement_id uuid references public.agreements (id) on delete set null,
	seen_on date not null,
	seen_by_name text not null,
	recorded_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	constraint volunteer_checks_volunteer_name_length check (char_length(volunteer_name) between 2 and 120),
	constraint volunteer_checks_volunteer_name_trimmed check (volunteer_name = btrim(volunteer_name, E' \t\r\n')),
	constraint volunteer_checks_seen_by_name_length check (char_length(seen_by_name) between 2 and 120),
	constraint volunteer_checks_seen_by_name_trimmed check (seen_by_name = btrim(seen_by_name, E' \t\r\n'))
);

alter table public.volunteer_checks enable row level security;

comment on table public.volunteer_checks is
	'Safeguarding: that an academy saw a volunteer''s extract from the criminal record (model 2), on which day and by whom. Never the document or its number. Read and written by the academy''s owners and admins (not its other members); read by network staff.';
comment on column public.volunteer_checks.id is 'Identifier.';
comment on column public.volunteer_checks.organisation_id is 'The academy that saw the extract; fixed once recorded.';
comment on column public.volunteer_checks.volunteer_name is 'The volunteer''s name, 2 to 120 characters, trimmed.';
comment on column public.volunteer_checks.agreement_id is 'The agreement (volunteers or mentors pledged) the volunteer comes through; optional, one of the academy''s.';
comment on column public.volunteer_checks.seen_on is 'The day the extract was seen: not in the future and at most 3 years ago.';
comment on column public.volunteer_checks.seen_by_name is 'Who saw it (name), 2 to 120 characters, trimmed.';
comment on column public.volunteer_checks.recorded_by is 'Who recorded it on Groeistoot.';
comment on column public.volunteer_checks.created_at is 'When it was recorded.';

create index volunteer_checks_organisation_id_idx on public.volunteer_checks (organisation_id, volunteer_name);
create index volunteer_checks_agreement_id_idx on public.volunteer_checks (agreement_id);
create index volunteer_checks_recorded_by_idx on public.volunteer_checks (recorded_by);
-- The latest check per academy and name (case-insensitive), for volunteer_session_checks.
create index volunteer_checks_academy_lower_name_idx
	on public.volunteer_checks (organisation_id, lower(volunteer_name), seen_on desc);

/**
 * validate_volunteer_check()
 * Trims the names and collapses their inner whitespace (as agreement_volunteers does, so "Jan  Peeters"
 * on a check matches "Jan Peeters" on an agreement in volunteer_session_checks); the day seen is not in
 * the future nor more than 3 years ago; the agreement, when given, is one of the academy's. Only for
 * those who keep the academy's records (its owners and admins, or a script): anyone else is refused by
 * the policies, and learns nothing here about whose agreement an id is.
 */
create function private.validate_volunteer_check()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if auth.uid() is not null and not private.is_org_admin(new.organisation_id) then
		return new;
	end if;
	new.volunteer_name := regexp_replace(btrim(new.volunteer_name, E' \t\r\n'), '\s+', ' ', 'g');
	new.seen_by_name := regexp_replace(btrim(new.seen_by_name, E' \t\r\n'), '\s+', ' ', 'g');
	if char_length(new.volunteer_name) < 2 then
		perform private.raise_rule('volunteer_checks_volunteer_name_length', 'volunteer_name',
			'Geef de naam van de vrijwilliger.', tg_table_name);
	elsif char_length(new.seen_by_name) < 2 then
		perform private.raise_rule('volunteer_checks_seen_by_name_length', 'seen_by_name',
			'Geef de naam van wie het uittreksel zag.', tg_table_name);
	elsif new.seen_on > private.today_in_belgium() then
		perform private.raise_rule('volunteer_checks_seen_on_not_future', 'seen_on',
			'De datum waarop het uittreksel gezien werd, kan niet in de toekomst liggen.', tg_table_name);
	elsif new.seen_on < private.today_in_belgium() - interval '3 years' then
		perform private.raise_rule('volunteer_checks_seen_on_recent', 'seen_on',
			'Dit uittreksel is ouder dan 3 jaar: vraag een recent uittreksel.', tg_table_name);
	elsif new.agreement_id is not null and not exists (
		select 1 from public.agreements a
		where a.id = new.agreement_id and a.academy_id = new.organisation_id
	) then
		perform private.raise_rule('volunteer_checks_agreement_of_academy', 'agreement_id',
			'Kies een afspraak van je eigen academie.', tg_table_name);
	end if;
	return new;
end;
$$;

comment on function private.validate_volunteer_check() is
	'Trigger: trims the names and collapses their inner whitespace (like agreement_volunteers), requires seen_on between 3 years ago and today (Belgium) and the agreement to be the academy''s own; Dutch messages (23514, the constraint as hint). Skipped for people who are not the academy''s owners or admins (the policies refuse them).';

create trigger volunteer_checks_validate
	before insert on public.volunteer_checks
	for each row execute function private.validate_volunteer_check();

-- Forgetting who recorded a check (their account is deleted: recorded_by set null) is not a change of the
-- check: one seen more than 3 years ago would refuse it, and the account could not go.
create trigger volunteer_checks_validate_changes
	before update on public.volunteer_checks
	for each row
	when ((to_jsonb(old) - 'recorded_by') is distinct from (to_jsonb(new) - 'recorded_by'))
	execute function private.validate_volunteer_check();

create trigger volunteer_checks_require_academy
	before insert or update of organisation_id on public.volunteer_checks
	for each row execute function private.require_academy('Enkel een academie houdt uittreksels bij.');

create trigger volunteer_checks_organisation_fixed
	before update of organisation_id on public.volunteer_checks
	for each row execute function private.keep_column_unchanged(
		'organisation_id', 'Een controle blijft bij de academie die ze noteerde.'
	);

create policy "owners and admins can read their academy's volunteer checks"
	on public.volunteer_checks for select
	to authenticated
	using (private.is_org_admin(organisation_id));

create policy "network staff can read every volunteer check"
	on public.volunteer_checks for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "owners and admins can record volunteer checks for their academy"
	on public.volunteer_checks for insert
	to authenticated
	with check (private.is_org_admin(organisation_id) and recorded_by = (select auth.uid()));

create policy "owners and admins can correct their academy's volunteer checks"
	on public.volunteer_checks for update
	to authenticated
	using (private.is_org_admin(organisation_id))
	with check (private.is_org_admin(organisation_id));

create policy "owners and admins can remove their academy's volunteer checks"
	on public.volunteer_checks for delete
	to authenticated
	using (private.is_org_admin(organisation_id));

revoke insert, update, delete, truncate on public.volunteer_checks from anon, authenticated;
grant insert (organisation_id, volunteer_name, agreement_id, seen_on, seen_by_name)
	on public.volunteer_checks to authenticated;
grant update (volunteer_name, agreement_id, seen_on, seen_by_name) on public.volunteer_checks to authenticated;
grant delete on public.volunteer_checks to authenticated;

/**
 * volunteer_check_status
 * Per academy and volunteer (by name, case-insensitive): the latest check and whether it is still recent
 * (seen at most 3 years ago). Applies the policies of the person asking.
 */
create view public.volunteer_check_status
with (security_invoker = true)
as
select distinct on (c.organisation_id, lower(c.volunteer_name))
	c.organisation_id,
	c.volunteer_name,
	c.agreement_id,
	c.seen_on,
	c.seen_by_name,
	(c.seen_on + interval '3 years')::date as valid_until,
	c.seen_on >= (private.today_in_belgium() - interval '3 years')::date as recent
from public.volunteer_checks c
order by c.organisation_id, lower(c.volunteer_name), c.seen_on desc, c.created_at desc;

comment on view public.volunteer_check_status is
	'Per academy and volunteer (name, case-insensitive): the latest check (day, by whom, agreement), until when it counts (3 years) and whether it still is recent. security_invoker: only what the asker may read of volunteer_checks.';
comment on column public.volunteer_check_status.organisation_id is 'The academy.';
comment on column public.volunteer_check_status.volunteer_name is 'The volunteer (as last recorded).';
comment on column public.volunteer_check_status.agreement_id is 'The agreement of the latest check, if any.';
comment on column public.volunteer_check_status.seen_on is 'When the latest extract was seen.';
comment on column public.volunteer_check_status.seen_by_name is 'Who saw it.';
comment on column public.volunteer_check_status.valid_until is 'Last day it counts as recent (seen_on + 3 years).';
comment on column public.volunteer_check_status.recent is 'True while seen at most 3 years ago; false means a new extract is needed before the next session.';

grant select on public.volunteer_check_status to authenticated;
revoke all on public.volunteer_check_status from anon;

-- Who comes: the people an accepted agreement about volunteers, expertise or a visit brings (named by
-- either side), and per named volunteer whether the academy saw a recent extract (model 2) before the
-- agreement's first session (agreements.first_session_on, or booking_from for a room).

/**
 * is_accepted_agreement_party(agreement)
 * True when the agreement is accepted and the signed-in person belongs to one of its two organisations.
 */
create function private.is_accepted_agreement_party(p_agreement_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.agreements a
		where a.id = p_agreement_id
			and a.status = 'accepted'
			and (
				a.academy_id in (select private.my_organisation_ids())
				or a.provider_id in (select private.my_organisation_ids())
			)
	);
$$;

comment on function private.is_accepted_agreement_party(uuid) is
	'True when the agreement is accepted and the signed-in person is a member of its academy or its provider. For policies.';

grant execute on function private.is_accepted_agreement_party(uuid) to authenticated, service_role;

/**
 * agreement_volunteers
 * The people an accepted volunteers, expertise or visit agreement brings, by name. Either side adds and
 * removes them while the agreement is accepted; both sides and network staff read them.
 */
create table public.agreement_volunteers (
	id uuid primary key default gen_random_uuid(),
	agreement_id uuid not null references public.agreements (id) on delete cascade,
	name text not null,
	added_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	constraint agreement_volunteers_name_length check (char_length(name) between 2 and 120),
	constraint agreement_volunteers_name_trimmed check (name = btrim(name, E' \t\r\n'))
);

alter table public.agreement_volunteers enable row level security;

comment on table public.agreement_volunteers is
	'The people (volunteers, mentors, experts) an accepted agreement about volunteers, expertise or a visit brings, by name. Added and removed by the members of both organisations while the agreement is accepted; read by them and network staff.';
comment on column public.agreement_volunteers.id is 'Identifier.';
comment on column public.agreement_volunteers.agreement_id is 'The agreement (offer kind volunteers, expertise or visit).';
comment on column public.agreement_volunteers.name is 'The person''s name, 2 to 120 characters, trimmed; once per agreement (case-insensitive).';
comment on column public.agreement_volunteers.added_by is 'Who added the name.';
comment on column public.agreement_volunteers.created_at is 'When it was added.';

create unique index agreement_volunteers_name_once on public.agreement_volunteers (agreement_id, lower(name));
create index agreement_volunteers_added_by_idx on public.agreement_volunteers (added_by);

/**
 * check_agreement_volunteer()
 * Trims the name and says in Dutch what is wrong: too short or long, an agreement that brings no people,
 * an agreement that is not accepted (only to its parties; the policies refuse anyone else).
 */
create function private.check_agreement_volunteer()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	agreement record;
begin
	new.name := regexp_replace(btrim(coalesce(new.name, ''), E' \t\r\n'), '\s+', ' ', 'g');
	if char_length(new.name) < 2 or char_length(new.name) > 120 then
		perform private.raise_rule('agreement_volunteers_name_length', 'name',
			'Een naam is 2 tot 120 tekens lang.', tg_table_name);
	end if;
	select a.status, o.kind as offer_kind, a.academy_id, a.provider_id into agreement
	from public.agreements a
	join public.offers o on o.id = a.offer_id
	where a.id = new.agreement_id
		and (
			a.academy_id in (select private.my_organisation_ids())
			or a.provider_id in (select private.my_organisation_ids())
		);
	if found then
		if agreement.offer_kind not in ('volunteers', 'expertise', 'visit') then
			perform private.raise_rule('agreement_volunteers_offer_kind', 'agreement_id',
				'Enkel bij een afspraak over vrijwilligers, expertise of een bezoek noteer je wie er komt.',
				tg_table_name);
		elsif agreement.status <> 'accepted' then
			perform private.raise_rule('agreement_volunteers_agreement_accepted', 'agreement_id',
				'Je kan enkel namen toevoegen zolang de afspraak aanvaard is.', tg_table_name);
		elsif exists (
			select 1 from public.agreement_volunteers v
			where v.agreement_id = new.agreement_id and lower(v.name) = lower(new.name)
		) then
			perform private.raise_rule('agreement_volunteers_name_once', 'name',
				format('%s staat al op de lijst.', new.name), tg_table_name);
		end if;
	end if;
	return new;
end;
$$;

comment on function private.check_agreement_volunteer() is
	'Trigger: trims the name (2 to 120 characters), requires an accepted agreement about volunteers, expertise or a visit, and a name not yet on its list; Dutch messages (23514) for the agreement''s parties.';

create trigger agreement_volunteers_check
	before insert on public.agreement_volunteers
	for each row execute function private.check_agreement_volunteer();

create policy "members of both sides can read who comes"
	on public.agreement_volunteers for select
	to authenticated
	using (exists (select 1 from public.agreements a where a.id = agreement_id));

create policy "members of both sides can name who comes while accepted"
	on public.agreement_volunteers for insert
	to authenticated
	with check (added_by = (select auth.uid()) and private.is_accepted_agreement_party(agreement_id));

create policy "members of both sides can remove a name while accepted"
	on public.agreement_volunteers for delete
	to authenticated
	using (private.is_accepted_agreement_party(agreement_id));

revoke insert, update, delete, truncate on public.agreement_volunteers from anon, authenticated;
revoke select on public.agreement_volunteers from anon;
grant insert (agreement_id, name) on public.agreement_volunteers to authenticated;
grant delete on public.agreement_volunteers to authenticated;

/**
 * volunteer_session_checks
 * For the academy's owners and admins (who keep its safeguarding records): per named volunteer of its
 * accepted agreements, the first session, the latest check (matched on academy and name,
 * case-insensitive) and its state: ok, missing, expired, or expires_before_session (recent today, but no
 * longer on the first session). Applies the policies of the person asking; only rows of the academies the
 * asker is an owner or admin of (a plain member would otherwise see every volunteer as missing).
 */
create view public.volunteer_session_checks
with (security_invoker = true)
as
select
	v.id,
	a.academy_id as organisation_id,
	v.agreement_id,
	v.name as volunteer_name,
	coalesce(a.first_session_on, a.booking_from) as first_session_on,
	c.seen_on,
	c.seen_by_name,
	(c.seen_on + interval '3 years')::date as valid_until,
	case
		when c.seen_on is null then 'missing'
		when (c.seen_on + interval '3 years')::date < private.today_in_belgium() then 'expired'
		when (c.seen_on + interval '3 years')::date < coalesce(a.first_session_on, a.booking_from)
			then 'expires_before_session'
		else 'ok'
	end as state
from public.agreement_volunteers v
join public.agreements a on a.id = v.agreement_id
left join lateral (
	select vc.seen_on, vc.seen_by_name
	from public.volunteer_checks vc
	where vc.organisation_id = a.academy_id and lower(vc.volunteer_name) = lower(v.name)
	order by vc.seen_on desc, vc.created_at desc
	limit 1
) c on true
where a.status = 'accepted' and private.is_org_admin(a.academy_id);

comment on view public.volunteer_session_checks is
	'For the academy''s owners and admins: each named volunteer of its accepted agreements with the first session (first_session_on or booking_from), the latest check and its state (ok, missing, expired, expires_before_session). security_invoker: only the academies the asker is an owner or admin of.';
comment on column public.volunteer_session_checks.id is 'The agreement_volunteers row.';
comment on column public.volunteer_session_checks.organisation_id is 'The academy.';
comment on column public.volunteer_session_checks.agreement_id is 'The accepted agreement.';
comment on column public.volunteer_session_checks.volunteer_name is 'The volunteer as named on the agreement.';
comment on column public.volunteer_session_checks.first_session_on is 'The first session, when known.';
comment on column public.volunteer_session_checks.seen_on is 'The latest check''s day, if any.';
comment on column public.volunteer_session_checks.seen_by_name is 'Who saw it.';
comment on column public.volunteer_session_checks.valid_until is 'Last day the latest check counts (seen_on + 3 years).';
comment on column public.volunteer_session_checks.state is 'ok, missing, expired (older than 3 years today) or expires_before_session.';

revoke all on public.volunteer_session_checks from anon;
grant select on public.volunteer_session_checks to authenticated;

revoke execute on all functions in schema private from public;
