-- People: network staff, who run the platform, and the profile of everyone with an account.
--
-- Network staff: the people behind the platform (verification, quality label, coverage). A role kept in a
-- table, never in user_metadata (which every user can change about themselves).

/**
 * network_staff
 * One row per person with network staff rights. Granted and revoked only with the service role or SQL
 * (there are no write policies); staff can see who else is staff.
 */
create table public.network_staff (
	user_id uuid primary key references auth.users (id) on delete cascade,
	granted_at timestamptz not null default now(),
	granted_by uuid references auth.users (id) on delete set null
);

alter table public.network_staff enable row level security;

comment on table public.network_staff is
	'People with network staff (platform admin) rights. Written only by the service role or SQL; read by staff.';
comment on column public.network_staff.user_id is 'The staff member (auth.users.id).';
comment on column public.network_staff.granted_at is 'When the rights were granted.';
comment on column public.network_staff.granted_by is 'Who granted them, if that was a person; null for scripts or a removed account.';

create index network_staff_granted_by_idx on public.network_staff (granted_by);

/**
 * is_network_staff()
 * Whether the signed-in person is network staff. Security definer so that policies on other tables can
 * ask without the caller needing to read network_staff; stable so a policy evaluates it once per query
 * when wrapped in (select ...).
 */
create function public.is_network_staff()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.network_staff s where s.user_id = (select auth.uid())
	);
$$;

comment on function public.is_network_staff() is
	'True when the signed-in user is network staff. Use in policies as (select public.is_network_staff()).';

revoke execute on function public.is_network_staff() from public, anon;
grant execute on function public.is_network_staff() to authenticated, service_role;

create policy "network staff can read the staff list"
	on public.network_staff for select
	to authenticated
	using ((select public.is_network_staff()));

revoke insert, update, delete, truncate on public.network_staff from anon, authenticated;

-- Profiles: the person behind an account, as others on the platform see them.

/**
 * profiles
 * One row per account, created by a trigger when the account is created and removed with it. A person
 * edits their own profile; visibility decides who else can read it. Never holds data about children.
 */
create table public.profiles (
	id uuid primary key references auth.users (id) on delete cascade,
	display_name text not null,
	personas text[] not null default '{}',
	municipality_nis text references public.municipalities (nis),
	bio text,
	visibility text not null default 'members',
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint profiles_display_name_length check (char_length(display_name) between 1 and 80),
	constraint profiles_display_name_trimmed check (display_name = btrim(display_name, E' \t\r\n')),
	constraint profiles_personas_known check (
		personas <@ array['teacher', 'volunteer', 'coordinator', 'company_rep', 'school_staff']::text[]
		and array_position(personas, null) is null
	),
	constraint profiles_personas_distinct check (private.has_distinct_elements(personas)),
	constraint profiles_bio_length check (char_length(bio) <= 500),
	constraint profiles_visibility_known check (visibility in ('public', 'members', 'private'))
);

alter table public.profiles enable row level security;

comment on table public.profiles is
	'A person on the platform: name, personas, municipality, bio and who may see them. Created by a trigger on auth.users.';
comment on column public.profiles.id is 'The account (auth.users.id); the profile is deleted with it.';
comment on column public.profiles.display_name is 'Name shown to others, 1 to 80 characters, trimmed. Defaults to the signup metadata display_name or the part of the email before @.';
comment on column public.profiles.personas is 'What the person comes as, any of: teacher, volunteer, coordinator, company_rep, school_staff. Self-declared: never grants rights.';
comment on column public.profiles.municipality_nis is 'Home municipality (NIS code); only a current municipality can be chosen.';
comment on column public.profiles.bio is 'Short introduction, at most 500 characters.';
comment on column public.profiles.visibility is 'Who may read the profile: public (anyone, also anonymous visitors), members (signed-in people) or private (only the person and network staff).';
comment on column public.profiles.created_at is 'When the profile (and the account) was created.';
comment on column public.profiles.updated_at is 'When the profile last changed.';

create index profiles_visibility_idx on public.profiles (visibility);
create index profiles_municipality_nis_idx on public.profiles (municipality_nis);
create index profiles_personas_idx on public.profiles using gin (personas);

/**
 * normalise_profile()
 * Trims the display name and bio so that " Jan " and "Jan" are the same name, and an empty bio is none.
 */
create function private.normalise_profile()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.display_name := btrim(new.display_name, E' \t\r\n');
	new.bio := nullif(btrim(new.bio, E' \t\r\n'), '');
	return new;
end;
$$;

comment on function private.normalise_profile() is 'Trigger: trims display_name and bio before the checks run.';

create trigger profiles_normalise
	before insert or update on public.profiles
	for each row execute function private.normalise_profile();

create trigger profiles_set_updated_at
	before update on public.profiles
	for each row execute function private.set_updated_at();

create trigger profiles_require_current_municipality
	before insert or update of municipality_nis on public.profiles
	for each row execute function private.require_current_municipality('municipality_nis');

/**
 * create_profile_for_new_user()
 * Gives every new account a profile. The signup metadata only proposes a display name; it is never
 * trusted for anything else.
 */
create function private.create_profile_for_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	proposed text := btrim(coalesce(new.raw_user_meta_data ->> 'display_name', ''), E' \t\r\n');
begin
	if proposed = '' then
		proposed := btrim(split_part(coalesce(new.email, ''), '@', 1), E' \t\r\n');
	end if;
	if proposed = '' then
		proposed := 'Nieuw lid';
	end if;

	insert into public.profiles (id, display_name)
	values (new.id, btrim(left(proposed, 80), E' \t\r\n'))
	on conflict (id) do nothing;
	return new;
end;
$$;

comment on function private.create_profile_for_new_user() is
	'Trigger on auth.users: creates the profile of a new account, named after the signup display_name or the email.';

create trigger on_auth_user_created_create_profile
	after insert on auth.users
	for each row execute function private.create_profile_for_new_user();

-- Policies ------------------------------------------------------------------------------------------

create policy "anonymous visitors can read public profiles"
	on public.profiles for select
	to anon
	using (visibility = 'public');

create policy "signed-in people can read public and members profiles"
	on public.profiles for select
	to authenticated
	using (visibility in ('public', 'members'));

create policy "people can read their own profile"
	on public.profiles for select
	to authenticated
	using (id = (select auth.uid()));

create policy "network staff can read every profile"
	on public.profiles for select
	to authenticated
	using ((select public.is_network_staff()));

create policy "people can update their own profile"
	on public.profiles for update
	to authenticated
	using (id = (select auth.uid()))
	with check (id = (select auth.uid()));

-- Profiles are created by the trigger and deleted with the account, never through the API. A person may
-- change only the columns they own: not id, created_at or updated_at.
revoke insert, update, delete, truncate on public.profiles from anon, authenticated;
grant update (display_name, personas, municipality_nis, bio, visibility) on public.profiles to authenticated;

revoke execute on all functions in schema private from public;
