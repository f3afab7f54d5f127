-- Activities: what an academy offers, when, where, for whom and at what price; draft, published or
-- cancelled; and the reach report of each.

/**
 * activities
 * An academy's offer. Published and cancelled ones are public; drafts only for the academy's members and
 * network staff. Any member of the academy creates and edits them; owners and admins delete drafts.
 */
create table public.activities (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	title text not null,
	description text not null default '',
	domains text[] not null,
	format text not null,
	age_min integer not null,
	age_max integer not null,
	start_date date not null,
	end_date date not null,
	session_count integer not null default 1,
	venue_name text,
	venue_address text,
	municipality_nis text not null references public.municipalities (nis),
	lat double precision not null,
	lng double precision not null,
	capacity integer,
	price_eur numeric(8, 2) not null default 0,
	reduced_price_eur numeric(8, 2),
	registration_url text,
	status text not null default 'draft',
	published_at timestamptz,
	cancelled_at timestamptz,
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint activities_title_length check (char_length(title) between 3 and 140),
	constraint activities_title_trimmed check (title = btrim(title, E' \t\r\n')),
	constraint activities_description_length check (char_length(description) <= 5000),
	constraint activities_domains_known check (
		domains <@ array[
			'techniek', 'programmeren', 'natuur', 'sterrenkunde', 'wiskunde_natuurwetenschappen',
			'life_sciences', 'andere'
		]::text[]
		and array_position(domains, null) is null
	),
	constraint activities_domains_not_empty check (cardinality(domains) >= 1),
	constraint activities_domains_distinct check (private.has_distinct_elements(domains)),
	constraint activities_format_known check (
		format in (
			'losse_activiteit', 'korte_reeks', 'lange_reeks_semester', 'lange_reeks_jaar',
			'kamp_zonder_overnachting', 'kamp_met_overnachting'
		)
	),
	constraint activities_ages_in_range check (
		age_min between 2 and 25 and age_max between 2 and 25 and age_min <= age_max
	),
	constraint activities_end_not_before_start check (end_date >= start_date),
	constraint activities_session_count_range check (session_count between 1 and 400),
	constraint activities_venue_name_length check (char_length(venue_name) <= 160),
	constraint activities_venue_address_length check (char_length(venue_address) <= 200),
	constraint activities_point_in_belgium check (lat between 49 and 52 and lng between 2 and 7),
	constraint activities_capacity_positive check (capacity > 0),
	constraint activities_price_not_negative check (price_eur >= 0),
	constraint activities_reduced_price_not_negative check (reduced_price_eur >= 0),
	constraint activities_reduced_price_not_above_price check (reduced_price_eur <= price_eur),
	constraint activities_registration_url_format check (
		registration_url ~* '^https?://[^[:space:]]+$' and char_length(registration_url) <= 300
	),
	constraint activities_status_known check (status in ('draft', 'published', 'cancelled')),
	constraint activities_published_at_with_status check (
		(status = 'draft' and published_at is null)
		or (status = 'published' and published_at is not null)
		or status = 'cancelled'
	),
	constraint activities_cancelled_at_with_status check ((status = 'cancelled') = (cancelled_at is not null))
);

alter table public.activities enable row level security;

comment on table public.activities is
	'An academy''s activities (aanbod). Published and cancelled ones are read by everyone, drafts only by the academy''s members and network staff. Created and edited by its members; drafts deleted by its owners and admins. Status: draft -> published -> cancelled, or draft -> cancelled; never back.';
comment on column public.activities.id is
	'The activity''s key (also in the address /activiteiten/<id>). A creating form may choose it up front (a random uuid), which makes sending the form twice harmless.';
comment on column public.activities.organisation_id is 'The academy that offers it (an organisation of kind academy); fixed once created.';
comment on column public.activities.title is 'Title, 3 to 140 characters, trimmed.';
comment on column public.activities.description is 'Plain text description, at most 5000 characters. Never HTML.';
comment on column public.activities.domains is 'At least one domain: techniek, programmeren, natuur, sterrenkunde, wiskunde_natuurwetenschappen, life_sciences, andere.';
comment on column public.activities.format is 'losse_activiteit, korte_reeks, lange_reeks_semester, lange_reeks_jaar, kamp_zonder_overnachting or kamp_met_overnachting.';
comment on column public.activities.age_min is 'Youngest age it is for (2 to 25).';
comment on column public.activities.age_max is 'Oldest age it is for (2 to 25, at least age_min).';
comment on column public.activities.start_date is 'First day.';
comment on column public.activities.end_date is 'Last day (the start date for a single activity).';
comment on column public.activities.session_count is 'Number of sessions, 1 to 400.';
comment on column public.activities.venue_name is 'Where it takes place (name of the place), at most 160 characters.';
comment on column public.activities.venue_address is 'Address of the venue, at most 200 characters.';
comment on column public.activities.municipality_nis is 'Municipality of the venue (NIS code); only a current municipality can be chosen.';
comment on column public.activities.lat is 'Latitude (WGS84) of the venue, or the municipality''s centroid when none was given.';
comment on column public.activities.lng is 'Longitude (WGS84) of the venue, or the municipality''s centroid when none was given.';
comment on column public.activities.capacity is 'Maximum number of participants; null when not limited or not known.';
comment on column public.activities.price_eur is 'Price in euro for the whole activity; 0 when free.';
comment on column public.activities.reduced_price_eur is 'Reduced tariff in euro (for example for families with a low income), at most price_eur.';
comment on column public.activities.registration_url is 'Where to register: http(s) URL.';
comment on column public.activities.status is 'draft (only the academy sees it), published or cancelled. A cancelled activity stays cancelled.';
comment on column public.activities.published_at is 'When it was published (set by the database).';
comment on column public.activities.cancelled_at is 'When it was cancelled (set by the database).';
comment on column public.activities.created_by is 'Who created it.';
comment on column public.activities.created_at is 'When it was created.';
comment on column public.activities.updated_at is 'When it last changed.';

create index activities_organisation_id_idx on public.activities (organisation_id);
create index activities_municipality_nis_idx on public.activities (municipality_nis);
create index activities_status_idx on public.activities (status);
create index activities_start_date_idx on public.activities (start_date);
create index activities_format_idx on public.activities (format);
create index activities_domains_idx on public.activities using gin (domains);
create index activities_status_start_date_idx on public.activities (status, start_date);
create index activities_created_by_idx on public.activities (created_by);

/**
 * normalise_activity()
 * Trims the texts people type; empty optional fields become none.
 */
create function private.normalise_activity()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.title := btrim(new.title, E' \t\r\n');
	new.description := btrim(replace(coalesce(new.description, ''), E'\r\n', E'\n'), E' \t\r\n');
	new.venue_name := nullif(btrim(new.venue_name, E' \t\r\n'), '');
	new.venue_address := nullif(btrim(new.venue_address, E' \t\r\n'), '');
	new.registration_url := nullif(btrim(new.registration_url, E' \t\r\n'), '');
	return new;
end;
$$;

comment on function private.normalise_activity() is
	'Trigger: trims title, description, venue and registration link; empty optional fields become null.';

/**
 * follow_activity_status()
 * Keeps the status history honest: draft -> published (published_at), published -> cancelled and
 * draft -> cancelled (cancelled_at); a published activity does not return to draft and a cancelled one
 * stays cancelled.
 */
create function private.follow_activity_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' then
		if new.status = 'published' then
			new.published_at := coalesce(new.published_at, now());
		elsif new.status = 'draft' then
			new.published_at := null;
		end if;
		if new.status = 'cancelled' then
			new.cancelled_at := coalesce(new.cancelled_at, now());
		else
			new.cancelled_at := null;
		end if;
		return new;
	end if;

	if new.status is not distinct from old.status then
		return new;
	elsif old.status = 'cancelled' then
		raise exception using
			errcode = 'check_violation',
			message = 'Een geannuleerde activiteit kan niet opnieuw gepubliceerd worden.',
			hint = 'activities_status_transition',
			constraint = 'activities_status_transition',
			column = 'status',
			table = tg_table_name,
			schema = tg_table_schema;
	elsif old.status = 'published' and new.status = 'draft' then
		raise exception using
			errcode = 'check_violation',
			message = 'Een gepubliceerde activiteit kan niet terug naar ontwerp. Annuleer ze als ze niet doorgaat.',
			hint = 'activities_status_transition',
			constraint = 'activities_status_transition',
			column = 'status',
			table = tg_table_name,
			schema = tg_table_schema;
	elsif new.status = 'published' then
		new.published_at := now();
	elsif new.status = 'cancelled' then
		new.cancelled_at := now();
	end if;
	return new;
end;
$$;

comment on function private.follow_activity_status() is
	'Trigger: allows draft -> published -> cancelled and draft -> cancelled only (23514, hint activities_status_transition), and stamps published_at / cancelled_at.';

create trigger activities_normalise
	before insert or update on public.activities
	for each row execute function private.normalise_activity();

create trigger activities_follow_status
	before insert or update on public.activities
	for each row execute function private.follow_activity_status();

create trigger activities_set_updated_at
	before update on public.activities
	for each row execute function private.set_updated_at();

create trigger activities_require_current_municipality
	before insert or update of municipality_nis on public.activities
	for each row execute function private.require_current_municipality('municipality_nis');

create trigger activities_fill_point
	before insert or update on public.activities
	for each row execute function private.fill_point_from_municipality();

create trigger activities_require_academy
	before insert or update of organisation_id on public.activities
	for each row execute function private.require_academy('Enkel een academie kan activiteiten aanbieden.');

create trigger activities_organisation_fixed
	before update of organisation_id on public.activities
	for each row execute function private.keep_column_unchanged(
		'organisation_id', 'Een activiteit blijft bij de academie die ze aanmaakte.'
	);

-- Policies -------------------------------------------------------------------------------------------

create policy "anyone can read published and cancelled activities"
	on public.activities for select
	to anon, authenticated
	using (status in ('published', 'cancelled'));

create policy "members can read their academy's activities, drafts too"
	on public.activities for select
	to authenticated
	using (organisation_id in (select private.my_organisation_ids()));

create policy "network staff can read every activity"
	on public.activities for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "members can add activities to their academy"
	on public.activities for insert
	to authenticated
	with check (private.is_org_member(organisation_id) and created_by = (select auth.uid()));

create policy "members can edit their academy's activities"
	on public.activities for update
	to authenticated
	using (private.is_org_member(organisation_id))
	with check (private.is_org_member(organisation_id));

create policy "owners and admins can delete their academy's drafts"
	on public.activities for delete
	to authenticated
	using (status = 'draft' and private.is_org_admin(organisation_id));

-- The status timestamps, the creator and the timestamps are the database's to write.
revoke insert, update, delete, truncate on public.activities from anon, authenticated;
grant insert (
	id, organisation_id, title, description, domains, format, age_min, age_max, start_date, end_date,
	session_count, venue_name, venue_address, municipality_nis, lat, lng, capacity, price_eur,
	reduced_price_eur, registration_url, status
) on public.activities to authenticated;
grant update (
	title, description, domains, format, age_min, age_max, start_date, end_date, session_count,
	venue_name, venue_address, municipality_nis, lat, lng, capacity, price_eur, reduced_price_eur,
	registration_url, status
) on public.activities to authenticated;
grant delete on public.activities to authenticated;

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
