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

revoke execute on all functions in schema private from public;
