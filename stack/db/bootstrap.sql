-- Supabase's platform layer for a bare Postgres: the roles, schemas, grants and auth helpers that
-- `supabase start` and hosted projects have before any project migration runs. Runs once, on a fresh
-- database, as the superuser `postgres`. Mirrors supabase/postgres' init scripts in behaviour.

-- Roles -----------------------------------------------------------------------------------------
do $$
begin
	if not exists (select from pg_roles where rolname = 'anon') then
		create role anon nologin noinherit;
	end if;
	if not exists (select from pg_roles where rolname = 'authenticated') then
		create role authenticated nologin noinherit;
	end if;
	if not exists (select from pg_roles where rolname = 'service_role') then
		create role service_role nologin noinherit bypassrls;
	end if;
	if not exists (select from pg_roles where rolname = 'authenticator') then
		create role authenticator login noinherit;
	end if;
	if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then
		create role supabase_auth_admin login noinherit createrole;
	end if;
	if not exists (select from pg_roles where rolname = 'supabase_admin') then
		create role supabase_admin login superuser createdb createrole replication bypassrls;
	end if;
end
$$;

-- PostgREST logs in as authenticator and switches to the role named in the JWT.
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;
alter role authenticator set statement_timeout = '8s';
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- Schemas -----------------------------------------------------------------------------------------
create schema if not exists extensions;
create schema if not exists auth authorization supabase_auth_admin;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
grant usage on schema auth to postgres, anon, authenticated, service_role;
grant all on schema auth to supabase_auth_admin, postgres;
alter role supabase_auth_admin set search_path = auth;

create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

-- Roles that query through PostgREST see public and extensions, as on Supabase.
alter role authenticator set search_path = public, extensions;
alter role postgres set search_path = "$user", public, extensions;
alter database postgres set search_path = "$user", public, extensions;

-- public: everything the API roles may touch is guarded by RLS, as on Supabase.
grant usage on schema public to postgres, anon, authenticated, service_role;
grant all on schema public to postgres;
alter default privileges for role postgres in schema public
	grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
	grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
	grant all on functions to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
	grant all on tables to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
	grant all on sequences to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
	grant all on functions to anon, authenticated, service_role;

-- Auth helpers, as Supabase defines them: they read the claims PostgREST puts in the transaction.
create or replace function auth.uid() returns uuid
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.sub', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
	)::uuid
$$;
comment on function auth.uid() is 'Deprecated. Use auth.jwt() -> ''sub'' instead.';

create or replace function auth.role() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.role', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
	)::text
$$;
comment on function auth.role() is 'Deprecated. Use auth.jwt() -> ''role'' instead.';

create or replace function auth.email() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.email', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
	)::text
$$;
comment on function auth.email() is 'Deprecated. Use auth.jwt() -> ''email'' instead.';

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim', true), ''),
		nullif(current_setting('request.jwt.claims', true), '')
	)::jsonb
$$;

alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.email() owner to supabase_auth_admin;
alter function auth.jwt() owner to supabase_auth_admin;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
	to postgres, anon, authenticated, service_role;

-- PostgREST reloads its schema cache when told so after migrations.
create or replace function extensions.notify_api_restart() returns event_trigger
language plpgsql
as $$
begin
	notify pgrst, 'reload schema';
end;
$$;
drop event trigger if exists api_restart;
create event trigger api_restart on ddl_command_end execute procedure extensions.notify_api_restart();
