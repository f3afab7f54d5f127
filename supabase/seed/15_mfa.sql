-- The demo network staff account uses two-factor sign-in, as network staff must (/netwerk needs aal2): a
-- confirmed TOTP factor with a fixed demo key, documented in the README next to the demo password. Add the
-- key to an authenticator app (or compute the code, as tests/e2e/support.ts does) to reach /netwerk.
-- Safe to run again.
insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
values (
	'd0000000-0000-4000-8000-00000000f006', 'd0000000-0000-4000-8000-000000000006', 'Demo-app',
	'totp', 'verified', now(), now(), 'GROEISTOOTNETWERKDEMO234567ABCDE'
)
on conflict (id) do nothing;
