-- Local STEM communities: one per current municipality (created on its first join) and regional ones (a
-- named set of municipalities, proposed by an academy and approved by network staff). People join as a
-- teacher, volunteer, parent or local government officer; organisations join through their admins. Hosts
-- (the academies seated in the community's municipalities, plus members a host names) welcome, moderate
-- and pin. Posts, events and the directory build on the helpers at the end of this file.

/**
 * communities
 * A municipality's community (kind municipality, keyed by its NIS code) or a regional one (kind region,
 * keyed by a slug). Read by everyone while active; proposed regions also by their proposer and staff.
 * Written only by the functions below (and hosts may edit the description).
 */
create table public.communities (
	id uuid primary key default gen_random_uuid(),
	kind text not null,
	municipality_nis text references public.municipalities (nis),
	slug text,
	name text not null,
	description text not null default '',
	status text not null default 'active',
	proposed_by_organisation uuid references public.organisations (id) on delete set null,
	proposed_by uuid default auth.uid() references auth.users (id) on delete set null,
	decided_by uuid references auth.users (id) on delete set null,
	decided_at timestamptz,
	decision_note text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint communities_kind_known check (kind in ('municipality', 'region')),
	constraint communities_municipality_key check ((kind = 'municipality') = (municipality_nis is not null)),
	constraint communities_region_key check ((kind = 'region') = (slug is not null)),
	constraint communities_municipality_nis_key unique (municipality_nis),
	constraint communities_slug_key unique (slug),
	constraint communities_slug_format check (
		slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) between 3 and 80
	),
	constraint communities_name_length check (char_length(name) between 2 and 80),
	constraint communities_name_trimmed check (name = btrim(name, E' \t\r\n')),
	constraint communities_description_length check (char_length(description) <= 2000),
	constraint communities_status_known check (status in ('proposed', 'active', 'declined')),
	constraint communities_municipality_always_active check (kind = 'region' or status = 'active'),
	constraint communities_decision_note_length check (char_length(decision_note) <= 500)
);

alter table public.communities enable row level security;

comment on table public.communities is
	'A local STEM community: one per current municipality (kind municipality, created by join_community() on its first join) or a regional one (kind region: proposed by an academy with propose_region(), approved or declined by network staff with decide_region()). Read by everyone while active.';
comment on column public.communities.id is 'Identifier.';
comment on column public.communities.kind is 'municipality or region.';
comment on column public.communities.municipality_nis is 'For a municipality''s community: its current NIS code (one community per municipality).';
comment on column public.communities.slug is 'For a regional community: its address (/regios/<slug>).';
comment on column public.communities.name is 'Name shown: the municipality''s name, or the region''s (e.g. Westhoek), 2 to 80 characters.';
comment on column public.communities.description is 'What the community is about, at most 2000 characters; hosts may edit it.';
comment on column public.communities.status is 'proposed (a region waiting for staff), active, or declined (a region staff refused).';
comment on column public.communities.proposed_by_organisation is 'For a region: the academy that proposed it.';
comment on column public.communities.proposed_by is 'Who proposed the region or made the first join.';
comment on column public.communities.decided_by is 'For a region: the staff member who approved or declined it.';
comment on column public.communities.decided_at is 'For a region: when it was approved or declined.';
comment on column public.communities.decision_note is 'For a region: why staff declined it (or a note with the approval), at most 500 characters.';
comment on column public.communities.created_at is 'When it was created.';
comment on column public.communities.updated_at is 'When it last changed.';

create index communities_status_idx on public.communities (status, kind);
create index communities_proposed_by_organisation_idx on public.communities (proposed_by_organisation);
create index communities_proposed_by_idx on public.communities (proposed_by);
create index communities_decided_by_idx on public.communities (decided_by);

create trigger communities_set_updated_at
	before update on public.communities
	for each row execute function private.set_updated_at();

/**
 * community_municipalities
 * The municipalities a community covers: one row for a municipality's community, several for a region.
 * "Reaches the place" (requests, offers, activities, default hosts) is read from here.
 */
create table public.community_municipalities (
	community_id uuid not null references public.communities (id) on delete cascade,
	municipality_nis text not null references public.municipalities (nis),
	primary key (community_id, municipality_nis)
);

alter table public.community_municipalities enable row level security;

comment on table public.community_municipalities is
	'The current municipalities a community covers (one for a municipality''s community, 2 to 60 for a region). Read with the community; written by the functions that create communities.';
comment on column public.community_municipalities.community_id is 'The community.';
comment on column public.community_municipalities.municipality_nis is 'A current municipality (NIS) it covers.';

create index community_municipalities_municipality_nis_idx on public.community_municipalities (municipality_nis);

/**
 * community_members
 * A person (with the kind they come as) or an organisation in a community, as member or host. People
 * choose whether they appear in the community's people directory. Written by join_community(),
 * leave_community() and set_community_role(); a person updates their own kind and directory choice.
 */
create table public.community_members (
	id uuid primary key default gen_random_uuid(),
	community_id uuid not null references public.communities (id) on delete cascade,
	user_id uuid references auth.users (id) on delete cascade,
	organisation_id uuid references public.organisations (id) on delete cascade,
	person_kind text,
	role text not null default 'member',
	in_directory boolean not null default false,
	joined_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	constraint community_members_person_or_organisation check (num_nonnulls(user_id, organisation_id) = 1),
	constraint community_members_kind_for_people check ((user_id is null) = (person_kind is null)),
	constraint community_members_person_kind_known check (
		person_kind in ('teacher', 'volunteer', 'parent', 'officer', 'other')
	),
	constraint community_members_role_known check (role in ('member', 'host')),
	constraint community_members_directory_for_people check (user_id is not null or not in_directory),
	constraint community_members_person_once unique (community_id, user_id),
	constraint community_members_organisation_once unique (community_id, organisation_id)
);

alter table public.community_members enable row level security;

comment on table public.community_members is
	'Who belongs to a community: a person (user_id, with person_kind) or an organisation (organisation_id, joined by one of its admins), as member or host. Organisation rows are public; a person''s row is read by the person, the community''s hosts, network staff, and (when in_directory) the community''s members.';
comment on column public.community_members.id is 'Identifier.';
comment on column public.community_members.community_id is 'The community.';
comment on column public.community_members.user_id is 'The person, when a person joined.';
comment on column public.community_members.organisation_id is 'The organisation, when an organisation joined.';
comment on column public.community_members.person_kind is 'What a person comes as: teacher, volunteer, parent (never a child''s data), officer (local government) or other. Self-declared: grants no rights.';
comment on column public.community_members.role is 'member or host (welcomes, moderates, pins). The academies seated in the community''s municipalities are hosts without a row saying so.';
comment on column public.community_members.in_directory is 'A person''s choice to appear in the community''s people directory (for its members).';
comment on column public.community_members.joined_by is 'Who made the join (the person, or the organisation''s admin).';
comment on column public.community_members.created_at is 'When they joined.';

create index community_members_user_id_idx on public.community_members (user_id);
create index community_members_organisation_id_idx on public.community_members (organisation_id);
create index community_members_joined_by_idx on public.community_members (joined_by);
create index community_members_community_role_idx on public.community_members (community_id, role);

/**
 * community_blocks
 * A person blocked from a community by a host or network staff, with the reason. A blocked person cannot
 * join, post, comment or RSVP there. Written by the moderation functions.
 */
create table public.community_blocks (
	community_id uuid not null references public.communities (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	reason text not null,
	blocked_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	primary key (community_id, user_id),
	constraint community_blocks_reason_length check (char_length(btrim(reason)) between 3 and 500)
);

alter table public.community_blocks enable row level security;

comment on table public.community_blocks is
	'People blocked from a community (cannot join, post, comment or RSVP there), with the reason. Read by the person blocked, the community''s hosts and network staff.';
comment on column public.community_blocks.community_id is 'The community.';
comment on column public.community_blocks.user_id is 'The person blocked.';
comment on column public.community_blocks.reason is 'Why, 3 to 500 characters; the person sees it.';
comment on column public.community_blocks.blocked_by is 'The host or staff member who blocked.';
comment on column public.community_blocks.created_at is 'When.';

create index community_blocks_user_id_idx on public.community_blocks (user_id);
create index community_blocks_blocked_by_idx on public.community_blocks (blocked_by);

-- Helpers for the policies (here and in posts, events, the directory) ------------------------------------

/**
 * my_community_ids()
 * The communities the signed-in person belongs to: as a person, or through an organisation they are a
 * member of that joined. For policies: community_id in (select private.my_community_ids()).
 */
create function private.my_community_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return query
		select cm.community_id from public.community_members cm
		where cm.user_id = (select auth.uid())
		union
		select cm.community_id from public.community_members cm
		join public.memberships ms on ms.organisation_id = cm.organisation_id
		where ms.user_id = (select auth.uid());
end;
$$;

comment on function private.my_community_ids() is
	'The communities the signed-in person belongs to, as a person or through one of their organisations. For policies.';

/**
 * hosted_community_ids()
 * The communities the signed-in person hosts: as a person with role host, as an admin of a host
 * organisation, or as an admin of an academy seated in one of the community's municipalities.
 */
create function private.hosted_community_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return query
		select cm.community_id from public.community_members cm
		where cm.user_id = (select auth.uid()) and cm.role = 'host'
		union
		select cm.community_id from public.community_members cm
		join public.memberships ms on ms.organisation_id = cm.organisation_id
		where cm.role = 'host' and ms.user_id = (select auth.uid()) and ms.role in ('owner', 'admin')
		union
		select cmu.community_id from public.community_municipalities cmu
		join public.communities c on c.id = cmu.community_id and c.status = 'active'
		join public.organisations o on o.municipality_nis = cmu.municipality_nis and o.kind = 'academy'
		join public.memberships ms on ms.organisation_id = o.id
		where ms.user_id = (select auth.uid()) and ms.role in ('owner', 'admin');
end;
$$;

comment on function private.hosted_community_ids() is
	'The communities the signed-in person hosts (role host, admin of a host organisation, or admin of an academy seated in one of its municipalities). For policies.';

create function private.is_community_member(p_community_id uuid)
returns boolean
language sql
stable
as $$
	select p_community_id in (select private.my_community_ids());
$$;

comment on function private.is_community_member(uuid) is 'True when the signed-in person belongs to the community.';

create function private.is_community_host(p_community_id uuid)
returns boolean
language sql
stable
as $$
	select p_community_id in (select private.hosted_community_ids());
$$;

comment on function private.is_community_host(uuid) is 'True when the signed-in person hosts the community.';

/**
 * is_blocked_from(community)
 * Whether the signed-in person is blocked from the community.
 */
create function private.is_blocked_from(p_community_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return exists (
		select 1 from public.community_blocks b
		where b.community_id = p_community_id and b.user_id = (select auth.uid())
	);
end;
$$;

comment on function private.is_blocked_from(uuid) is 'True when the signed-in person is blocked from the community.';

/**
 * shares_community(person)
 * Whether the signed-in person and the given person belong to a common community (for "visible to the
 * members of my communities").
 */
create function private.shares_community(p_user_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return exists (
		select 1 from public.community_members cm
		where cm.user_id = p_user_id
			and cm.community_id in (select private.my_community_ids())
	);
end;
$$;

comment on function private.shares_community(uuid) is
	'True when the given person (as a person) belongs to a community the signed-in person belongs to.';

grant execute on function private.my_community_ids() to authenticated, service_role;
grant execute on function private.hosted_community_ids() to authenticated, service_role;
grant execute on function private.is_community_member(uuid) to authenticated, service_role;
grant execute on function private.is_community_host(uuid) to authenticated, service_role;
grant execute on function private.is_blocked_from(uuid) to authenticated, service_role;
grant execute on function private.shares_community(uuid) to authenticated, service_role;

-- Policies ---------------------------------------------------------------------------------------------

create policy "everyone can read active communities"
	on public.communities for select
	to anon, authenticated
	using (status = 'active');

create policy "proposers and staff can read proposed and declined regions"
	on public.communities for select
	to authenticated
	using (
		status <> 'active'
		and (
			(select public.is_network_staff())
			or proposed_by = (select auth.uid())
			or proposed_by_organisation in (select private.my_organisation_ids())
		)
	);

create policy "hosts can edit their community's description"
	on public.communities for update
	to authenticated
	using (status = 'active' and id in (select private.hosted_community_ids()))
	with check (status = 'active');

revoke insert, update, delete, truncate on public.communities from anon, authenticated;
grant update (description) on public.communities to authenticated;

create policy "everyone can read the places of readable communities"
	on public.community_municipalities for select
	to anon, authenticated
	using (exists (select 1 from public.communities c where c.id = community_id));

revoke insert, update, delete, truncate on public.community_municipalities from anon, authenticated;

create policy "everyone can read which organisations belong to a community"
	on public.community_members for select
	to anon, authenticated
	using (organisation_id is not null);

create policy "people can read their own community memberships"
	on public.community_members for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "members can read the people listed in their community's directory"
	on public.community_members for select
	to authenticated
	using (
		user_id is not null and in_directory
		and community_id in (select private.my_community_ids())
	);

create policy "hosts and staff can read every member"
	on public.community_members for select
	to authenticated
	using (
		community_id in (select private.hosted_community_ids())
		or (select public.is_network_staff())
	);

create policy "people can change how they appear in a community"
	on public.community_members for update
	to authenticated
	using (user_id = (select auth.uid()))
	with check (user_id = (select auth.uid()));

revoke insert, update, delete, truncate on public.community_members from anon, authenticated;
grant update (person_kind, in_directory) on public.community_members to authenticated;

create policy "people can see their own blocks"
	on public.community_blocks for select
	to authenticated
	using (user_id = (select auth.uid()));

create policy "hosts and staff can see a community's blocks"
	on public.community_blocks for select
	to authenticated
	using (
		community_id in (select private.hosted_community_ids())
		or (select public.is_network_staff())
	);

revoke insert, update, delete, truncate on public.community_blocks from anon, authenticated;

-- Functions ---------------------------------------------------------------------------------------------

/**
 * municipality_community(nis)
 * The community of a current municipality, created when it does not exist yet. Owner only: join and
 * propose call it.
 */
create function private.municipality_community(p_nis text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_id uuid;
	v_name text;
begin
	select c.id into v_id from public.communities c where c.municipality_nis = p_nis;
	if v_id is not null then
		return v_id;
	end if;
	select m.name_nl into v_name from public.municipalities m where m.nis = p_nis and m.valid_to is null;
	if v_name is null then
		raise exception using errcode = 'PT404', message = 'Deze gemeente bestaat niet (meer).',
			hint = 'community_not_found';
	end if;
	insert into public.communities (kind, municipality_nis, name, proposed_by)
	values ('municipality', p_nis, v_name, (select auth.uid()))
	on conflict (municipality_nis) do nothing
	returning id into v_id;
	if v_id is null then
		select c.id into v_id from public.communities c where c.municipality_nis = p_nis;
	else
		insert into public.community_municipalities (community_id, municipality_nis) values (v_id, p_nis);
	end if;
	return v_id;
end;
$$;

comment on function private.municipality_community(text) is
	'The community of a current municipality, created (with its one place) on first use; PT404 for an unknown or former municipality.';

revoke execute on function private.municipality_community(text) from public, anon, authenticated;

/**
 * join_community(community, nis, organisation, person_kind, in_directory)
 * Joins a community, given by id or (for a municipality's community, created on first join) by NIS code:
 * as a person (person_kind) or on behalf of an organisation the caller administers. Joining again
 * changes nothing (a double submit is one row). A blocked person is refused. Returns the community's id.
 */
create function public.join_community(
	p_community_id uuid default null,
	p_nis text default null,
	p_organisation_id uuid default null,
	p_person_kind text default null,
	p_in_directory boolean default false
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_uid uuid := (select auth.uid());
	v_id uuid := p_community_id;
begin
	if v_uid is null then
		raise exception using errcode = '42501', message = 'Meld je aan om aan te sluiten.',
			hint = 'community_sign_in';
	end if;
	if num_nonnulls(p_community_id, p_nis) <> 1 then
		raise exception using errcode = '22023', message = 'Kies één community.', hint = 'community_not_found';
	end if;
	if p_nis is not null then
		v_id := private.municipality_community(p_nis);
	elsif not exists (select 1 from public.communities c where c.id = v_id and c.status = 'active') then
		raise exception using errcode = 'PT404', message = 'Deze community bestaat niet.',
			hint = 'community_not_found';
	end if;

	if p_organisation_id is not null then
		if not private.is_org_admin(p_organisation_id) then
			raise exception using errcode = '42501',
				message = 'Enkel de beheerders van een organisatie laten ze aansluiten.',
				hint = 'community_organisation_admin';
		end if;
		insert into public.community_members (community_id, organisation_id)
		values (v_id, p_organisation_id)
		on conflict (community_id, organisation_id) do nothing;
	else
		if exists (select 1 from public.community_blocks b where b.community_id = v_id and b.user_id = v_uid) then
			raise exception using errcode = '42501',
				message = 'Je bent geblokkeerd in deze community en kunt er niet aansluiten.',
				hint = 'community_blocked';
		end if;
		if p_person_kind is null
			or p_person_kind not in ('teacher', 'volunteer', 'parent', 'officer', 'other') then
			perform private.raise_rule('community_members_person_kind_known', 'person_kind',
				'Kies als wie je aansluit.', 'community_members');
		end if;
		insert into public.community_members (community_id, user_id, person_kind, in_directory)
		values (v_id, v_uid, p_person_kind, coalesce(p_in_directory, false))
		on conflict (community_id, user_id) do nothing;
	end if;
	return v_id;
end;
$$;

comment on function public.join_community(uuid, text, uuid, text, boolean) is
	'Joins a community (by id, or a municipality''s by NIS, created on first join) as a person or for an organisation the caller administers. Idempotent; blocked people are refused.';

revoke execute on function public.join_community(uuid, text, uuid, text, boolean) from public, anon;
grant execute on function public.join_community(uuid, text, uuid, text, boolean) to authenticated;

/**
 * leave_community(community, organisation)
 * The caller leaves (or takes an organisation they administer out of) a community. Leaving twice
 * changes nothing.
 */
create function public.leave_community(p_community_id uuid, p_organisation_id uuid default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if p_organisation_id is not null then
		if not private.is_org_admin(p_organisation_id) then
			raise exception using errcode = '42501',
				message = 'Enkel de beheerders van een organisatie halen ze uit een community.',
				hint = 'community_organisation_admin';
		end if;
		delete from public.community_members cm
		where cm.community_id = p_community_id and cm.organisation_id = p_organisation_id;
	else
		delete from public.community_members cm
		where cm.community_id = p_community_id and cm.user_id = (select auth.uid());
	end if;
end;
$$;

comment on function public.leave_community(uuid, uuid) is
	'Leaves a community as a person, or takes an organisation the caller administers out of it. Idempotent.';

revoke execute on function public.leave_community(uuid, uuid) from public, anon;
grant execute on function public.leave_community(uuid, uuid) to authenticated;

/**
 * set_community_role(member, role)
 * A host (or network staff) makes a member a host or a member again.
 */
create function public.set_community_role(p_member_id uuid, p_role text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_community uuid;
begin
	select cm.community_id into v_community from public.community_members cm where cm.id = p_member_id;
	if v_community is null
		or not (private.is_community_host(v_community) or public.is_network_staff()) then
		raise exception using errcode = 'PT404', message = 'Dit lid bestaat niet of je host deze community niet.',
			hint = 'community_host_only';
	end if;
	if p_role is null or p_role not in ('member', 'host') then
		perform private.raise_rule('community_members_role_known', 'role', 'Kies lid of host.', 'community_members');
	end if;
	update public.community_members set role = p_role where id = p_member_id;
end;
$$;

comment on function public.set_community_role(uuid, text) is
	'A host or network staff makes a member a host or a plain member. PT404 for anyone else.';

revoke execute on function public.set_community_role(uuid, text) from public, anon;
grant execute on function public.set_community_role(uuid, text) to authenticated;

/**
 * propose_region(organisation, name, slug, municipalities, description)
 * An academy's admin proposes a regional community: 2 to 60 current municipalities, a free slug. It
 * waits for network staff. Returns its id.
 */
create function public.propose_region(
	p_organisation_id uuid,
	p_name text,
	p_slug text,
	p_municipalities text[],
	p_description text default ''
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_id uuid;
	v_places text[];
begin
	if not private.is_org_admin(p_organisation_id)
		or not exists (select 1 from public.organisations o where o.id = p_organisation_id and o.kind = 'academy') then
		raise exception using errcode = '42501',
			message = 'Enkel de beheerders van een academie stellen een regio voor.',
			hint = 'community_region_academy';
	end if;
	select array_agg(distinct m.nis) into v_places
	from public.municipalities m
	where m.nis = any (coalesce(p_municipalities, '{}')) and m.valid_to is null;
	if cardinality(coalesce(p_municipalities, '{}')) > 60
		or coalesce(cardinality(v_places), 0) < 2
		or cardinality(v_places) <> (select count(distinct x) from unnest(p_municipalities) x) then
		perform private.raise_rule('community_region_places', 'municipalities',
			'Een regio telt 2 tot 60 bestaande gemeenten.', 'communities');
	end if;
	if exists (select 1 from public.communities c where c.slug = p_slug) then
		perform private.raise_rule('communities_slug_key', 'slug', 'Dit adres is al in gebruik.', 'communities');
	end if;
	insert into public.communities (kind, slug, name, description, status, proposed_by_organisation)
	values ('region', p_slug, btrim(coalesce(p_name, ''), E' \t\r\n'), coalesce(p_description, ''), 'proposed',
		p_organisation_id)
	returning id into v_id;
	insert into public.community_municipalities (community_id, municipality_nis)
	select v_id, unnest(v_places);
	insert into public.community_members (community_id, organisation_id, role)
	values (v_id, p_organisation_id, 'host');
	return v_id;
end;
$$;

comment on function public.propose_region(uuid, text, text, text[], text) is
	'An academy''s admin proposes a regional community (2 to 60 current municipalities); the academy becomes its host; it waits for network staff.';

revoke execute on function public.propose_region(uuid, text, text, text[], text) from public, anon;
grant execute on function public.propose_region(uuid, text, text, text[], text) to authenticated;

/**
 * decide_region(community, approve, note)
 * Network staff approve (active) or decline a proposed region, with an optional note (required when
 * declining).
 */
create function public.decide_region(p_community_id uuid, p_approve boolean, p_note text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not public.is_network_staff() then
		raise exception using errcode = '42501', message = 'Enkel het netwerk beslist over regio''s.',
			hint = 'community_staff_only';
	end if;
	if not exists (
		select 1 from public.communities c
		where c.id = p_community_id and c.kind = 'region' and c.status = 'proposed'
	) then
		raise exception using errcode = 'PT409', message = 'Over deze regio is al beslist.',
			hint = 'community_region_decided';
	end if;
	if not coalesce(p_approve, false) and char_length(btrim(coalesce(p_note, ''))) < 3 then
		perform private.raise_rule('community_region_decline_reason', 'decision_note',
			'Zeg waarom je deze regio weigert.', 'communities');
	end if;
	update public.communities
	set status = case when p_approve then 'active' else 'declined' end,
		decided_by = (select auth.uid()),
		decided_at = now(),
		decision_note = nullif(btrim(coalesce(p_note, '')), '')
	where id = p_community_id;
end;
$$;

comment on function public.decide_region(uuid, boolean, text) is
	'Network staff approve or decline (with a reason) a proposed regional community. PT409 once decided.';

revoke execute on function public.decide_region(uuid, boolean, text) from public, anon;
grant execute on function public.decide_region(uuid, boolean, text) to authenticated;

/**
 * community_counts(community)
 * Who is here, as counts per kind, for everyone (also visitors): organisations per kind and people per
 * kind. Counts only, never who.
 */
create function public.community_counts(p_community_id uuid)
returns table (kind text, members bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if not exists (select 1 from public.communities c where c.id = p_community_id and c.status = 'active') then
		return;
	end if;
	return query
		select o.kind, count(*) from public.community_members cm
		join public.organisations o on o.id = cm.organisation_id
		where cm.community_id = p_community_id
		group by o.kind
		union all
		select cm.person_kind, count(*) from public.community_members cm
		where cm.community_id = p_community_id and cm.user_id is not null
		group by cm.person_kind;
end;
$$;

comment on function public.community_counts(uuid) is
	'Members of an active community as counts per kind (academy, school, company, partner; teacher, volunteer, parent, officer, other). Counts only.';

revoke execute on function public.community_counts(uuid) from public;
grant execute on function public.community_counts(uuid) to anon, authenticated;
