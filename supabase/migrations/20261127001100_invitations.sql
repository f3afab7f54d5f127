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
