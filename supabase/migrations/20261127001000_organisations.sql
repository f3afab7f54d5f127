-- Organisations (academies, schools, companies, partners), the people who belong to them with a role, and
-- their private contact, and the invitations that bring people in. Academy profiles, activities and
-- verification build on this.

/**
 * organisations
 * Everything that presents itself on Groeistoot: academies, schools, companies and partners. Public:
 * anyone can read them; any signed-in person can create one (and becomes its owner); its owners and
 * admins edit it; only its owners delete it. Verification is set by network staff only.
 */
create table public.organisations (
	id uuid primary key default gen_random_uuid(),
	kind text not null,
	partner_type text,
	name text not null,
	slug text not null,
	description text not null default '',
	website text,
	public_email text,
	public_phone text,
	street_address text,
	postal_code text,
	municipality_nis text not null references public.municipalities (nis),
	lat double precision not null,
	lng double precision not null,
	verification_status text not null default 'unverified',
	verified_at timestamptz,
	verified_by uuid references auth.users (id) on delete set null,
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint organisations_slug_key unique (slug),
	constraint organisations_kind_known check (kind in ('academy', 'school', 'company', 'partner')),
	constraint organisations_partner_type_known check (
		partner_type in ('municipality_service', 'fablab', 'library', 'museum', 'training_centre', 'other')
	),
	constraint organisations_partner_type_only_for_partners check ((kind = 'partner') = (partner_type is not null)),
	constraint organisations_name_length check (char_length(name) between 2 and 120),
	constraint organisations_name_trimmed check (name = btrim(name, E' \t\r\n')),
	constraint organisations_slug_format check (
		slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) between 3 and 80
	),
	constraint organisations_description_length check (char_length(description) <= 5000),
	constraint organisations_website_format check (
		website ~* '^https?://[^[:space:]]+$' and char_length(website) <= 300
	),
	constraint organisations_public_email_format check (
		public_email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and char_length(public_email) <= 254
	),
	constraint organisations_public_phone_length check (char_length(public_phone) <= 40),
	constraint organisations_street_address_length check (char_length(street_address) <= 200),
	constraint organisations_postal_code_format check (postal_code ~ '^[0-9]{4}$'),
	constraint organisations_point_in_belgium check (lat between 49 and 52 and lng between 2 and 7),
	constraint organisations_verification_status_known check (
		verification_status in ('unverified', 'verified', 'withdrawn')
	),
	constraint organisations_verified_at_with_status check (
		(verification_status = 'unverified') = (verified_at is null)
	)
);

alter table public.organisations enable row level security;

comment on table public.organisations is
	'Academies, schools, companies and partners. Read by everyone; created by any signed-in person (who becomes owner); edited by owners and admins; deleted by owners. Verification only through set_verification().';
comment on column public.organisations.id is 'Identifier.';
comment on column public.organisations.kind is 'academy, school, company or partner. Chosen at creation and never changed.';
comment on column public.organisations.partner_type is 'For partners only (required there, null otherwise): municipality_service, fablab, library, museum, training_centre or other.';
comment on column public.organisations.name is 'Public name, 2 to 120 characters, trimmed.';
comment on column public.organisations.slug is 'Address on the site (/academies/<slug>): lower-case words joined by hyphens, 3 to 80 characters, unique (constraint organisations_slug_key).';
comment on column public.organisations.description is 'Plain text presentation (paragraphs separated by blank lines), at most 5000 characters. Never HTML.';
comment on column public.organisations.website is 'Website, http(s) URL of at most 300 characters.';
comment on column public.organisations.public_email is 'Public e-mail address, shown to everyone.';
comment on column public.organisations.public_phone is 'Public phone number, shown to everyone; at most 40 characters.';
comment on column public.organisations.street_address is 'Street and number; at most 200 characters.';
comment on column public.organisations.postal_code is 'Belgian postal code, 4 digits.';
comment on column public.organisations.municipality_nis is 'Municipality (NIS code); only a current municipality can be chosen.';
comment on column public.organisations.lat is 'Latitude (WGS84): the exact place, or the municipality''s centroid when none was given.';
comment on column public.organisations.lng is 'Longitude (WGS84): the exact place, or the municipality''s centroid when none was given.';
comment on column public.organisations.verification_status is 'unverified, verified or withdrawn. Set only by network staff through set_verification().';
comment on column public.organisations.verified_at is 'When network staff last verified or withdrew the verification; null while unverified.';
comment on column public.organisations.verified_by is 'Network staff member who last verified or withdrew it.';
comment on column public.organisations.created_by is 'The person who created the organisation (and became its first owner); null for seeded or when the account is gone.';
comment on column public.organisations.created_at is 'When the organisation was created.';
comment on column public.organisations.updated_at is 'When the organisation last changed.';

create index organisations_kind_idx on public.organisations (kind);
create index organisations_municipality_nis_idx on public.organisations (municipality_nis);
create index organisations_verification_status_idx on public.organisations (verification_status);
create index organisations_kind_municipality_nis_idx on public.organisations (kind, municipality_nis);
create index organisations_name_trgm_idx on public.organisations using gin (name extensions.gin_trgm_ops);
create index organisations_created_by_idx on public.organisations (created_by);
create index organisations_verified_by_idx on public.organisations (verified_by);

/**
 * normalise_organisation()
 * Trims the texts people type and turns an empty optional field into none.
 */
create function private.normalise_organisation()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.name := btrim(new.name, E' \t\r\n');
	new.description := btrim(replace(coalesce(new.description, ''), E'\r\n', E'\n'), E' \t\r\n');
	new.website := nullif(btrim(new.website, E' \t\r\n'), '');
	new.public_email := lower(nullif(btrim(new.public_email, E' \t\r\n'), ''));
	new.public_phone := nullif(btrim(new.public_phone, E' \t\r\n'), '');
	new.street_address := nullif(btrim(new.street_address, E' \t\r\n'), '');
	new.postal_code := nullif(btrim(new.postal_code, E' \t\r\n'), '');
	return new;
end;
$$;

comment on function private.normalise_organisation() is
	'Trigger: trims name, description and the optional contact fields; empty optional fields become null.';

create trigger organisations_normalise
	before insert or update on public.organisations
	for each row execute function private.normalise_organisation();

create trigger organisations_set_updated_at
	before update on public.organisations
	for each row execute function private.set_updated_at();

create trigger organisations_require_current_municipality
	before insert or update of municipality_nis on public.organisations
	for each row execute function private.require_current_municipality('municipality_nis');

create trigger organisations_fill_point
	before insert or update on public.organisations
	for each row execute function private.fill_point_from_municipality();

create trigger organisations_kind_fixed
	before update of kind on public.organisations
	for each row execute function private.keep_column_unchanged(
		'kind', 'De soort van een organisatie ligt vast: maak een nieuwe organisatie aan.'
	);

/**
 * memberships
 * Who belongs to which organisation, as owner, admin or member. Created by the trigger that makes the
 * creator owner and by accept_invitation(); never inserted through the API. An organisation never loses
 * its last owner (trigger), except when the organisation or the owner's account itself is deleted.
 */
create table public.memberships (
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	role text not null default 'member',
	created_at timestamptz not null default now(),
	primary key (organisation_id, user_id),
	constraint memberships_role_known check (role in ('owner', 'admin', 'member'))
);

alter table public.memberships enable row level security;

comment on table public.memberships is
	'Person to organisation with a role (owner, admin, member). Read by fellow members and network staff; created only by triggers and accept_invitation(); roles changed by owners (admins: member/admin only); removed by admins, owners, or the person leaving. Never zero owners.';
comment on column public.memberships.organisation_id is 'The organisation.';
comment on column public.memberships.user_id is 'The person (auth.users.id); the membership goes with the account.';
comment on column public.memberships.role is 'owner (everything, including deleting the organisation and naming owners), admin (edit, invite, manage members and admins) or member (activities and reach reports).';
comment on column public.memberships.created_at is 'When the person joined.';

create index memberships_user_id_idx on public.memberships (user_id);
create index memberships_owners_idx on public.memberships (organisation_id) where role = 'owner';

/**
 * add_creator_as_owner()
 * The person who creates an organisation becomes its owner. Skipped without a signed-in person (seeding,
 * service role), where memberships are written explicitly.
 */
create function private.add_creator_as_owner()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	creator uuid := auth.uid();
begin
	if creator is not null then
		insert into public.memberships (organisation_id, user_id, role)
		values (new.id, creator, 'owner')
		on conflict (organisation_id, user_id) do update set role = 'owner';
	end if;
	return new;
end;
$$;

comment on function private.add_creator_as_owner() is
	'Trigger: makes the signed-in person who creates an organisation its owner (nothing when nobody is signed in).';

create trigger organisations_add_creator_as_owner
	after insert on public.organisations
	for each row execute function private.add_creator_as_owner();

/**
 * keep_an_owner()
 * After a membership is removed or an owner changes role: the organisation must still have an owner.
 * Not checked when the organisation itself is being deleted (its memberships go by cascade) or when the
 * removed person's account is being deleted. The organisation row is locked first, so two owners leaving
 * at the same moment cannot both succeed.
 */
create function private.keep_an_owner()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if old.role <> 'owner' or (tg_op = 'UPDATE' and new.role = 'owner') then
		return null;
	end if;
	perform 1 from public.organisations o where o.id = old.organisation_id for no key update;
	if not found then
		return null;
	end if;
	if tg_op = 'DELETE' and not exists (select 1 from auth.users u where u.id = old.user_id) then
		return null;
	end if;
	if not exists (
		select 1 from public.memberships ms
		where ms.organisation_id = old.organisation_id and ms.role = 'owner'
	) then
		raise exception using
			errcode = 'P0001',
			message = 'Een organisatie heeft altijd minstens één eigenaar. Maak eerst iemand anders eigenaar.',
			hint = 'memberships_keep_an_owner',
			table = tg_table_name,
			schema = tg_table_schema;
	end if;
	return null;
end;
$$;

comment on function private.keep_an_owner() is
	'Trigger: refuses removing or demoting the last owner of an organisation, unless the organisation or the account is being deleted.';

create trigger memberships_keep_an_owner
	after update of role or delete on public.memberships
	for each row execute function private.keep_an_owner();

/**
 * organisation_contacts
 * The organisation's private contact person, for fellow members and network staff only.
 */
create table public.organisation_contacts (
	organisation_id uuid primary key references public.organisations (id) on delete cascade,
	contact_name text,
	email text,
	phone text,
	updated_at timestamptz not null default now(),
	constraint organisation_contacts_contact_name_length check (char_length(contact_name) <= 120),
	constraint organisation_contacts_email_format check (
		email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and char_length(email) <= 254
	),
	constraint organisation_contacts_phone_length check (char_length(phone) <= 40)
);

alter table public.organisation_contacts enable row level security;

comment on table public.organisation_contacts is
	'Private contact of an organisation (name, e-mail, phone). Read by its members and network staff; written by its owners and admins.';
comment on column public.organisation_contacts.organisation_id is 'The organisation (one contact per organisation).';
comment on column public.organisation_contacts.contact_name is 'Contact person, at most 120 characters.';
comment on column public.organisation_contacts.email is 'Private e-mail address, at most 254 characters.';
comment on column public.organisation_contacts.phone is 'Private phone number, at most 40 characters.';
comment on column public.organisation_contacts.updated_at is 'When the contact last changed.';

/**
 * normalise_organisation_contact()
 * Trims the fields; empty ones become none.
 */
create function private.normalise_organisation_contact()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.contact_name := nullif(btrim(new.contact_name, E' \t\r\n'), '');
	new.email := lower(nullif(btrim(new.email, E' \t\r\n'), ''));
	new.phone := nullif(btrim(new.phone, E' \t\r\n'), '');
	return new;
end;
$$;

comment on function private.normalise_organisation_contact() is
	'Trigger: trims the private contact fields; empty ones become null.';

create trigger organisation_contacts_normalise
	before insert or update on public.organisation_contacts
	for each row execute function private.normalise_organisation_contact();

create trigger organisation_contacts_set_updated_at
	before update on public.organisation_contacts
	for each row execute function private.set_updated_at();

create trigger organisation_contacts_organisation_fixed
	before update of organisation_id on public.organisation_contacts
	for each row execute function private.keep_column_unchanged(
		'organisation_id', 'Een contactpersoon hoort bij één organisatie.'
	);

-- Policies: organisations ----------------------------------------------------------------------------

create policy "anyone can read organisations"
	on public.organisations for select
	to anon, authenticated
	using (true);

create policy "signed-in people can create an organisation of their own"
	on public.organisations for insert
	to authenticated
	with check (created_by = (select auth.uid()));

create policy "owners and admins can edit their organisation"
	on public.organisations for update
	to authenticated
	using (private.is_org_admin(id))
	with check (private.is_org_admin(id));

create policy "owners can delete their organisation"
	on public.organisations for delete
	to authenticated
	using (private.org_role(id) = 'owner');

-- Verification (status, when, by whom), kind, creator and timestamps are not for people to write.
revoke insert, update, delete, truncate on public.organisations from anon, authenticated;
grant insert (
	kind, partner_type, name, slug, description, website, public_email, public_phone, street_address,
	postal_code, municipality_nis, lat, lng
) on public.organisations to authenticated;
grant update (
	partner_type, name, slug, description, website, public_email, public_phone, street_address,
	postal_code, municipality_nis, lat, lng
) on public.organisations to authenticated;
grant delete on public.organisations to authenticated;

-- Policies: memberships ------------------------------------------------------------------------------

create policy "people can read their own memberships"
	on public.memberships for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "members can read who else belongs to their organisation"
	on public.memberships for select
	to authenticated
	using (organisation_id in (select private.my_organisation_ids()));

create policy "network staff can read every membership"
	on public.memberships for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "owners can change any role in their organisation"
	on public.memberships for update
	to authenticated
	using (private.org_role(organisation_id) = 'owner')
	with check (private.org_role(organisation_id) = 'owner');

create policy "admins can switch people between member and admin"
	on public.memberships for update
	to authenticated
	using (private.org_role(organisation_id) = 'admin' and role in ('admin', 'member'))
	with check (private.org_role(organisation_id) = 'admin' and role in ('admin', 'member'));

create policy "people can leave an organisation"
	on public.memberships for delete
	to authenticated
	using (user_id = (select auth.uid()));

create policy "owners can remove anyone from their organisation"
	on public.memberships for delete
	to authenticated
	using (private.org_role(organisation_id) = 'owner');

create policy "admins can remove members and admins"
	on public.memberships for delete
	to authenticated
	using (private.org_role(organisation_id) = 'admin' and role in ('admin', 'member'));

revoke insert, update, delete, truncate on public.memberships from anon, authenticated;
grant update (role) on public.memberships to authenticated;
grant delete on public.memberships to authenticated;

-- Policies: organisation_contacts --------------------------------------------------------------------

create policy "members can read their organisation's private contact"
	on public.organisation_contacts for select
	to authenticated
	using (organisation_id in (select private.my_organisation_ids()));

create policy "network staff can read every private contact"
	on public.organisation_contacts for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "owners and admins can add their organisation's contact"
	on public.organisation_contacts for insert
	to authenticated
	with check (private.is_org_admin(organisation_id));

create policy "owners and admins can change their organisation's contact"
	on public.organisation_contacts for update
	to authenticated
	using (private.is_org_admin(organisation_id))
	with check (private.is_org_admin(organisation_id));

-- organisation_id is updatable only so that an upsert (insert ... on conflict do update) works; the
-- trigger above keeps it from changing.
revoke insert, update, delete, truncate on public.organisation_contacts from anon, authenticated;
grant insert (organisation_id, contact_name, email, phone) on public.organisation_contacts to authenticated;
grant update (organisation_id, contact_name, email, phone) on public.organisation_contacts to authenticated;

-- Invitations: an owner or admin invites someone by e-mail; the link carries a random token that works
-- once, for a week, and only for the account with the invited address.

create extension if not exists pgcrypto with schema extensions;

/**
 * invitations
 * One row per invitation. Only the sha256 of the token is stored, so the table never holds a usable
 * link. Created only through create_invitation(), accepted only through accept_invitation(); owners and
 * admins of the organisation see, revoke and delete them.
 */
create table public.invitations (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	email text not null,
	role text not null default 'member',
	token_hash text not null,
	invited_by uuid references auth.users (id) on delete set null,
	expires_at timestamptz not null default now() + interval '7 days',
	accepted_at timestamptz,
	accepted_by uuid references auth.users (id) on delete set null,
	revoked_at timestamptz,
	created_at timestamptz not null default now(),
	constraint invitations_token_hash_key unique (token_hash),
	constraint invitations_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
	constraint invitations_email_format check (
		email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and char_length(email) <= 254
	),
	constraint invitations_email_lower_case check (email = lower(email)),
	constraint invitations_role_known check (role in ('admin', 'member')),
	constraint invitations_accepted_or_revoked check (accepted_at is null or revoked_at is null),
	constraint invitations_accepted_by_with_accepted_at check (accepted_by is null or accepted_at is not null)
);

alter table public.invitations enable row level security;

comment on table public.invitations is
	'Invitations to join an organisation by e-mail link: single use, 7 days, bound to the invited address. Created by create_invitation(), accepted by accept_invitation(); read, revoked and deleted by the organisation''s owners and admins.';
comment on column public.invitations.id is 'Identifier.';
comment on column public.invitations.organisation_id is 'The organisation the person is invited to.';
comment on column public.invitations.email is 'The invited address, lower-case. Only the account with this address can accept.';
comment on column public.invitations.role is 'Role given on acceptance: admin or member (owners are named afterwards).';
comment on column public.invitations.token_hash is 'Hex sha256 of the token in the link; the token itself is never stored.';
comment on column public.invitations.invited_by is 'Who sent the invitation.';
comment on column public.invitations.expires_at is 'After this moment the link no longer works.';
comment on column public.invitations.accepted_at is 'When it was accepted; an accepted invitation cannot be used again.';
comment on column public.invitations.accepted_by is 'The account that accepted it.';
comment on column public.invitations.revoked_at is 'When an owner or admin withdrew it (or a newer invitation for the same address replaced it).';
comment on column public.invitations.created_at is 'When the invitation was made.';

create index invitations_organisation_id_idx on public.invitations (organisation_id);
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);
create unique index invitations_one_open_per_email on public.invitations (organisation_id, email)
	where accepted_at is null and revoked_at is null;

create policy "owners and admins can read their organisation's invitations"
	on public.invitations for select
	to authenticated
	using (private.is_org_admin(organisation_id));

create policy "owners and admins can revoke an open invitation"
	on public.invitations for update
	to authenticated
	using (private.is_org_admin(organisation_id) and accepted_at is null and revoked_at is null)
	with check (private.is_org_admin(organisation_id) and revoked_at is not null);

create policy "owners and admins can delete their organisation's invitations"
	on public.invitations for delete
	to authenticated
	using (private.is_org_admin(organisation_id));

revoke insert, update, delete, truncate on public.invitations from anon, authenticated;
grant update (revoked_at) on public.invitations to authenticated;
grant delete on public.invitations to authenticated;

/**
 * invitation_token_hash(token)
 * The hex sha256 under which a token is stored.
 */
create function private.invitation_token_hash(p_token text)
returns text
language sql
immutable
strict
parallel safe
set search_path = ''
as $$
	select encode(pg_catalog.sha256(pg_catalog.convert_to(p_token, 'UTF8')), 'hex');
$$;

comment on function private.invitation_token_hash(text) is 'Hex sha256 of an invitation token, as stored in invitations.token_hash.';

/**
 * create_invitation(organisation, email, role)
 * For owners and admins: invites an address to the organisation and returns the token for the link,
 * once. A newer invitation for the same address replaces the open one.
 */
create function public.create_invitation(p_organisation_id uuid, p_email text, p_role text default 'member')
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	inviter uuid := auth.uid();
	address text := lower(btrim(coalesce(p_email, ''), E' \t\r\n'));
	token text;
begin
	if inviter is null or not private.is_org_admin(p_organisation_id) then
		raise exception using
			errcode = '42501',
			message = 'Enkel eigenaars en beheerders van deze organisatie kunnen mensen uitnodigen.',
			hint = 'invitation_admins_only';
	end if;
	if p_role is null or p_role not in ('admin', 'member') then
		raise exception using
			errcode = '22023',
			message = 'Je kan iemand uitnodigen als beheerder of als lid.',
			hint = 'invitations_role_known',
			column = 'role';
	end if;
	if char_length(address) > 254 or address !~ '^[^@[:space:]]+@[^@[:space:]]+$' then
		raise exception using
			errcode = '22023',
			message = 'Geef een geldig e-mailadres.',
			hint = 'invitations_email_format',
			column = 'email';
	end if;
	if exists (
		select 1
		from public.memberships ms
		join auth.users u on u.id = ms.user_id
		where ms.organisation_id = p_organisation_id and lower(u.email) = address
	) then
		raise exception using
			errcode = 'PT409',
			message = 'Deze persoon is al lid.',
			hint = 'invitation_already_member',
			column = 'email';
	end if;

	update public.invitations i
	set revoked_at = now()
	where i.organisation_id = p_organisation_id and i.email = address
		and i.accepted_at is null and i.revoked_at is null;

	token := encode(extensions.gen_random_bytes(32), 'hex');
	insert into public.invitations (organisation_id, email, role, token_hash, invited_by)
	values (p_organisation_id, address, p_role, private.invitation_token_hash(token), inviter);
	return token;
end;
$$;

comment on function public.create_invitation(uuid, text, text) is
	'Owners and admins: invite an e-mail address as admin or member; returns the token for the link (only its hash is stored). Replaces an open invitation for the same address. Errors (SQLSTATE, hint): 42501 invitation_admins_only, 22023 invitations_role_known or invitations_email_format, PT409 invitation_already_member.';

/**
 * invitation_details(token)
 * What a link is about, for the page that asks to accept it: the organisation, the role, the invited
 * address and whether the link still works. Only whoever holds the token can ask. A token is 64 hex
 * characters; anything over 128 is not hashed at all.
 */
create function public.invitation_details(p_token text)
returns table (
	organisation_id uuid,
	organisation_name text,
	slug text,
	kind text,
	role text,
	email text,
	expires_at timestamptz,
	state text
)
language sql
stable
security definer
set search_path = ''
as $$
	select o.id, o.name, o.slug, o.kind, i.role, i.email, i.expires_at,
		case
			when i.accepted_at is not null then 'accepted'
			when i.revoked_at is not null then 'revoked'
			when i.expires_at <= now() then 'expired'
			else 'open'
		end
	from public.invitations i
	join public.organisations o on o.id = i.organisation_id
	where char_length(p_token) <= 128 and i.token_hash = private.invitation_token_hash(p_token);
$$;

comment on function public.invitation_details(text) is
	'For the holder of an invitation link: organisation (id, name, slug, kind), role, invited address, expiry and state (open, accepted, revoked, expired). No row for an unknown token.';

/**
 * accept_invitation(token)
 * The signed-in person accepts an invitation meant for their account's address: they join with the
 * invited role (or keep the role they already have) and the invitation is used up.
 */
create function public.accept_invitation(p_token text)
returns table (organisation_id uuid, slug text, kind text)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
	person uuid := auth.uid();
	person_email text;
	invitation public.invitations;
begin
	if person is null then
		raise exception using
			errcode = '42501',
			message = 'Meld je aan om de uitnodiging te aanvaarden.',
			hint = 'invitation_sign_in';
	end if;

	select * into invitation
	from public.invitations i
	where char_length(p_token) <= 128 and i.token_hash = private.invitation_token_hash(p_token)
	for update;

	if not found then
		raise exception using
			errcode = 'PT404', message = 'Deze uitnodiging bestaat niet.', hint = 'invitation_not_found';
	elsif invitation.accepted_at is not null then
		raise exception using
			errcode = 'PT409', message = 'Deze uitnodiging werd al gebruikt.', hint = 'invitation_used';
	elsif invitation.revoked_at is not null then
		raise exception using
			errcode = 'PT410', message = 'Deze uitnodiging werd ingetrokken.', hint = 'invitation_revoked';
	elsif invitation.expires_at <= now() then
		raise exception using
			errcode = 'PT410',
			message = 'Deze uitnodiging is verlopen. Vraag een nieuwe aan.',
			hint = 'invitation_expired';
	end if;

	select lower(u.email) into person_email from auth.users u where u.id = person;
	if person_email is distinct from invitation.email then
		raise exception using
			errcode = 'PT403',
			message = 'Deze uitnodiging is voor een ander e-mailadres.',
			hint = 'invitation_other_address';
	end if;

	insert into public.memberships (organisation_id, user_id, role)
	values (invitation.organisation_id, person, invitation.role)
	on conflict (organisation_id, user_id) do nothing;

	update public.invitations i
	set accepted_at = now(), accepted_by = person
	where i.id = invitation.id;

	return query
		select o.id, o.slug, o.kind from public.organisations o where o.id = invitation.organisation_id;
end;
$$;

comment on function public.accept_invitation(text) is
	'The signed-in person accepts an invitation for their own address and joins with its role (an existing member keeps their role). Errors (SQLSTATE, hint): 42501 invitation_sign_in, PT404 invitation_not_found, PT409 invitation_used, PT410 invitation_revoked or invitation_expired, PT403 invitation_other_address.';

revoke execute on function public.create_invitation(uuid, text, text) from public, anon;
revoke execute on function public.accept_invitation(text) from public, anon;
revoke execute on function public.invitation_details(text) from public;
grant execute on function public.create_invitation(uuid, text, text) to authenticated, service_role;
grant execute on function public.accept_invitation(text) to authenticated, service_role;
grant execute on function public.invitation_details(text) to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
