-- Starting an academy where there is none yet (issue 13): on every white spot (a current Flemish or Brussels
-- municipality without a counted academy, private.counted_academies()) people, organisations and local
-- government officers register what they can bring; everyone sees who else is interested there, network staff
-- connect them and link a leading academy that offered to coach; when an academy gets verified there, those
-- interested are told and their registrations are closed (kept as history).

/**
 * is_white_spot(nis)
 * True for a current Flemish or Brussels municipality where no counted (verified) academy has its seat.
 */
create function private.is_white_spot(p_municipality_nis text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
			select 1 from public.municipalities m
			where m.nis = p_municipality_nis and m.valid_to is null and m.region in ('VLG', 'BRU')
		)
		and not exists (
			select 1 from private.counted_academies() a where a.municipality_nis = p_municipality_nis
		);
$$;

comment on function private.is_white_spot(text) is
	'True for a current Flemish or Brussels municipality without the seat of a verified academy (a white spot).';

/**
 * starter_interests
 * One registration of interest in starting an academy in a white spot: by a person for themselves, or by an
 * organisation's admin for the organisation. One open registration per person or organisation per
 * municipality (registering again updates it); closed when an academy gets verified there.
 */
create table public.starter_interests (
	id uuid primary key default gen_random_uuid(),
	municipality_nis text not null references public.municipalities (nis),
	user_id uuid references auth.users (id) on delete cascade,
	organisation_id uuid references public.organisations (id) on delete cascade,
	registered_by uuid default auth.uid() references auth.users (id) on delete set null,
	role text not null,
	offers text[] not null default '{}',
	note text not null default '',
	shown_as text not null default 'anonymous',
	closed_at timestamptz,
	closed_by_academy_id uuid references public.organisations (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint starter_interests_one_registrant check ((user_id is null) <> (organisation_id is null)),
	constraint starter_interests_role_known check (role in ('officer', 'organisation', 'person')),
	constraint starter_interests_role_fits check (
		(role <> 'person' or user_id is not null) and (role <> 'organisation' or organisation_id is not null)
	),
	constraint starter_interests_offers_known check (
		offers <@ array['coordinator', 'room', 'volunteers', 'money', 'school_lab']::text[]
	),
	constraint starter_interests_note_length check (char_length(note) <= 500),
	constraint starter_interests_shown_as_known check (shown_as in ('name', 'organisation', 'anonymous')),
	constraint starter_interests_shown_as_fits check (
		(shown_as <> 'name' or user_id is not null)
		and (shown_as <> 'organisation' or organisation_id is not null)
	)
);

alter table public.starter_interests enable row level security;

comment on table public.starter_interests is
	'Interest in starting a STEM academy in a white spot: who (a person, or an organisation registered by its admin), as what (officer of the local government, organisation, person), what they can bring and how their name shows to others. Read by the person, their organisation''s admins and network staff; others see the open ones through starter_interest_board() with names as each chose. Closed (kept) when an academy gets verified there.';
comment on column public.starter_interests.municipality_nis is 'The white spot (NIS code of a current municipality).';
comment on column public.starter_interests.user_id is 'The person registered for themselves (null for an organisation''s registration).';
comment on column public.starter_interests.organisation_id is 'The organisation registered by one of its admins (null for a person''s registration).';
comment on column public.starter_interests.registered_by is 'Who registered it (for an organisation: the admin).';
comment on column public.starter_interests.role is 'officer (local government), organisation or person.';
comment on column public.starter_interests.offers is 'What they can bring: coordinator, room, volunteers, money, school_lab.';
comment on column public.starter_interests.note is 'A short free text (at most 500 characters), for network staff and the registrant.';
comment on column public.starter_interests.shown_as is 'How others see it: name (the person''s name), organisation (its name) or anonymous ("iemand").';
comment on column public.starter_interests.closed_at is 'When an academy got verified there (the registration stays as history).';
comment on column public.starter_interests.closed_by_academy_id is 'The academy whose verification closed it.';

create unique index starter_interests_person_once
	on public.starter_interests (municipality_nis, user_id)
	where closed_at is null and user_id is not null;
create unique index starter_interests_organisation_once
	on public.starter_interests (municipality_nis, organisation_id)
	where closed_at is null and organisation_id is not null;
create index starter_interests_user_id_idx on public.starter_interests (user_id);
create index starter_interests_organisation_id_idx on public.starter_interests (organisation_id);
create index starter_interests_registered_by_idx on public.starter_interests (registered_by);
create index starter_interests_closed_by_academy_id_idx on public.starter_interests (closed_by_academy_id);
create index starter_interests_open_idx on public.starter_interests (municipality_nis) where closed_at is null;

create policy "people can read their own interest registrations"
	on public.starter_interests for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "admins can read their organisation's interest registrations"
	on public.starter_interests for select
	to authenticated
	using (organisation_id is not null and private.is_org_admin(organisation_id));

create policy "network staff can read every interest registration"
	on public.starter_interests for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "people can register their own interest in a white spot"
	on public.starter_interests for insert
	to authenticated
	with check (
		user_id = (select auth.uid()) and organisation_id is null and closed_at is null
		and private.is_white_spot(municipality_nis)
	);

create policy "admins can register their organisation's interest in a white spot"
	on public.starter_interests for insert
	to authenticated
	with check (
		user_id is null and organisation_id is not null and private.is_org_admin(organisation_id)
		and closed_at is null and private.is_white_spot(municipality_nis)
	);

create policy "registrants can change their open registration"
	on public.starter_interests for update
	to authenticated
	using (
		closed_at is null
		and (user_id = (select auth.uid()) or (organisation_id is not null and private.is_org_admin(organisation_id)))
	)
	with check (
		closed_at is null
		and (user_id = (select auth.uid()) or (organisation_id is not null and private.is_org_admin(organisation_id)))
	);

create policy "registrants can withdraw their registration"
	on public.starter_interests for delete
	to authenticated
	using (user_id = (select auth.uid()) or (organisation_id is not null and private.is_org_admin(organisation_id)));

revoke all on public.starter_interests from anon, authenticated;
grant select, delete on public.starter_interests to authenticated;
grant insert (municipality_nis, user_id, organisation_id, role, offers, note, shown_as)
	on public.starter_interests to authenticated;
grant update (role, offers, note, shown_as, updated_at) on public.starter_interests to authenticated;

/**
 * starter_connections
 * Network staff's follow-up of a registration: marked connected (put in touch with the others there), by
 * whom and when, with a note only staff read.
 */
create table public.starter_connections (
	interest_id uuid primary key references public.starter_interests (id) on delete cascade,
	note text not null default '',
	connected_by uuid default auth.uid() references auth.users (id) on delete set null,
	connected_at timestamptz not null default now(),
	constraint starter_connections_note_length check (char_length(note) <= 1000)
);

alter table public.starter_connections enable row level security;

comment on table public.starter_connections is
	'A registration of interest that network staff marked connected, with who did it, when and a staff note. Only network staff read and write it.';
comment on column public.starter_connections.note is 'Network staff''s note (at most 1000 characters).';
comment on column public.starter_connections.connected_by is 'The staff member who marked it connected.';
comment on column public.starter_connections.connected_at is 'When it was marked connected.';

create index starter_connections_connected_by_idx on public.starter_connections (connected_by);

create policy "network staff can read the connections"
	on public.starter_connections for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "network staff can mark registrations connected"
	on public.starter_connections for insert
	to authenticated
	with check ((select public.is_network_staff()));

create policy "network staff can change a connection's note"
	on public.starter_connections for update
	to authenticated
	using ((select public.is_network_staff()))
	with check ((select public.is_network_staff()));

create policy "network staff can undo a connection"
	on public.starter_connections for delete
	to authenticated
	using ((select public.is_network_staff()));

revoke all on public.starter_connections from anon, authenticated;
grant select, delete on public.starter_connections to authenticated;
grant insert (interest_id, note) on public.starter_connections to authenticated;
grant update (note, connected_at, connected_by) on public.starter_connections to authenticated;

/**
 * academy_coaching_offers
 * A verified academy offers to coach starting academies, optionally only in chosen provinces (as the
 * published tables name them; none chosen: anywhere).
 */
create table public.academy_coaching_offers (
	organisation_id uuid primary key references public.organisations (id) on delete cascade,
	provinces text[] not null default '{}',
	note text not null default '',
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint academy_coaching_offers_provinces_known check (
		provinces <@ array['Antwerpen', 'Limburg', 'Oost-Vlaanderen', 'Vlaams-Brabant', 'West-Vlaanderen', 'Brussel']::text[]
	),
	constraint academy_coaching_offers_note_length check (char_length(note) <= 500)
);

alter table public.academy_coaching_offers enable row level security;

comment on table public.academy_coaching_offers is
	'A verified academy''s offer to coach academies that start elsewhere: in which provinces (empty: anywhere) and a short note. Public; written by the academy''s owners and admins.';
comment on column public.academy_coaching_offers.provinces is 'Provinces it coaches in, as published (Antwerpen ... Brussel); empty: anywhere.';
comment on column public.academy_coaching_offers.note is 'What the academy offers (at most 500 characters).';

create index academy_coaching_offers_created_by_idx on public.academy_coaching_offers (created_by);

create policy "anyone can read the coaching offers"
	on public.academy_coaching_offers for select
	to anon, authenticated
	using (true);

create policy "admins of a verified academy can offer coaching"
	on public.academy_coaching_offers for insert
	to authenticated
	with check (
		private.is_org_admin(organisation_id)
		and exists (select 1 from private.counted_academies() a where a.id = organisation_id)
	);

create policy "admins can change their academy's coaching offer"
	on public.academy_coaching_offers for update
	to authenticated
	using (private.is_org_admin(organisation_id))
	with check (private.is_org_admin(organisation_id));

create policy "admins can withdraw their academy's coaching offer"
	on public.academy_coaching_offers for delete
	to authenticated
	using (private.is_org_admin(organisation_id));

revoke all on public.academy_coaching_offers from anon, authenticated;
grant select on public.academy_coaching_offers to anon, authenticated;
grant delete on public.academy_coaching_offers to authenticated;
grant insert (organisation_id, provinces, note) on public.academy_coaching_offers to authenticated;
grant update (provinces, note, updated_at) on public.academy_coaching_offers to authenticated;

/**
 * starter_coaches
 * A coaching academy linked by network staff to a white spot's starters.
 */
create table public.starter_coaches (
	municipality_nis text not null references public.municipalities (nis),
	academy_id uuid not null references public.organisations (id) on delete cascade,
	linked_by uuid default auth.uid() references auth.users (id) on delete set null,
	linked_at timestamptz not null default now(),
	primary key (municipality_nis, academy_id)
);

alter table public.starter_coaches enable row level security;

comment on table public.starter_coaches is
	'Which coaching academy network staff linked to the starters of a white spot. Public (the coverage page and the network show which starters have a coach); written only by network staff.';
comment on column public.starter_coaches.municipality_nis is 'The white spot.';
comment on column public.starter_coaches.academy_id is 'The academy that coaches (it has a coaching offer).';

create index starter_coaches_academy_id_idx on public.starter_coaches (academy_id);
create index starter_coaches_linked_by_idx on public.starter_coaches (linked_by);

create policy "anyone can read which starters have a coach"
	on public.starter_coaches for select
	to anon, authenticated
	using (true);

create policy "network staff can link a coaching academy"
	on public.starter_coaches for insert
	to authenticated
	with check (
		(select public.is_network_staff())
		and exists (select 1 from public.academy_coaching_offers c where c.organisation_id = academy_id)
	);

create policy "network staff can unlink a coaching academy"
	on public.starter_coaches for delete
	to authenticated
	using ((select public.is_network_staff()));

revoke all on public.starter_coaches from anon, authenticated;
grant select on public.starter_coaches to anon, authenticated;
grant delete on public.starter_coaches to authenticated;
grant insert (municipality_nis, academy_id) on public.starter_coaches to authenticated;

-- Functions the app calls -------------------------------------------------------------------------------

/**
 * register_starter_interest(municipality, organisation, role, offers, note, shown_as)
 * Registers (or, sent again, updates) the signed-in person's interest in a white spot, or with an
 * organisation the organisation's (its admins only). Runs as the person: RLS decides as well.
 */
create function public.register_starter_interest(
	p_municipality_nis text,
	p_organisation_id uuid,
	p_role text,
	p_offers text[],
	p_note text,
	p_shown_as text
)
returns uuid
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
	person uuid := (select auth.uid());
	saved uuid;
begin
	if person is null then
		raise exception using errcode = '42501', message = 'Meld je aan om je interesse te tonen.',
			hint = 'starter_sign_in';
	end if;
	if not exists (select 1 from public.municipalities m where m.nis = p_municipality_nis and m.valid_to is null) then
		raise exception using errcode = 'PT404', message = 'Deze gemeente bestaat niet (meer).',
			hint = 'starter_municipality_not_found';
	end if;
	if not private.is_white_spot(p_municipality_nis) then
		raise exception using errcode = 'PT409',
			message = 'Hier heeft al een STEM-academie haar zetel, of de gemeente ligt niet in Vlaanderen of Brussel.',
			hint = 'starter_not_white_spot';
	end if;
	if p_organisation_id is not null and not private.is_org_admin(p_organisation_id) then
		raise exception using errcode = '42501',
			message = 'Alleen de eigenaars en beheerders van een organisatie registreren haar interesse.',
			hint = 'starter_organisation_admin_only';
	end if;

	if p_organisation_id is null then
		insert into public.starter_interests as si
			(municipality_nis, user_id, role, offers, note, shown_as)
		values (p_municipality_nis, person, p_role, coalesce(p_offers, '{}'), btrim(coalesce(p_note, '')), p_shown_as)
		on conflict (municipality_nis, user_id) where closed_at is null and user_id is not null
		do update set role = excluded.role, offers = excluded.offers, note = excluded.note,
			shown_as = excluded.shown_as, updated_at = now()
		returning si.id into saved;
	else
		insert into public.starter_interests as si
			(municipality_nis, organisation_id, role, offers, note, shown_as)
		values (p_municipality_nis, p_organisation_id, p_role, coalesce(p_offers, '{}'),
			btrim(coalesce(p_note, '')), p_shown_as)
		on conflict (municipality_nis, organisation_id) where closed_at is null and organisation_id is not null
		do update set role = excluded.role, offers = excluded.offers, note = excluded.note,
			shown_as = excluded.shown_as, updated_at = now()
		returning si.id into saved;
	end if;
	return saved;
end;
$$;

comment on function public.register_starter_interest(text, uuid, text, text[], text, text) is
	'Registers or updates the signed-in person''s (or, for its admins, an organisation''s) interest in starting an academy in a white spot. One open registration per person or organisation per municipality. RLS applies.';

/**
 * withdraw_starter_interest(interest)
 * Removes an open registration of the signed-in person or of an organisation they administer.
 */
create function public.withdraw_starter_interest(p_interest_id uuid)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
	if (select auth.uid()) is null then
		raise exception using errcode = '42501', message = 'Meld je aan om je interesse in te trekken.',
			hint = 'starter_sign_in';
	end if;
	delete from public.starter_interests si where si.id = p_interest_id and si.closed_at is null;
	if not found then
		raise exception using errcode = 'PT404', message = 'Deze registratie bestaat niet (meer).',
			hint = 'starter_interest_not_found';
	end if;
end;
$$;

comment on function public.withdraw_starter_interest(uuid) is
	'Withdraws (deletes) an open registration of interest of the signed-in person or an organisation they administer. RLS applies.';

/**
 * connect_starter_interest(interest, note)
 * Network staff mark a registration connected (or change its note).
 */
create function public.connect_starter_interest(p_interest_id uuid, p_note text)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
	if not public.is_network_staff() then
		raise exception using errcode = '42501', message = 'Alleen medewerkers van het netwerk doen dit.',
			hint = 'starter_staff_only';
	end if;
	if not exists (select 1 from public.starter_interests si where si.id = p_interest_id) then
		raise exception using errcode = 'PT404', message = 'Deze registratie bestaat niet (meer).',
			hint = 'starter_interest_not_found';
	end if;
	insert into public.starter_connections as c (interest_id, note)
	values (p_interest_id, btrim(coalesce(p_note, '')))
	on conflict (interest_id) do update set note = excluded.note, connected_at = now(),
		connected_by = (select auth.uid());
end;
$$;

comment on function public.connect_starter_interest(uuid, text) is
	'Network staff mark a registration of interest connected, with a note. RLS applies.';

/**
 * save_coaching_offer(academy, provinces, note)
 * An academy's admins offer (or change their offer) to coach starting academies.
 */
create function public.save_coaching_offer(p_organisation_id uuid, p_provinces text[], p_note text)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
	if not private.is_org_admin(p_organisation_id) then
		raise exception using errcode = '42501',
			message = 'Alleen de eigenaars en beheerders van de academie bieden coaching aan.',
			hint = 'coaching_admin_only';
	end if;
	if not exists (select 1 from private.counted_academies() a where a.id = p_organisation_id) then
		raise exception using errcode = 'PT409',
			message = 'Alleen een geverifieerde academie kan coaching aanbieden.',
			hint = 'coaching_verified_academy_only';
	end if;
	insert into public.academy_coaching_offers as c (organisation_id, provinces, note)
	values (p_organisation_id, coalesce(p_provinces, '{}'), btrim(coalesce(p_note, '')))
	on conflict (organisation_id) do update set provinces = excluded.provinces, note = excluded.note,
		updated_at = now();
end;
$$;

comment on function public.save_coaching_offer(uuid, text[], text) is
	'Saves a verified academy''s offer to coach starting academies (its admins only). RLS applies.';

/**
 * withdraw_coaching_offer(academy)
 */
create function public.withdraw_coaching_offer(p_organisation_id uuid)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
	if not private.is_org_admin(p_organisation_id) then
		raise exception using errcode = '42501',
			message = 'Alleen de eigenaars en beheerders van de academie bieden coaching aan.',
			hint = 'coaching_admin_only';
	end if;
	delete from public.academy_coaching_offers c where c.organisation_id = p_organisation_id;
end;
$$;

comment on function public.withdraw_coaching_offer(uuid) is
	'Withdraws an academy''s coaching offer (its admins only); links made with it stay. RLS applies.';

/**
 * link_starter_coach(municipality, academy, linked)
 * Network staff link (or with p_linked false unlink) a coaching academy to a white spot's starters.
 */
create function public.link_starter_coach(p_municipality_nis text, p_academy_id uuid, p_linked boolean)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
	if not public.is_network_staff() then
		raise exception using errcode = '42501', message = 'Alleen medewerkers van het netwerk doen dit.',
			hint = 'starter_staff_only';
	end if;
	if not p_linked then
		delete from public.starter_coaches sc
		where sc.municipality_nis = p_municipality_nis and sc.academy_id = p_academy_id;
		return;
	end if;
	if not exists (select 1 from public.academy_coaching_offers c where c.organisation_id = p_academy_id) then
		raise exception using errcode = 'PT409', message = 'Deze academie biedt geen coaching aan.',
			hint = 'starter_coach_not_offering';
	end if;
	if not private.is_white_spot(p_municipality_nis) then
		raise exception using errcode = 'PT409', message = 'Deze gemeente is geen witte vlek.',
			hint = 'starter_not_white_spot';
	end if;
	insert into public.starter_coaches (municipality_nis, academy_id)
	values (p_municipality_nis, p_academy_id)
	on conflict do nothing;
end;
$$;

comment on function public.link_starter_coach(text, uuid, boolean) is
	'Network staff link or unlink a coaching academy to the starters of a white spot. RLS applies.';

/**
 * starter_interest_board(municipality)
 * The open registrations of a municipality as everyone sees them: the name as each chose (null for
 * anonymous: the page says "iemand"), the role and what they bring, and whether it is the reader's own.
 * Security definer: it shows no ids of people, only what the registrants chose to show.
 */
create function public.starter_interest_board(p_municipality_nis text)
returns table (
	id uuid,
	shown_name text,
	role text,
	offers text[],
	note text,
	shown_as text,
	organisation_id uuid,
	created_at timestamptz,
	updated_at timestamptz,
	mine boolean
)
language sql
stable
security definer
set search_path = ''
as $$
	select si.id,
		case si.shown_as
			when 'name' then (select p.display_name from public.profiles p where p.id = si.user_id)
			when 'organisation' then (select o.name from public.organisations o where o.id = si.organisation_id)
		end,
		si.role, si.offers,
		case when own.mine then si.note else '' end,
		case when own.mine then si.shown_as else null end,
		case when own.mine then si.organisation_id else null end,
		si.created_at, si.updated_at, own.mine
	from public.starter_interests si
	cross join lateral (
		select coalesce(si.user_id = (select auth.uid()), false)
			or (si.organisation_id is not null and private.is_org_admin(si.organisation_id)) as mine
	) own
	where si.municipality_nis = p_municipality_nis and si.closed_at is null
	order by si.created_at, si.id;
$$;

comment on function public.starter_interest_board(text) is
	'The open registrations of interest in a municipality with names as each chose (null: anonymous); the note, shown_as and organisation only on the reader''s own.';

/**
 * starter_interest_contacts(municipality)
 * For network staff: how to reach each registrant of a municipality (name, e-mail of the person or of the
 * admin who registered the organisation, the organisation's public e-mail).
 */
create function public.starter_interest_contacts(p_municipality_nis text)
returns table (
	interest_id uuid,
	person_name text,
	email text,
	organisation_name text,
	organisation_email text
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if not public.is_network_staff() then
		raise exception using errcode = '42501', message = 'Alleen medewerkers van het netwerk doen dit.',
			hint = 'starter_staff_only';
	end if;
	return query
	select si.id, p.display_name, u.email::text, o.name, o.public_email
	from public.starter_interests si
	left join public.profiles p on p.id = coalesce(si.user_id, si.registered_by)
	left join auth.users u on u.id = coalesce(si.user_id, si.registered_by)
	left join public.organisations o on o.id = si.organisation_id
	where si.municipality_nis = p_municipality_nis
	order by si.created_at, si.id;
end;
$$;

comment on function public.starter_interest_contacts(text) is
	'Network staff only: the name and e-mail of each registrant in a municipality (for an organisation: the admin who registered it, and its public e-mail).';

revoke execute on function public.register_starter_interest(text, uuid, text, text[], text, text) from public, anon;
revoke execute on function public.withdraw_starter_interest(uuid) from public, anon;
revoke execute on function public.connect_starter_interest(uuid, text) from public, anon;
revoke execute on function public.save_coaching_offer(uuid, text[], text) from public, anon;
revoke execute on function public.withdraw_coaching_offer(uuid) from public, anon;
revoke execute on function public.link_starter_coach(text, uuid, boolean) from public, anon;
revoke execute on function public.starter_interest_contacts(text) from public, anon;
grant execute on function public.register_starter_interest(text, uuid, text, text[], text, text) to authenticated;
grant execute on function public.withdraw_starter_interest(uuid) to authenticated;
grant execute on function public.connect_starter_interest(uuid, text) to authenticated;
grant execute on function public.save_coaching_offer(uuid, text[], text) to authenticated;
grant execute on function public.withdraw_coaching_offer(uuid) to authenticated;
grant execute on function public.link_starter_coach(text, uuid, boolean) to authenticated;
grant execute on function public.starter_interest_contacts(text) to authenticated;
grant execute on function public.starter_interest_board(text) to anon, authenticated;

-- An academy founded in a white spot ----------------------------------------------------------------------

insert into public.notification_kinds (kind, position, admin_default, member_default)
values ('starter_academy_founded', 40, 'email', 'email');

/**
 * close_starter_interests()
 * Trigger after an academy becomes verified: everyone with an open registration in its municipality (the
 * person, or the owners and admins of the registered organisation) is notified once, and the registrations
 * are closed (kept as history).
 */
create function private.close_starter_interests()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	place text;
begin
	if new.kind <> 'academy' or new.verification_status <> 'verified'
		or (tg_op = 'UPDATE' and old.verification_status = 'verified') then
		return null;
	end if;
	if not exists (
		select 1 from public.starter_interests si
		where si.municipality_nis = new.municipality_nis and si.closed_at is null
	) then
		return null;
	end if;
	select m.name_nl into place from public.municipalities m where m.nis = new.municipality_nis;

	insert into public.notifications (user_id, kind, params, link, delivery)
	select r.user_id, 'starter_academy_founded',
		jsonb_build_object('academy', new.name, 'municipality', place),
		'/gemeenten/' || new.municipality_nis,
		private.notification_delivery(r.user_id, 'starter_academy_founded', 'member')
	from (
		select si.user_id from public.starter_interests si
		where si.municipality_nis = new.municipality_nis and si.closed_at is null and si.user_id is not null
		union
		select ms.user_id from public.starter_interests si
		join public.memberships ms on ms.organisation_id = si.organisation_id and ms.role in ('owner', 'admin')
		where si.municipality_nis = new.municipality_nis and si.closed_at is null
	) r
	where private.notification_delivery(r.user_id, 'starter_academy_founded', 'member') <> 'none';

	update public.starter_interests si
	set closed_at = now(), closed_by_academy_id = new.id
	where si.municipality_nis = new.municipality_nis and si.closed_at is null;
	return null;
end;
$$;

comment on function private.close_starter_interests() is
	'Trigger: when an academy becomes verified, notifies everyone interested in its municipality (starter_academy_founded) and closes their registrations.';

create trigger organisations_close_starter_interests
	after insert or update of verification_status on public.organisations
	for each row execute function private.close_starter_interests();

/**
 * remove_starter_interests()
 * Trigger after a profile is deleted (deleting one's account): the person's own registrations go at once.
 */
create function private.remove_starter_interests()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	delete from public.starter_interests si where si.user_id = old.id;
	return old;
end;
$$;

comment on function private.remove_starter_interests() is
	'Trigger after a profile is deleted: removes the person''s own registrations of interest.';

create trigger profiles_remove_starter_interests
	after delete on public.profiles
	for each row execute function private.remove_starter_interests();

revoke execute on function private.is_white_spot(text) from public;
revoke execute on function private.close_starter_interests() from public;
revoke execute on function private.remove_starter_interests() from public;
grant execute on function private.is_white_spot(text) to anon, authenticated, service_role;
