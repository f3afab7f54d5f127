-- GoTrue's `auth` schema, in the final shape that supabase/auth's migrations leave it in, so that a local
-- database can later be dumped into a real Supabase project (and GoTrue's own queries would run on it).
--
-- Runs on every fresh database, after stack/db/bootstrap.sql (which creates the roles, `create schema auth`
-- and auth.uid()/role()/jwt()/email()). Every statement is idempotent.
--
-- Only the tables the local auth service (stack/auth) and supabase-js use are created; SAML/SSO, OAuth
-- server and passkey tables are left out. auth.schema_migrations is created but deliberately left empty: a
-- real GoTrue pointed at this database must run its own migrations (all `if not exists`) instead of
-- trusting that this file matches every one of them.

grant usage, create on schema auth to supabase_auth_admin;
grant usage on schema auth to postgres, anon, authenticated, service_role;

-- Enum types (created once; `create type` has no `if not exists`).
do $$ begin
	create type auth.factor_type as enum ('totp', 'webauthn', 'phone');
exception when duplicate_object then null; end $$;
do $$ begin
	create type auth.factor_status as enum ('unverified', 'verified');
exception when duplicate_object then null; end $$;
do $$ begin
	create type auth.aal_level as enum ('aal1', 'aal2', 'aal3');
exception when duplicate_object then null; end $$;
do $$ begin
	create type auth.code_challenge_method as enum ('s256', 'plain');
exception when duplicate_object then null; end $$;
do $$ begin
	create type auth.one_time_token_type as enum (
		'confirmation_token',
		'reauthentication_token',
		'recovery_token',
		'email_change_token_new',
		'email_change_token_current',
		'phone_change_token'
	);
exception when duplicate_object then null; end $$;

-- auth.users ---------------------------------------------------------------------------------------------
-- The string token columns must hold '' rather than NULL for GoTrue (its Go structs scan them into plain
-- strings); the local service always writes ''. Seeds that insert users directly should do the same.
create table if not exists auth.users (
	instance_id uuid null,
	id uuid not null,
	aud varchar(255) null,
	role varchar(255) null,
	email varchar(255) null,
	encrypted_password varchar(255) null,
	email_confirmed_at timestamptz null,
	invited_at timestamptz null,
	confirmation_token varchar(255) null,
	confirmation_sent_at timestamptz null,
	recovery_token varchar(255) null,
	recovery_sent_at timestamptz null,
	email_change_token_new varchar(255) null,
	email_change varchar(255) null,
	email_change_sent_at timestamptz null,
	last_sign_in_at timestamptz null,
	raw_app_meta_data jsonb null,
	raw_user_meta_data jsonb null,
	is_super_admin boolean null,
	created_at timestamptz null,
	updated_at timestamptz null,
	phone text null default null,
	phone_confirmed_at timestamptz null default null,
	phone_change text null default '',
	phone_change_token varchar(255) null default '',
	phone_change_sent_at timestamptz null default null,
	confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
	email_change_token_current varchar(255) null default '',
	email_change_confirm_status smallint null default 0,
	banned_until timestamptz null,
	reauthentication_token varchar(255) null default '',
	reauthentication_sent_at timestamptz null default null,
	is_sso_user boolean not null default false,
	deleted_at timestamptz null,
	is_anonymous boolean not null default false,
	constraint users_pkey primary key (id),
	constraint users_phone_key unique (phone),
	constraint users_email_change_confirm_status_check
		check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2)
);
comment on table auth.users is 'Auth: Stores user login data within a secure schema.';
comment on column auth.users.is_sso_user is
	'Auth: Set this column to true when the account comes from SSO. These accounts can have duplicate emails.';

create index if not exists users_instance_id_idx on auth.users using btree (instance_id);
create index if not exists users_instance_id_email_idx on auth.users using btree (instance_id, lower(email));
create index if not exists users_is_anonymous_idx on auth.users using btree (is_anonymous);
-- Emails are unique among non-SSO accounts only; GoTrue stores them lower-cased.
create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);
comment on index auth.users_email_partial_key is 'Auth: A partial unique index that applies only when is_sso_user is false';
-- Token columns are unique when they hold a hash; empty strings and numeric OTPs are exempt.
create unique index if not exists confirmation_token_idx on auth.users using btree (confirmation_token)
	where confirmation_token !~ '^[0-9 ]*$';
create unique index if not exists recovery_token_idx on auth.users using btree (recovery_token)
	where recovery_token !~ '^[0-9 ]*$';
create unique index if not exists email_change_token_current_idx on auth.users using btree (email_change_token_current)
	where email_change_token_current !~ '^[0-9 ]*$';
create unique index if not exists email_change_token_new_idx on auth.users using btree (email_change_token_new)
	where email_change_token_new !~ '^[0-9 ]*$';
create unique index if not exists reauthentication_token_idx on auth.users using btree (reauthentication_token)
	where reauthentication_token !~ '^[0-9 ]*$';

-- auth.identities ----------------------------------------------------------------------------------------
create table if not exists auth.identities (
	provider_id text not null,
	user_id uuid not null,
	identity_data jsonb not null,
	provider text not null,
	last_sign_in_at timestamptz null,
	created_at timestamptz null,
	updated_at timestamptz null,
	email text generated always as (lower(identity_data ->> 'email')) stored,
	id uuid not null default gen_random_uuid(),
	constraint identities_pkey primary key (id),
	constraint identities_provider_id_provider_unique unique (provider_id, provider),
	constraint identities_user_id_fkey foreign key (user_id) references auth.users (id) on delete cascade
);
comment on table auth.identities is 'Auth: Stores identities associated to a user.';
comment on column auth.identities.email is
	'Auth: Email is a generated column that references the optional email property in the identity_data';
create index if not exists identities_user_id_idx on auth.identities using btree (user_id);
create index if not exists identities_email_idx on auth.identities (email text_pattern_ops);

-- auth.instances, auth.audit_log_entries, auth.schema_migrations ----------------------------------------
create table if not exists auth.instances (
	id uuid not null,
	uuid uuid null,
	raw_base_config text null,
	created_at timestamptz null,
	updated_at timestamptz null,
	constraint instances_pkey primary key (id)
);
comment on table auth.instances is 'Auth: Manages users across multiple sites.';

create table if not exists auth.audit_log_entries (
	instance_id uuid null,
	id uuid not null,
	payload json null,
	created_at timestamptz null,
	ip_address varchar(64) not null default '',
	constraint audit_log_entries_pkey primary key (id)
);
comment on table auth.audit_log_entries is 'Auth: Audit trail for user actions.';
create index if not exists audit_logs_instance_id_idx on auth.audit_log_entries using btree (instance_id);

create table if not exists auth.schema_migrations (
	version varchar(255) not null,
	constraint schema_migrations_pkey primary key (version)
);
comment on table auth.schema_migrations is 'Auth: Manages updates to the auth system.';

-- auth.sessions, auth.refresh_tokens ---------------------------------------------------------------------
create table if not exists auth.sessions (
	id uuid not null,
	user_id uuid not null,
	created_at timestamptz null,
	updated_at timestamptz null,
	factor_id uuid null,
	aal auth.aal_level null,
	not_after timestamptz null,
	refreshed_at timestamp without time zone null,
	user_agent text null,
	ip inet null,
	tag text null,
	oauth_client_id uuid null,
	refresh_token_hmac_key text null,
	refresh_token_counter bigint null,
	scopes text null,
	constraint sessions_pkey primary key (id),
	constraint sessions_user_id_fkey foreign key (user_id) references auth.users (id) on delete cascade,
	constraint sessions_scopes_length check (char_length(scopes) <= 4096)
);
comment on table auth.sessions is 'Auth: Stores session data associated to a user.';
comment on column auth.sessions.not_after is
	'Auth: Not after is a nullable column that contains a timestamp after which the session should be regarded as expired.';
create index if not exists user_id_created_at_idx on auth.sessions (user_id, created_at);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);
create index if not exists sessions_not_after_idx on auth.sessions (not_after desc);
create index if not exists sessions_oauth_client_id_idx on auth.sessions (oauth_client_id);

create table if not exists auth.refresh_tokens (
	instance_id uuid null,
	id bigserial not null,
	token varchar(255) null,
	-- GoTrue keeps this as text (a historical choice); it holds the user's uuid.
	user_id varchar(255) null,
	revoked boolean null,
	created_at timestamptz null,
	updated_at timestamptz null,
	-- The token this one replaced on rotation; no foreign key so old parents can be cleaned up.
	parent varchar(255) null,
	session_id uuid null,
	constraint refresh_tokens_pkey primary key (id),
	constraint refresh_tokens_token_unique unique (token),
	constraint refresh_tokens_session_id_fkey foreign key (session_id) references auth.sessions (id) on delete cascade
);
comment on table auth.refresh_tokens is 'Auth: Store of tokens used to refresh JWT tokens once they expire.';
create index if not exists refresh_tokens_instance_id_idx on auth.refresh_tokens using btree (instance_id);
create index if not exists refresh_tokens_instance_id_user_id_idx on auth.refresh_tokens using btree (instance_id, user_id);
create index if not exists refresh_tokens_parent_idx on auth.refresh_tokens using btree (parent);
create index if not exists refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);
create index if not exists refresh_tokens_updated_at_idx on auth.refresh_tokens (updated_at desc);

-- MFA (tables only: the local service does not implement MFA, but GoTrue's queries join them) -------------
create table if not exists auth.mfa_factors (
	id uuid not null,
	user_id uuid not null,
	friendly_name text null,
	factor_type auth.factor_type not null,
	status auth.factor_status not null,
	created_at timestamptz not null,
	updated_at timestamptz not null,
	secret text null,
	phone text null default null,
	last_challenged_at timestamptz null default null,
	web_authn_credential jsonb null,
	web_authn_aaguid uuid null,
	last_webauthn_challenge_data jsonb null,
	constraint mfa_factors_pkey primary key (id),
	constraint mfa_factors_last_challenged_at_key unique (last_challenged_at),
	constraint mfa_factors_user_id_fkey foreign key (user_id) references auth.users (id) on delete cascade
);
comment on table auth.mfa_factors is 'auth: stores metadata about factors';
create unique index if not exists mfa_factors_user_friendly_name_unique on auth.mfa_factors (friendly_name, user_id)
	where trim(friendly_name) <> '';
create index if not exists factor_id_created_at_idx on auth.mfa_factors (user_id, created_at);
create index if not exists mfa_factors_user_id_idx on auth.mfa_factors (user_id);
create unique index if not exists unique_phone_factor_per_user on auth.mfa_factors (user_id, phone);

create table if not exists auth.mfa_challenges (
	id uuid not null,
	factor_id uuid not null,
	created_at timestamptz not null,
	verified_at timestamptz null,
	ip_address inet not null,
	otp_code text null,
	web_authn_session_data jsonb null,
	constraint mfa_challenges_pkey primary key (id),
	constraint mfa_challenges_auth_factor_id_fkey foreign key (factor_id) references auth.mfa_factors (id) on delete cascade
);
comment on table auth.mfa_challenges is 'auth: stores metadata about challenge requests made';
create index if not exists mfa_challenge_created_at_idx on auth.mfa_challenges (created_at desc);

create table if not exists auth.mfa_amr_claims (
	session_id uuid not null,
	created_at timestamptz not null,
	updated_at timestamptz not null,
	authentication_method text not null,
	id uuid not null,
	constraint amr_id_pk primary key (id),
	constraint mfa_amr_claims_session_id_authentication_method_pkey unique (session_id, authentication_method),
	constraint mfa_amr_claims_session_id_fkey foreign key (session_id) references auth.sessions (id) on delete cascade
);
comment on table auth.mfa_amr_claims is 'auth: stores authenticator method reference claims for multi factor authentication';

-- auth.flow_state (PKCE) ---------------------------------------------------------------------------------
create table if not exists auth.flow_state (
	id uuid not null,
	user_id uuid null,
	auth_code text null,
	code_challenge_method auth.code_challenge_method null,
	code_challenge text null,
	provider_type text not null,
	provider_access_token text null,
	provider_refresh_token text null,
	created_at timestamptz null,
	updated_at timestamptz null,
	authentication_method text not null,
	auth_code_issued_at timestamptz null,
	invite_token text null,
	referrer text null,
	linking_target_id uuid null,
	email_optional boolean not null default false,
	constraint flow_state_pkey primary key (id)
);
comment on table auth.flow_state is 'Stores metadata for all OAuth/SSO login flows';
create index if not exists idx_auth_code on auth.flow_state (auth_code);
create index if not exists idx_user_id_auth_method on auth.flow_state (user_id, authentication_method);
create index if not exists flow_state_created_at_idx on auth.flow_state (created_at desc);

-- auth.one_time_tokens -----------------------------------------------------------------------------------
create table if not exists auth.one_time_tokens (
	id uuid not null,
	user_id uuid not null,
	token_type auth.one_time_token_type not null,
	token_hash text not null,
	relates_to text not null,
	created_at timestamp without time zone not null default now(),
	updated_at timestamp without time zone not null default now(),
	constraint one_time_tokens_pkey primary key (id),
	constraint one_time_tokens_user_id_fkey foreign key (user_id) references auth.users (id) on delete cascade,
	constraint one_time_tokens_token_hash_check check (char_length(token_hash) > 0)
);
create index if not exists one_time_tokens_token_hash_hash_idx on auth.one_time_tokens using hash (token_hash);
create index if not exists one_time_tokens_relates_to_hash_idx on auth.one_time_tokens using hash (relates_to);
create unique index if not exists one_time_tokens_user_id_token_type_key on auth.one_time_tokens (user_id, token_type);

-- Ownership, row level security and grants, as on Supabase ---------------------------------------------
do $$
declare
	t text;
begin
	foreach t in array array[
		'users', 'identities', 'instances', 'audit_log_entries', 'schema_migrations', 'sessions',
		'refresh_tokens', 'mfa_factors', 'mfa_challenges', 'mfa_amr_claims', 'flow_state', 'one_time_tokens'
	] loop
		execute format('alter table auth.%I owner to supabase_auth_admin', t);
		-- RLS without policies: nobody but the owner (and superusers) reads these through the API roles.
		execute format('alter table auth.%I enable row level security', t);
		execute format('grant select on auth.%I to postgres with grant option', t);
	end loop;
	execute 'alter sequence auth.refresh_tokens_id_seq owner to supabase_auth_admin';
	foreach t in array array[
		'factor_type', 'factor_status', 'aal_level', 'code_challenge_method', 'one_time_token_type'
	] loop
		execute format('alter type auth.%I owner to supabase_auth_admin', t);
	end loop;
end $$;

-- Server-side code running as service_role (and the dashboard's postgres) may look users up.
grant select on auth.users, auth.identities to service_role;
grant all on all tables in schema auth to supabase_auth_admin;
grant all on all sequences in schema auth to supabase_auth_admin;
