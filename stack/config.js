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
