// @ts-check
// The local stack's fixed contract (the Supabase CLI's defaults), each value overridable by environment.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const localDir = path.resolve(process.env.STACK_LOCAL_DIR ?? path.join(root, '.local'));

/** @param {string} name @param {number} fallback */
function port(name, fallback) {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(value) || value <= 0 || value > 65535) {
		throw new Error(`${name} must be a port number, not "${process.env[name]}"`);
	}
	return value;
}

export const host = '127.0.0.1';

export const ports = {
	gateway: port('STACK_API_PORT', 54321),
	postgres: port('STACK_DB_PORT', 54322),
	mailboxHttp: port('STACK_MAILBOX_PORT', 54324),
	mailboxSmtp: port('STACK_SMTP_PORT', 54325),
	postgrest: port('STACK_POSTGREST_PORT', 54330),
	postgrestAdmin: port('STACK_POSTGREST_ADMIN_PORT', 54331),
	meilisearch: port('STACK_MEILI_PORT', 7700)
};

// The Supabase CLI's well-known local secret and keys: public knowledge, for local use only.
export const jwtSecret =
	process.env.GOTRUE_JWT_SECRET ??
	process.env.STACK_JWT_SECRET ??
	'super-secret-jwt-token-with-at-least-32-characters-long';
export const anonKey =
	process.env.STACK_ANON_KEY ??
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const serviceRoleKey =
	process.env.STACK_SERVICE_ROLE_KEY ??
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

// The stack's well-known local signing key for access tokens (ES256, the kind `supabase gen signing-key`
// makes): public knowledge like the secret above, for local use only. A deployment sets its own in
// GOTRUE_JWT_KEYS (STACK_JWT_KEYS here). The anon and service_role keys stay HS256 with jwtSecret, as
// the Supabase CLI keeps them.
const localSigningKey = {
	kty: 'EC',
	kid: '05f84749-555a-4e9d-8e08-66686efaea51',
	alg: 'ES256',
	use: 'sig',
	key_ops: ['sign', 'verify'],
	crv: 'P-256',
	x: 'ZyYurhzPXJWdwvSXH0fa1RX6EKBbeZfSLbB1Pr4rmzw',
	y: '54yrJ3K6AN4LwVF7QEqmgMQxIRTRBEdI6h3h_uvGmjI',
	d: 'Qr7H_PKvuXToITefWP1iiSZtmk9ro9rQPhLFkLBd6IM'
};
/** GOTRUE_JWT_KEYS of the auth service: private JWKs, one of them with key_ops "sign"; '[]' for HS256 only. */
export const jwtKeys =
	process.env.GOTRUE_JWT_KEYS ?? process.env.STACK_JWT_KEYS ?? JSON.stringify([localSigningKey]);
export const meiliMasterKey =
	process.env.STACK_MEILI_MASTER_KEY ?? 'groeistoot-local-meilisearch-master-key';

export const dbPassword = process.env.STACK_DB_PASSWORD ?? 'postgres';
export const databaseUrl = `postgresql://postgres:${dbPassword}@${host}:${ports.postgres}/postgres`;
export const apiUrl = `http://${host}:${ports.gateway}`;
export const meiliUrl = `http://${host}:${ports.meilisearch}`;
/** Where the storage service keeps the bytes of uploaded files, one file per object. */
export const storageDir = path.join(localDir, 'storage');
export const mailboxUrl = `http://${host}:${ports.mailboxHttp}`;
/** Where the app runs in local use; auth links (password reset) point here. */
export const siteUrl = process.env.GOTRUE_SITE_URL ?? process.env.ORIGIN ?? 'http://127.0.0.1:5173';
