-- Requests: what an academy lacks (a venue, volunteers, materials, funding, expertise), how much, when
-- and where; open -> in progress -> fulfilled or closed.

/**
 * requests
 * An academy's request. Open and in-progress ones are public (anon too); the academy's members see, add
 * and edit all of theirs; owners and admins delete; network staff read all.
 */
create table public.requests (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	kind text not null,
	title text not null,
	description text not null default '',
	quantity text,
	people integer,
	amount_eur numeric(10, 2),
	municipality_nis text not null references public.municipalities (nis),
	lat double precision not null,
	lng double precision not null,
	domains text[] not null default '{}',
	age_min integer,
	age_max integer,
	needed_from date,
	needed_until date,
	deadline date,
	status text not null default 'open',
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint requests_kind_known check (kind in ('venue', 'volunteers', 'materials', 'funding', 'expertise')),
	constraint requests_title_length check (char_length(title) between 3 and 140),
	constraint requests_title_trimmed check (title = btrim(title, E' \t\r\n')),
	constraint requests_description_length check (char_length(description) <= 5000),
	constraint requests_quantity_length check (char_length(quantity) <= 200),
	constraint requests_people_positive check (people > 0),
	constraint requests_amount_positive check (amount_eur > 0),
	constraint requests_point_in_belgium check (lat between 49 and 52 and lng between 2 and 7),
	constraint requests_domains_known check (
		domains <@ array[
			'techniek', 'programmeren', 'natuur', 'sterrenkunde', 'wiskunde_natuurwetenschappen',
			'life_sciences', 'andere'
		]::text[]
		and array_position(domains, null) is null
	),
	constraint requests_domains_distinct check (private.has_distinct_elements(domains)),
	constraint requests_ages_in_range check (
		(age_min is null or age_min between 2 and 25)
		and (age_max is null or age_max between 2 and 25)
		and (age_min is null or age_max is null or age_min <= age_max)
	),
	constraint requests_needed_until_not_before_from check (needed_until >= needed_from),
	constraint requests_status_known check (status in ('open', 'in_progress', 'fulfilled', 'closed'))
);

alter table public.requests enable row level security;

comment on table public.requests is
	'What an academy asks for: a venue, volunteers, materials, funding or expertise. Open and in-progress ones are read by everyone; the academy''s members see, add and edit all of theirs; owners and admins delete; network staff read all; the other party of an agreement reads it too. Status: open -> in_progress -> fulfilled | closed, open -> closed, in_progress -> open; fulfilled and closed are final.';
comment on column public.requests.id is 'Identifier. A creating form may choose it up front, which makes sending the form twice harmless.';
comment on column public.requests.organisation_id is 'The academy that asks; fixed once created.';
comment on column public.requests.kind is 'venue, volunteers, materials, funding or expertise. Fixed once created.';
comment on column public.requests.title is 'Title, 3 to 140 characters, trimmed.';
comment on column public.requests.description is 'Plain text description, at most 5000 characters. Never HTML.';
comment on column public.requests.quantity is 'How much, in words ("16 kinderen", "2 mentoren"), at most 200 characters.';
comment on column public.requests.people is 'How many people (volunteers, mentors) or participants, more than 0.';
comment on column public.requests.amount_eur is 'Funding: the amount asked in euro, more than 0.';
comment on column public.requests.municipality_nis is 'Where it is needed; only a current municipality can be chosen.';
comment on column public.requests.lat is 'Latitude (WGS84): the exact place, or the municipality''s centroid when none was given.';
comment on column public.requests.lng is 'Longitude (WGS84): the exact place, or the municipality''s centroid when none was given.';
comment on column public.requests.domains is 'STEM domains it is about (issue 3 vocabulary).';
comment on column public.requests.age_min is 'Youngest participants (2 to 25); null when any.';
comment on column public.requests.age_max is 'Oldest participants (2 to 25); null when any.';
comment on column public.requests.needed_from is 'First day it is needed; null when not tied to dates.';
comment on column public.requests.needed_until is 'Last day it is needed, not before needed_from.';
comment on column public.requests.deadline is 'Answer wanted before this day; null when none.';
comment on column public.requests.status is 'open, in_progress (an agreement was accepted), fulfilled or closed (both final).';
comment on column public.requests.created_by is 'Who created it.';
comment on column public.requests.created_at is 'When it was created.';
comment on column public.requests.updated_at is 'When it last changed.';

create index requests_organisation_id_idx on public.requests (organisation_id);
create index requests_kind_idx on public.requests (kind);
create index requests_status_idx on public.requests (status);
create index requests_municipality_nis_idx on public.requests (municipality_nis);
create index requests_domains_idx on public.requests using gin (domains);
create index requests_created_by_idx on public.requests (created_by);
-- Geo: a bounding box on (lat, lng) among the open requests of one kind, then the exact distance.
create index requests_live_kind_lat_lng_idx on public.requests (kind, lat, lng)
	where status in ('open', 'in_progress');
create index requests_earth_idx on public.requests using gist (extensions.ll_to_earth(lat, lng));

/**
 * normalise_request()
 * Trims the texts people type; empty optional fields become none.
 */
create function private.normalise_request()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.title := btrim(new.title, E' \t\r\n');
	new.description := btrim(replace(coalesce(new.description, ''), E'\r\n', E'\n'), E' \t\r\n');
	new.quantity := nullif(btrim(new.quantity, E' \t\r\n'), '');
	new.domains := coalesce(new.domains, '{}');
	return new;
end;
$$;

comment on function private.normalise_request() is
	'Trigger: trims title, description and quantity; an empty quantity becomes null.';

/**
 * validate_request()
 * The rules people can break by typing, in Dutch, before the check constraints; and the status: a
 * fulfilled or closed request is final.
 */
create function private.validate_request()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'UPDATE' and old.status in ('fulfilled', 'closed') then
		perform private.raise_rule('requests_status_transition', 'status',
			'Deze vraag is afgesloten en kan niet meer veranderen.', tg_table_name);
	elsif tg_op = 'UPDATE' and new.status is distinct from old.status and not (
		(old.status = 'open' and new.status in ('in_progress', 'closed'))
		or (old.status = 'in_progress' and new.status in ('open', 'fulfilled', 'closed'))
	) then
		perform private.raise_rule('requests_status_transition', 'status',
			'Een open vraag wordt eerst in behandeling genomen voor ze vervuld is.', tg_table_name);
	elsif tg_op = 'INSERT' and new.status not in ('open', 'closed') then
		perform private.raise_rule('requests_status_transition', 'status',
			'Een nieuwe vraag is open.', tg_table_name);
	end if;

	if new.people is not null and new.people <= 0 then
		perform private.raise_rule('requests_people_positive', 'people',
			'Het aantal mensen moet groter zijn dan 0.', tg_table_name);
	elsif new.amount_eur is not null and new.amount_eur <= 0 then
		perform private.raise_rule('requests_amount_positive', 'amount_eur',
			'Het bedrag moet groter zijn dan 0.', tg_table_name);
	elsif new.needed_from is not null and new.needed_until is not null
		and new.needed_until < new.needed_from then
		perform private.raise_rule('requests_needed_until_not_before_from', 'needed_until',
			'De einddatum mag niet voor de begindatum liggen.', tg_table_name);
	elsif new.age_min is not null and new.age_max is not null and new.age_min > new.age_max then
		perform private.raise_rule('requests_ages_in_range', 'age_max',
			'De maximumleeftijd mag niet lager zijn dan de minimumleeftijd.', tg_table_name);
	end if;
	return new;
end;
$$;

comment on function private.validate_request() is
	'Trigger: status transitions (fulfilled and closed final), positive people and amount, needed_until not before needed_from, ages in order; Dutch messages (23514).';

create trigger requests_normalise
	before insert or update on public.requests
	for each row execute function private.normalise_request();

create trigger requests_validate
	before insert on public.requests
	for each row execute function private.validate_request();

-- Forgetting who made a request (their account is deleted: created_by set null) is not a change of the
-- request: a closed one would refuse it ("kan niet meer veranderen"), and the account could not go.
create trigger requests_validate_changes
	before update on public.requests
	for each row
	when ((to_jsonb(old) - 'created_by' - 'updated_at') is distinct from (to_jsonb(new) - 'created_by' - 'updated_at'))
	execute function private.validate_request();

create trigger requests_set_updated_at
	before update on public.requests
	for each row execute function private.set_updated_at();

create trigger requests_require_current_municipality
	before insert or update of municipality_nis on public.requests
	for each row execute function private.require_current_municipality('municipality_nis');

create trigger requests_fill_point
	before insert or update on public.requests
	for each row execute function private.fill_point_from_municipality();

create trigger requests_require_academy
	before insert or update of organisation_id on public.requests
	for each row execute function private.require_academy('Enkel een academie kan iets vragen.');

create trigger requests_organisation_fixed
	before update of organisation_id on public.requests
	for each row execute function private.keep_column_unchanged(
		'organisation_id', 'Een vraag blijft bij de academie die ze aanmaakte.'
	);

create trigger requests_kind_fixed
	before update of kind on public.requests
	for each row execute function private.keep_column_unchanged(
		'kind', 'De soort van een vraag ligt vast: maak een nieuwe vraag aan.'
	);

/**
 * request_organisation(request)
 * The academy a request belongs to, for policies, which only ask whether the caller is one of its members:
 * so it answers only the academy's own members, and null to everyone else (it never tells an outsider
 * which academy made a closed request).
 */
create function private.request_organisation(p_request_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
	select r.organisation_id
	from public.requests r
	where r.id = p_request_id and r.organisation_id in (select private.my_organisation_ids());
$$;

comment on function private.request_organisation(uuid) is
	'The organisation (academy) that made the request, when the signed-in person belongs to it; null otherwise. For policies.';

grant execute on function private.request_organisation(uuid) to authenticated, service_role;

/**
 * request_slots
 * When the academy needs it, week after week (between needed_from and needed_until).
 */
create table public.request_slots (
	id uuid primary key default gen_random_uuid(),
	request_id uuid not null references public.requests (id) on delete cascade,
	weekday integer not null,
	starts_at time not null,
	ends_at time not null,
	constraint request_slots_weekday_range check (weekday between 1 and 7),
	constraint request_slots_ends_after_start check (ends_at > starts_at),
	constraint request_slots_no_duplicates unique (request_id, weekday, starts_at)
);

alter table public.request_slots enable row level security;

comment on table public.request_slots is
	'Weekly moments a request is for: weekday and hours. Readable whenever the request is; written by the academy''s members.';
comment on column public.request_slots.id is 'Identifier.';
comment on column public.request_slots.request_id is 'The request.';
comment on column public.request_slots.weekday is 'ISO weekday: 1 maandag ... 7 zondag.';
comment on column public.request_slots.starts_at is 'From (local time).';
comment on column public.request_slots.ends_at is 'Until (local time), after starts_at.';

create index request_slots_weekday_idx on public.request_slots (weekday);

create trigger request_slots_check
	before insert or update on public.request_slots
	for each row execute function private.check_weekly_slot();

create trigger request_slots_request_fixed
	before update of request_id on public.request_slots
	for each row execute function private.keep_column_unchanged('request_id', 'Een moment hoort bij één vraag.');

-- Policies: requests ---------------------------------------------------------------------------------

create policy "anyone can read open and in-progress requests"
	on public.requests for select
	to anon, authenticated
	using (status in ('open', 'in_progress'));

create policy "members can read all of their academy's requests"
	on public.requests for select
	to authenticated
	using (organisation_id in (select private.my_organisation_ids()));

create policy "network staff can read every request"
	on public.requests for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "members can add requests to their academy"
	on public.requests for insert
	to authenticated
	with check (private.is_org_member(organisation_id) and created_by = (select auth.uid()));

create policy "members can edit their academy's requests"
	on public.requests for update
	to authenticated
	using (private.is_org_member(organisation_id))
	with check (private.is_org_member(organisation_id));

create policy "owners and admins can delete their academy's requests"
	on public.requests for delete
	to authenticated
	using (private.is_org_admin(organisation_id));

revoke insert, update, delete, truncate on public.requests from anon, authenticated;
grant insert (
	id, organisation_id, kind, title, description, quantity, people, amount_eur, municipality_nis, lat, lng,
	domains, age_min, age_max, needed_from, needed_until, deadline, status
) on public.requests to authenticated;
grant update (
	title, description, quantity, people, amount_eur, municipality_nis, lat, lng, domains, age_min, age_max,
	needed_from, needed_until, deadline, status
) on public.requests to authenticated;
grant delete on public.requests to authenticated;

-- Policies: request_slots ----------------------------------------------------------------------------

create policy "anyone can read the slots of a request they can read"
	on public.request_slots for select
	to anon, authenticated
	using (exists (select 1 from public.requests r where r.id = request_id));

create policy "members can add slots to their academy's requests"
	on public.request_slots for insert
	to authenticated
	with check (private.is_org_member(private.request_organisation(request_id)));

create policy "members can change slots of their academy's requests"
	on public.request_slots for update
	to authenticated
	using (private.is_org_member(private.request_organisation(request_id)))
	with check (private.is_org_member(private.request_organisation(request_id)));

create policy "members can remove slots of their academy's requests"
	on public.request_slots for delete
	to authenticated
	using (private.is_org_member(private.request_organisation(request_id)));

revoke insert, update, delete, truncate on public.request_slots from anon, authenticated;
grant insert (request_id, weekday, starts_at, ends_at) on public.request_slots to authenticated;
grant update (weekday, starts_at, ends_at) on public.request_slots to authenticated;
grant delete on public.request_slots to authenticated;

revoke execute on all functions in schema private from public;
