-- The exchange's two sides: offers and requests, each with its weekly slots, and the functions that save
-- one with its slots in one call.
--
-- Offers: what schools lend (rooms, with weekly slots within term dates and days off) and what companies
-- pledge (volunteers, materials, funding, visits, expertise), and the area each serves.

create extension if not exists cube with schema extensions;
create extension if not exists earthdistance with schema extensions;
create extension if not exists btree_gist with schema extensions;

/**
 * offers
 * A school's room or a company's pledge. Active ones are public (anon too); members of the organisation
 * see and edit all of theirs; network staff read all. Owners and admins delete.
 */
create table public.offers (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	kind text not null,
	title text not null,
	description text not null default '',
	status text not null default 'active',
	municipality_nis text not null references public.municipalities (nis),
	lat double precision not null,
	lng double precision not null,
	radius_km integer,
	area_municipalities text[] not null default '{}',
	domains text[] not null default '{}',
	age_min integer,
	age_max integer,
	room_type text,
	capacity integer,
	equipment text,
	accessible boolean,
	conditions text[] not null default '{}',
	fee_eur numeric(8, 2),
	term_start date,
	term_end date,
	people integer,
	hours_per_year integer,
	materials text,
	quantity integer,
	amount_eur numeric(10, 2),
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint offers_kind_known check (
		kind in ('room', 'volunteers', 'materials', 'funding', 'visit', 'expertise')
	),
	constraint offers_title_length check (char_length(title) between 3 and 140),
	constraint offers_title_trimmed check (title = btrim(title, E' \t\r\n')),
	constraint offers_description_length check (char_length(description) <= 5000),
	constraint offers_status_known check (status in ('active', 'paused', 'withdrawn')),
	constraint offers_point_in_belgium check (lat between 49 and 52 and lng between 2 and 7),
	constraint offers_radius_range check (radius_km between 1 and 200),
	constraint offers_area_given check (radius_km is not null or cardinality(area_municipalities) >= 1),
	constraint offers_area_municipalities_distinct check (
		private.has_distinct_elements(area_municipalities) and array_position(area_municipalities, null) is null
	),
	constraint offers_domains_known check (
		domains <@ array[
			'techniek', 'programmeren', 'natuur', 'sterrenkunde', 'wiskunde_natuurwetenschappen',
			'life_sciences', 'andere'
		]::text[]
		and array_position(domains, null) is null
	),
	constraint offers_domains_distinct check (private.has_distinct_elements(domains)),
	constraint offers_ages_in_range check (
		(age_min is null or age_min between 2 and 25)
		and (age_max is null or age_max between 2 and 25)
		and (age_min is null or age_max is null or age_min <= age_max)
	),
	constraint offers_room_type_known check (
		room_type in (
			'klaslokaal', 'labo_wetenschappen', 'ict_lokaal', 'werkplaats_makerspace', 'sporthal', 'aula',
			'andere'
		)
	),
	constraint offers_capacity_positive check (capacity > 0),
	constraint offers_equipment_length check (char_length(equipment) <= 1000),
	constraint offers_conditions_known check (
		conditions <@ array['gratis', 'vergoeding', 'verzekering_nodig']::text[]
		and array_position(conditions, null) is null
	),
	constraint offers_conditions_distinct check (private.has_distinct_elements(conditions)),
	constraint offers_fee_not_negative check (fee_eur >= 0),
	constraint offers_term_end_not_before_start check (term_end >= term_start),
	constraint offers_people_positive check (people > 0),
	constraint offers_hours_per_year_positive check (hours_per_year > 0),
	constraint offers_materials_length check (char_length(materials) <= 1000),
	constraint offers_quantity_positive check (quantity > 0),
	constraint offers_amount_positive check (amount_eur > 0),
	constraint offers_room_fields_only_for_rooms check (
		kind = 'room' or (
			room_type is null and capacity is null and equipment is null and accessible is null
			and cardinality(conditions) = 0 and fee_eur is null and term_start is null and term_end is null
		)
	),
	constraint offers_pledge_fields_not_for_rooms check (
		kind <> 'room' or (
			people is null and hours_per_year is null and materials is null and quantity is null
			and amount_eur is null
		)
	),
	constraint offers_room_complete check (
		kind <> 'room' or (
			room_type is not null and capacity is not null and term_start is not null and term_end is not null
		)
	),
	constraint offers_volunteers_complete check (kind <> 'volunteers' or people is not null),
	constraint offers_materials_complete check (kind <> 'materials' or materials is not null),
	constraint offers_funding_complete check (kind <> 'funding' or amount_eur is not null)
);

alter table public.offers enable row level security;

comment on table public.offers is
	'What an organisation offers: a school''s room (kind room, schools and partners) or a company''s pledge (volunteers, materials, funding, visit, expertise; companies and partners). Active ones are read by everyone; the organisation''s members see, add and edit all of theirs; owners and admins delete; network staff read all.';
comment on column public.offers.id is 'Identifier. A creating form may choose it up front, which makes sending the form twice harmless.';
comment on column public.offers.organisation_id is 'The school, company or partner that offers it; fixed once created.';
comment on column public.offers.kind is 'room, volunteers, materials, funding, visit (company visit or workshop) or expertise. Fixed once created.';
comment on column public.offers.title is 'Title, 3 to 140 characters, trimmed.';
comment on column public.offers.description is 'Plain text description, at most 5000 characters. Never HTML.';
comment on column public.offers.status is 'active (public, matched), paused or withdrawn (only the organisation sees it).';
comment on column public.offers.municipality_nis is 'Where the offer is (the room, the company); only a current municipality can be chosen.';
comment on column public.offers.lat is 'Latitude (WGS84): the exact place, or the municipality''s centroid when none was given.';
comment on column public.offers.lng is 'Longitude (WGS84): the exact place, or the municipality''s centroid when none was given.';
comment on column public.offers.radius_km is 'The area served: requests within this many km (1 to 200). Either this or area_municipalities (or both).';
comment on column public.offers.area_municipalities is 'The area served: these current municipalities (NIS codes). Either this or radius_km (or both).';
comment on column public.offers.domains is 'STEM domains it suits (issue 3 vocabulary); empty when any.';
comment on column public.offers.age_min is 'Youngest age it suits (2 to 25); null when any.';
comment on column public.offers.age_max is 'Oldest age it suits (2 to 25); null when any.';
comment on column public.offers.room_type is 'Rooms only (required there): klaslokaal, labo_wetenschappen, ict_lokaal, werkplaats_makerspace, sporthal, aula or andere.';
comment on column public.offers.capacity is 'Rooms only (required there): how many people it holds, more than 0.';
comment on column public.offers.equipment is 'Rooms only: equipment, at most 1000 characters.';
comment on column public.offers.accessible is 'Rooms only: wheelchair accessible; null when not known.';
comment on column public.offers.conditions is 'Rooms only: gratis, vergoeding, verzekering_nodig.';
comment on column public.offers.fee_eur is 'Rooms only: the fee in euro, 0 or more.';
comment on column public.offers.term_start is 'Rooms only (required there): first day the weekly slots apply.';
comment on column public.offers.term_end is 'Rooms only (required there): last day the weekly slots apply, not before term_start.';
comment on column public.offers.people is 'Pledges: how many people (volunteers, mentors), more than 0; required for volunteers.';
comment on column public.offers.hours_per_year is 'Pledges: hours per year, more than 0.';
comment on column public.offers.materials is 'Pledges: which materials, at most 1000 characters; required for materials.';
comment on column public.offers.quantity is 'Pledges: how many items, more than 0.';
comment on column public.offers.amount_eur is 'Funding: the amount in euro, more than 0; required for funding.';
comment on column public.offers.created_by is 'Who created it.';
comment on column public.offers.created_at is 'When it was created.';
comment on column public.offers.updated_at is 'When it last changed.';

create index offers_organisation_id_idx on public.offers (organisation_id);
create index offers_kind_idx on public.offers (kind);
create index offers_status_idx on public.offers (status);
create index offers_municipality_nis_idx on public.offers (municipality_nis);
create index offers_domains_idx on public.offers using gin (domains);
create index offers_area_municipalities_idx on public.offers using gin (area_municipalities);
create index offers_created_by_idx on public.offers (created_by);
-- Geo: a bounding box on (lat, lng) among the active offers of one kind, then the exact distance.
create index offers_active_kind_lat_lng_idx on public.offers (kind, lat, lng) where status = 'active';
create index offers_earth_idx on public.offers using gist (extensions.ll_to_earth(lat, lng));

/**
 * normalise_offer()
 * Trims the texts people type; empty optional fields become none.
 */
create function private.normalise_offer()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.title := btrim(new.title, E' \t\r\n');
	new.description := btrim(replace(coalesce(new.description, ''), E'\r\n', E'\n'), E' \t\r\n');
	new.equipment := nullif(btrim(new.equipment, E' \t\r\n'), '');
	new.materials := nullif(btrim(new.materials, E' \t\r\n'), '');
	new.area_municipalities := coalesce(new.area_municipalities, '{}');
	new.domains := coalesce(new.domains, '{}');
	new.conditions := coalesce(new.conditions, '{}');
	return new;
end;
$$;

comment on function private.normalise_offer() is
	'Trigger: trims title, description, equipment and materials; empty optional texts become null.';

/**
 * validate_offer()
 * The rules people can break by typing, in Dutch, before the check constraints (which stay as the
 * backstop): which organisation may offer what, amounts and capacity, dates, area.
 */
create function private.validate_offer()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	organisation_kind text;
	unknown text;
begin
	select o.kind into organisation_kind from public.organisations o where o.id = new.organisation_id;
	if found and new.kind = 'room' and organisation_kind not in ('school', 'partner') then
		perform private.raise_rule('offers_kind_for_organisation', 'kind',
			'Enkel een school of partner kan een lokaal aanbieden.', tg_table_name);
	elsif found and new.kind <> 'room' and organisation_kind not in ('company', 'partner') then
		perform private.raise_rule('offers_kind_for_organisation', 'kind',
			'Enkel een bedrijf of partner kan mensen, materiaal, geld, een bezoek of expertise aanbieden.',
			tg_table_name);
	end if;

	if new.capacity is not null and new.capacity <= 0 then
		perform private.raise_rule('offers_capacity_positive', 'capacity',
			'De capaciteit moet groter zijn dan 0.', tg_table_name);
	elsif new.fee_eur is not null and new.fee_eur < 0 then
		perform private.raise_rule('offers_fee_not_negative', 'fee_eur',
			'De vergoeding kan niet negatief zijn.', tg_table_name);
	elsif new.amount_eur is not null and new.amount_eur <= 0 then
		perform private.raise_rule('offers_amount_positive', 'amount_eur',
			'Het bedrag moet groter zijn dan 0.', tg_table_name);
	elsif new.people is not null and new.people <= 0 then
		perform private.raise_rule('offers_people_positive', 'people',
			'Het aantal mensen moet groter zijn dan 0.', tg_table_name);
	elsif new.hours_per_year is not null and new.hours_per_year <= 0 then
		perform private.raise_rule('offers_hours_per_year_positive', 'hours_per_year',
			'Het aantal uren per jaar moet groter zijn dan 0.', tg_table_name);
	elsif new.quantity is not null and new.quantity <= 0 then
		perform private.raise_rule('offers_quantity_positive', 'quantity',
			'Het aantal moet groter zijn dan 0.', tg_table_name);
	elsif new.term_start is not null and new.term_end is not null and new.term_end < new.term_start then
		perform private.raise_rule('offers_term_end_not_before_start', 'term_end',
			'De einddatum mag niet voor de begindatum liggen.', tg_table_name);
	elsif new.radius_km is not null and new.radius_km not between 1 and 200 then
		perform private.raise_rule('offers_radius_range', 'radius_km',
			'De straal ligt tussen 1 en 200 km.', tg_table_name);
	elsif new.radius_km is null and cardinality(new.area_municipalities) = 0 then
		perform private.raise_rule('offers_area_given', 'radius_km',
			'Kies een straal in km of de gemeenten die je bedient.', tg_table_name);
	elsif new.age_min is not null and new.age_max is not null and new.age_min > new.age_max then
		perform private.raise_rule('offers_ages_in_range', 'age_max',
			'De maximumleeftijd mag niet lager zijn dan de minimumleeftijd.', tg_table_name);
	end if;

	if tg_op = 'INSERT' or new.area_municipalities is distinct from old.area_municipalities then
		select string_agg(chosen.nis, ', ') into unknown
		from unnest(new.area_municipalities) as chosen (nis)
		where not exists (
			select 1 from public.municipalities m where m.nis = chosen.nis and m.valid_to is null
		);
		if unknown is not null then
			perform private.raise_rule('offers_area_municipalities_current', 'area_municipalities',
				format('Kies enkel huidige gemeenten (niet: %s).', unknown), tg_table_name);
		end if;
	end if;
	return new;
end;
$$;

comment on function private.validate_offer() is
	'Trigger: rooms only for schools and partners, pledges only for companies and partners; positive capacity and amounts, a fee of 0 or more, term_end not before term_start, an area (radius 1..200 km or current municipalities); Dutch messages (23514).';

create trigger offers_normalise
	before insert or update on public.offers
	for each row execute function private.normalise_offer();

create trigger offers_validate
	before insert on public.offers
	for each row execute function private.validate_offer();

-- Forgetting who made an offer (their account is deleted: created_by set null) is not a change of the
-- offer, and is not refused by rules it may no longer meet.
create trigger offers_validate_changes
	before update on public.offers
	for each row
	when ((to_jsonb(old) - 'created_by' - 'updated_at') is distinct from (to_jsonb(new) - 'created_by' - 'updated_at'))
	execute function private.validate_offer();

create trigger offers_set_updated_at
	before update on public.offers
	for each row execute function private.set_updated_at();

create trigger offers_require_current_municipality
	before insert or update of municipality_nis on public.offers
	for each row execute function private.require_current_municipality('municipality_nis');

create trigger offers_fill_point
	before insert or update on public.offers
	for each row execute function private.fill_point_from_municipality();

create trigger offers_organisation_fixed
	before update of organisation_id on public.offers
	for each row execute function private.keep_column_unchanged(
		'organisation_id', 'Een aanbod blijft bij de organisatie die het aanmaakte.'
	);

create trigger offers_kind_fixed
	before update of kind on public.offers
	for each row execute function private.keep_column_unchanged(
		'kind', 'De soort van een aanbod ligt vast: maak een nieuw aanbod aan.'
	);

/**
 * offer_organisation(offer)
 * The organisation an offer belongs to, for policies, which only ask whether the caller is one of its
 * members: so it answers only the organisation's own members, and null to everyone else (it never tells an
 * outsider who made a paused offer).
 */
create function private.offer_organisation(p_offer_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
	select o.organisation_id
	from public.offers o
	where o.id = p_offer_id and o.organisation_id in (select private.my_organisation_ids());
$$;

comment on function private.offer_organisation(uuid) is
	'The organisation (school, company, partner) that made the offer, when the signed-in person belongs to it; null otherwise. For policies.';

grant execute on function private.offer_organisation(uuid) to authenticated, service_role;

/**
 * offer_slots
 * When a room is free, week after week, between the offer's term dates. Read with the offer; written by
 * the organisation's members.
 */
create table public.offer_slots (
	id uuid primary key default gen_random_uuid(),
	offer_id uuid not null references public.offers (id) on delete cascade,
	weekday integer not null,
	starts_at time not null,
	ends_at time not null,
	constraint offer_slots_weekday_range check (weekday between 1 and 7),
	constraint offer_slots_ends_after_start check (ends_at > starts_at),
	constraint offer_slots_no_duplicates unique (offer_id, weekday, starts_at)
);

alter table public.offer_slots enable row level security;

comment on table public.offer_slots is
	'Weekly availability of a room (or a pledge): weekday and hours, within the offer''s term dates. Readable whenever the offer is; written by the offer''s organisation''s members.';
comment on column public.offer_slots.id is 'Identifier.';
comment on column public.offer_slots.offer_id is 'The offer.';
comment on column public.offer_slots.weekday is 'ISO weekday: 1 maandag ... 7 zondag.';
comment on column public.offer_slots.starts_at is 'From (local time).';
comment on column public.offer_slots.ends_at is 'Until (local time), after starts_at.';

create index offer_slots_weekday_idx on public.offer_slots (weekday);

create trigger offer_slots_check
	before insert or update on public.offer_slots
	for each row execute function private.check_weekly_slot();

create trigger offer_slots_offer_fixed
	before update of offer_id on public.offer_slots
	for each row execute function private.keep_column_unchanged('offer_id', 'Een moment hoort bij één aanbod.');

/**
 * offer_unavailable_dates
 * Days a room is not available although a weekly slot falls on them (holidays, exams).
 */
create table public.offer_unavailable_dates (
	offer_id uuid not null references public.offers (id) on delete cascade,
	day date not null,
	primary key (offer_id, day)
);

alter table public.offer_unavailable_dates enable row level security;

comment on table public.offer_unavailable_dates is
	'Days an offer is not available (holidays, exams). Readable whenever the offer is; written by the offer''s organisation''s members.';
comment on column public.offer_unavailable_dates.offer_id is 'The offer.';
comment on column public.offer_unavailable_dates.day is 'The day it is not available.';

-- Policies: offers -----------------------------------------------------------------------------------

create policy "anyone can read active offers"
	on public.offers for select
	to anon, authenticated
	using (status = 'active');

create policy "members can read all of their organisation's offers"
	on public.offers for select
	to authenticated
	using (organisation_id in (select private.my_organisation_ids()));

create policy "network staff can read every offer"
	on public.offers for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "members can add offers to their organisation"
	on public.offers for insert
	to authenticated
	with check (private.is_org_member(organisation_id) and created_by = (select auth.uid()));

create policy "members can edit their organisation's offers"
	on public.offers for update
	to authenticated
	using (private.is_org_member(organisation_id))
	with check (private.is_org_member(organisation_id));

create policy "owners and admins can delete their organisation's offers"
	on public.offers for delete
	to authenticated
	using (private.is_org_admin(organisation_id));

revoke insert, update, delete, truncate on public.offers from anon, authenticated;
grant insert (
	id, organisation_id, kind, title, description, status, municipality_nis, lat, lng, radius_km,
	area_municipalities, domains, age_min, age_max, room_type, capacity, equipment, accessible, conditions,
	fee_eur, term_start, term_end, people, hours_per_year, materials, quantity, amount_eur
) on public.offers to authenticated;
grant update (
	title, description, status, municipality_nis, lat, lng, radius_km, area_municipalities, domains,
	age_min, age_max, room_type, capacity, equipment, accessible, conditions, fee_eur, term_start, term_end,
	people, hours_per_year, materials, quantity, amount_eur
) on public.offers to authenticated;
grant delete on public.offers to authenticated;

-- Policies: offer_slots and offer_unavailable_dates ---------------------------------------------------

create policy "anyone can read the slots of an offer they can read"
	on public.offer_slots for select
	to anon, authenticated
	using (exists (select 1 from public.offers o where o.id = offer_id));

create policy "members can add slots to their organisation's offers"
	on public.offer_slots for insert
	to authenticated
	with check (private.is_org_member(private.offer_organisation(offer_id)));

create policy "members can change slots of their organisation's offers"
	on public.offer_slots for update
	to authenticated
	using (private.is_org_member(private.offer_organisation(offer_id)))
	with check (private.is_org_member(private.offer_organisation(offer_id)));

create policy "members can remove slots of their organisation's offers"
	on public.offer_slots for delete
	to authenticated
	using (private.is_org_member(private.offer_organisation(offer_id)));

revoke insert, update, delete, truncate on public.offer_slots from anon, authenticated;
grant insert (offer_id, weekday, starts_at, ends_at) on public.offer_slots to authenticated;
grant update (weekday, starts_at, ends_at) on public.offer_slots to authenticated;
grant delete on public.offer_slots to authenticated;

create policy "anyone can read the days off of an offer they can read"
	on public.offer_unavailable_dates for select
	to anon, authenticated
	using (exists (select 1 from public.offers o where o.id = offer_id));

create policy "members can add days off to their organisation's offers"
	on public.offer_unavailable_dates for insert
	to authenticated
	with check (private.is_org_member(private.offer_organisation(offer_id)));

create policy "members can remove days off of their organisation's offers"
	on public.offer_unavailable_dates for delete
	to authenticated
	using (private.is_org_member(private.offer_organisation(offer_id)));

revoke insert, update, delete, truncate on public.offer_unavailable_dates from anon, authenticated;
grant insert (offer_id, day) on public.offer_unavailable_dates to authenticated;
grant delete on public.offer_unavailable_dates to authenticated;

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

-- Saving an offer or a request together with its weekly slots (and a room's days off) in one call: one
-- transaction, so a refused slot leaves nothing half-written. security invoker: the policies of the
-- person saving still decide, and the validation triggers still speak Dutch. The double-submit shortcut
-- only returns an id of the organisation's own offer or request; any other existing id (another
-- organisation's, readable or not) is refused with PT404 ("bestaat niet", an HTTP 404) instead of a silent
-- success or a unique violation. A save takes at most 50 weekly slots and 1000 days off, so one call
-- writes a bounded number of rows.

/**
 * replace_weekly_slots(slots table, parent column, parent, slots)
 * For save_offer() and save_request(): replaces the weekly slots of one offer or request with `slots`, a
 * JSON array of {weekday, starts_at, ends_at}. Security invoker, like its callers: the slots' policies
 * and triggers still decide.
 */
create function private.replace_weekly_slots(
	p_table text,
	p_parent_column text,
	p_parent_id uuid,
	p_slots jsonb
)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
begin
	execute format('delete from public.%I s where s.%I = $1', p_table, p_parent_column) using p_parent_id;
	execute format(
		'insert into public.%I (%I, weekday, starts_at, ends_at)
		select $1, s.weekday, s.starts_at, s.ends_at
		from jsonb_to_recordset(coalesce($2, ''[]'')) as s (weekday integer, starts_at time, ends_at time)',
		p_table, p_parent_column
	) using p_parent_id, p_slots;
end;
$$;

comment on function private.replace_weekly_slots(text, text, uuid, jsonb) is
	'Replaces the weekly slots (offer_slots or request_slots) of one offer or request with a JSON array of {weekday, starts_at, ends_at}. Security invoker; for save_offer() and save_request().';

grant execute on function private.replace_weekly_slots(text, text, uuid, jsonb) to authenticated, service_role;

/**
 * save_offer(id, organisation, offer, slots, days off, create)
 * Creates (p_create) or updates the offer p_id from p_offer (a JSON object with the offers columns a
 * member may write; kind and organisation only on create), then replaces its slots (a JSON array of
 * {weekday, starts_at, ends_at}, at most 50) and days off (at most 1000). Creating an id of an offer of
 * p_organisation_id, which the caller belongs to, returns it unchanged (the same form sent twice); any
 * other existing id, and an offer the caller cannot edit: PT404 "Dit aanbod bestaat niet.".
 */
create function public.save_offer(
	p_id uuid,
	p_organisation_id uuid,
	p_offer jsonb,
	p_slots jsonb default '[]',
	p_unavailable_dates date[] default '{}',
	p_create boolean default false
)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
	r public.offers;
begin
	if jsonb_typeof(p_slots) = 'array' and jsonb_array_length(p_slots) > 50 then
		raise exception using
			errcode = '23514', message = 'Geef hoogstens 50 wekelijkse momenten.',
			hint = 'offer_slots_at_most_50';
	elsif cardinality(p_unavailable_dates) > 1000 then
		raise exception using
			errcode = '23514', message = 'Geef hoogstens 1000 dagen waarop het niet beschikbaar is.',
			hint = 'offer_unavailable_dates_at_most_1000';
	end if;
	r := jsonb_populate_record(null::public.offers, coalesce(p_offer, '{}'));
	if p_create then
		if exists (select 1 from public.offers o where o.id = p_id and o.organisation_id = p_organisation_id)
			and private.is_org_member(p_organisation_id) then
			return p_id;
		end if;
		begin
			insert into public.offers (
				id, organisation_id, kind, title, description, status, municipality_nis, radius_km,
				area_municipalities, domains, age_min, age_max, room_type, capacity, equipment, accessible,
				conditions, fee_eur, term_start, term_end, people, hours_per_year, materials, quantity, amount_eur
			) values (
				p_id, p_organisation_id, r.kind, r.title, coalesce(r.description, ''), coalesce(r.status, 'active'),
				r.municipality_nis, r.radius_km, r.area_municipalities, r.domains, r.age_min, r.age_max,
				r.room_type, r.capacity, r.equipment, r.accessible, r.conditions, r.fee_eur, r.term_start,
				r.term_end, r.people, r.hours_per_year, r.materials, r.quantity, r.amount_eur
			);
		exception when unique_violation then
			-- The id is another organisation's offer (readable or not): never a silent success.
			raise exception using
				errcode = 'PT404', message = 'Dit aanbod bestaat niet.', hint = 'offer_not_found';
		end;
	else
		update public.offers o set
			title = r.title,
			description = coalesce(r.description, ''),
			municipality_nis = r.municipality_nis,
			radius_km = r.radius_km,
			area_municipalities = r.area_municipalities,
			domains = r.domains,
			age_min = r.age_min,
			age_max = r.age_max,
			room_type = r.room_type,
			capacity = r.capacity,
			equipment = r.equipment,
			accessible = r.accessible,
			conditions = r.conditions,
			fee_eur = r.fee_eur,
			term_start = r.term_start,
			term_end = r.term_end,
			people = r.people,
			hours_per_year = r.hours_per_year,
			materials = r.materials,
			quantity = r.quantity,
			amount_eur = r.amount_eur
		where o.id = p_id and o.organisation_id = p_organisation_id;
		if not found then
			raise exception using
				errcode = 'PT404', message = 'Dit aanbod bestaat niet.', hint = 'offer_not_found';
		end if;
	end if;

	perform private.replace_weekly_slots('offer_slots', 'offer_id', p_id, p_slots);

	delete from public.offer_unavailable_dates d where d.offer_id = p_id;
	insert into public.offer_unavailable_dates (offer_id, day)
	select distinct p_id, day from unnest(coalesce(p_unavailable_dates, '{}')) as day where day is not null;

	return p_id;
end;
$$;

comment on function public.save_offer(uuid, uuid, jsonb, jsonb, date[], boolean) is
	'Creates or updates an offer with its weekly slots (at most 50) and days off (at most 1000) in one transaction (security invoker: RLS decides; Dutch trigger messages). Creating an id of the organisation''s own offer returns it (double submit). Errors (SQLSTATE, hint): PT404 offer_not_found (another organisation''s id, or one the caller cannot edit), 23514 offer_slots_at_most_50, offer_unavailable_dates_at_most_1000 or a rule of the triggers.';

revoke execute on function public.save_offer(uuid, uuid, jsonb, jsonb, date[], boolean) from public, anon;
grant execute on function public.save_offer(uuid, uuid, jsonb, jsonb, date[], boolean) to authenticated, service_role;

/**
 * save_request(id, organisation, request, slots, create)
 * The same for an academy's request and its weekly slots (at most 50). A closed request is refused by its
 * trigger.
 */
create function public.save_request(
	p_id uuid,
	p_organisation_id uuid,
	p_request jsonb,
	p_slots jsonb default '[]',
	p_create boolean default false
)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
	r public.requests;
begin
	if jsonb_typeof(p_slots) = 'array' and jsonb_array_length(p_slots) > 50 then
		raise exception using
			errcode = '23514', message = 'Geef hoogstens 50 wekelijkse momenten.',
			hint = 'request_slots_at_most_50';
	end if;
	r := jsonb_populate_record(null::public.requests, coalesce(p_request, '{}'));
	if p_create then
		if exists (select 1 from public.requests q where q.id = p_id and q.organisation_id = p_organisation_id)
			and private.is_org_member(p_organisation_id) then
			return p_id;
		end if;
		begin
			insert into public.requests (
				id, organisation_id, kind, title, description, quantity, people, amount_eur, municipality_nis,
				domains, age_min, age_max, needed_from, needed_until, deadline
			) values (
				p_id, p_organisation_id, r.kind, r.title, coalesce(r.description, ''), r.quantity, r.people,
				r.amount_eur, r.municipality_nis, r.domains, r.age_min, r.age_max, r.needed_from, r.needed_until,
				r.deadline
			);
		exception when unique_violation then
			-- The id is another organisation's request (readable or not): never a silent success.
			raise exception using
				errcode = 'PT404', message = 'Deze vraag bestaat niet.', hint = 'request_not_found';
		end;
	else
		update public.requests q set
			title = r.title,
			description = coalesce(r.description, ''),
			quantity = r.quantity,
			people = r.people,
			amount_eur = r.amount_eur,
			municipality_nis = r.municipality_nis,
			domains = r.domains,
			age_min = r.age_min,
			age_max = r.age_max,
			needed_from = r.needed_from,
			needed_until = r.needed_until,
			deadline = r.deadline
		where q.id = p_id and q.organisation_id = p_organisation_id;
		if not found then
			raise exception using
				errcode = 'PT404', message = 'Deze vraag bestaat niet.', hint = 'request_not_found';
		end if;
	end if;

	perform private.replace_weekly_slots('request_slots', 'request_id', p_id, p_slots);

	return p_id;
end;
$$;

comment on function public.save_request(uuid, uuid, jsonb, jsonb, boolean) is
	'Creates or updates a request with its weekly slots (at most 50) in one transaction (security invoker: RLS decides; Dutch trigger messages). Creating an id of the organisation''s own request returns it (double submit). Errors (SQLSTATE, hint): PT404 request_not_found (another organisation''s id, or one the caller cannot edit), 23514 request_slots_at_most_50 or a rule of the triggers.';

revoke execute on function public.save_request(uuid, uuid, jsonb, jsonb, boolean) from public, anon;
grant execute on function public.save_request(uuid, uuid, jsonb, jsonb, boolean) to authenticated, service_role;

revoke execute on all functions in schema private from public;
