-- Reach reports: how many children an activity reached, of whom how many girls and how many from the
-- target groups. Aggregates only: never anything about a single child.

/**
 * reach_reports
 * One report per activity, updated in place. Filed by members of the academy once the activity is
 * published (or cancelled) and has started; read by the academy's members and network staff.
 */
create table public.reach_reports (
	id uuid primary key default gen_random_uuid(),
	activity_id uuid not null references public.activities (id) on delete cascade,
	participants integer not null,
	girls integer not null,
	disadvantaged integer,
	non_dutch_home_language integer,
	special_needs integer,
	reported_by uuid default auth.uid() references auth.users (id) on delete set null,
	reported_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint reach_reports_activity_id_key unique (activity_id),
	constraint reach_reports_participants_not_negative check (participants >= 0),
	constraint reach_reports_girls_not_negative check (girls >= 0),
	constraint reach_reports_girls_not_more_than_participants check (girls <= participants),
	constraint reach_reports_disadvantaged_not_negative check (disadvantaged >= 0),
	constraint reach_reports_disadvantaged_not_more_than_participants check (disadvantaged <= participants),
	-- "home_language" rather than the column's full name: constraint names stop at 63 characters.
	constraint reach_reports_home_language_not_negative check (non_dutch_home_language >= 0),
	constraint reach_reports_home_language_not_more_than_participants check (
		non_dutch_home_language <= participants
	),
	constraint reach_reports_special_needs_not_negative check (special_needs >= 0),
	constraint reach_reports_special_needs_not_more_than_participants check (special_needs <= participants)
);

alter table public.reach_reports enable row level security;

comment on table public.reach_reports is
	'Reach of one activity in numbers only (participants, girls, target groups); never data about a child. Filed and updated by the academy''s members for a published or cancelled activity that has started; read by its members and network staff; deleted by its owners and admins.';
comment on column public.reach_reports.id is 'Identifier.';
comment on column public.reach_reports.activity_id is 'The activity (one report per activity).';
comment on column public.reach_reports.participants is 'Number of children and young people who took part.';
comment on column public.reach_reports.girls is 'Of whom girls (at most participants).';
comment on column public.reach_reports.disadvantaged is 'Of whom from socio-economically disadvantaged families; null when not known.';
comment on column public.reach_reports.non_dutch_home_language is 'Of whom with a home language other than Dutch; null when not known.';
comment on column public.reach_reports.special_needs is 'Of whom with special educational needs; null when not known.';
comment on column public.reach_reports.reported_by is 'Who filed the report first.';
comment on column public.reach_reports.reported_at is 'When the report was first filed.';
comment on column public.reach_reports.updated_at is 'When the numbers last changed.';

create index reach_reports_reported_by_idx on public.reach_reports (reported_by);

/**
 * require_reportable_activity()
 * A report is only for an activity that is published (or cancelled after it ran) and has started.
 */
create function private.require_reportable_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	activity record;
begin
	if tg_op = 'UPDATE' and new.activity_id is distinct from old.activity_id then
		raise exception using
			errcode = 'check_violation',
			message = 'Een bereik hoort bij één activiteit.',
			hint = 'reach_reports_activity_id_fixed',
			column = 'activity_id',
			table = tg_table_name,
			schema = tg_table_schema;
	end if;

	select a.organisation_id, a.status, a.start_date into activity
	from public.activities a where a.id = new.activity_id;
	if not found then
		-- Left to the foreign key.
		return new;
	end if;
	if auth.uid() is not null and not private.is_org_member(activity.organisation_id) then
		-- Left to the policies, so that outsiders learn nothing about someone else's drafts.
		return new;
	end if;
	if activity.status = 'draft' then
		raise exception using
			errcode = 'check_violation',
			message = 'Een ontwerp heeft nog geen bereik. Publiceer de activiteit eerst.',
			hint = 'reach_reports_activity_reportable',
			constraint = 'reach_reports_activity_reportable',
			column = 'activity_id',
			table = tg_table_name,
			schema = tg_table_schema;
	elsif activity.start_date > private.today_in_belgium() then
		raise exception using
			errcode = 'check_violation',
			message = format(
				'Deze activiteit begint pas op %s. Het bereik vul je in vanaf de eerste dag.',
				to_char(activity.start_date, 'DD/MM/YYYY')
			),
			hint = 'reach_reports_activity_reportable',
			constraint = 'reach_reports_activity_reportable',
			column = 'activity_id',
			table = tg_table_name,
			schema = tg_table_schema;
	end if;
	return new;
end;
$$;

comment on function private.require_reportable_activity() is
	'Trigger: a reach report needs a published or cancelled activity that has started (start_date <= today in Belgium), and stays with its activity.';

create trigger reach_reports_require_reportable_activity
	before insert on public.reach_reports
	for each row execute function private.require_reportable_activity();

-- Forgetting who filed a report (their account is deleted: reported_by set null) is not a change of the
-- report: an activity whose start date moved since would refuse it, and the account could not go.
create trigger reach_reports_require_reportable_activity_changes
	before update on public.reach_reports
	for each row
	when ((to_jsonb(old) - 'reported_by' - 'updated_at') is distinct from (to_jsonb(new) - 'reported_by' - 'updated_at'))
	execute function private.require_reportable_activity();

create trigger reach_reports_set_updated_at
	before update on public.reach_reports
	for each row execute function private.set_updated_at();

/**
 * activity_organisation(activity)
 * The academy an activity belongs to, for the policies below, which only ask whether the caller is one of
 * its members: so it answers only the academy's own members, and null to everyone else (it never tells
 * an outsider which academy owns a draft).
 */
create function private.activity_organisation(p_activity_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
	select a.organisation_id
	from public.activities a
	where a.id = p_activity_id and a.organisation_id in (select private.my_organisation_ids());
$$;

comment on function private.activity_organisation(uuid) is
	'The organisation (academy) that offers the activity, when the signed-in person belongs to it; null otherwise. For policies.';

grant execute on function private.activity_organisation(uuid) to authenticated, service_role;

create policy "members can read their academy's reach reports"
	on public.reach_reports for select
	to authenticated
	using (
		exists (
			select 1 from public.activities a
			where a.id = activity_id and a.organisation_id in (select private.my_organisation_ids())
		)
	);

create policy "network staff can read every reach report"
	on public.reach_reports for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "members can file a reach report for their academy's activity"
	on public.reach_reports for insert
	to authenticated
	with check (
		private.is_org_member(private.activity_organisation(activity_id))
		and reported_by = (select auth.uid())
	);

create policy "members can correct their academy's reach reports"
	on public.reach_reports for update
	to authenticated
	using (private.is_org_member(private.activity_organisation(activity_id)))
	with check (private.is_org_member(private.activity_organisation(activity_id)));

create policy "owners and admins can delete their academy's reach reports"
	on public.reach_reports for delete
	to authenticated
	using (private.is_org_admin(private.activity_organisation(activity_id)));

-- activity_id is updatable only so that an upsert on activity_id works; the trigger keeps it fixed.
revoke insert, update, delete, truncate on public.reach_reports from anon, authenticated;
grant insert (
	activity_id, participants, girls, disadvantaged, non_dutch_home_language, special_needs
) on public.reach_reports to authenticated;
grant update (
	activity_id, participants, girls, disadvantaged, non_dutch_home_language, special_needs
) on public.reach_reports to authenticated;
grant delete on public.reach_reports to authenticated;

revoke execute on all functions in schema private from public;
