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
