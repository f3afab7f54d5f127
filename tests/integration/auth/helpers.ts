// Shared helpers for the auth suites: clients on the local stack's gateway, unique throw-away users,
// the local mailbox, and a private auth instance with tiny limits for rate-limit tests.
import { randomUUID, createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import {
	anonKey,
	apiUrl,
	databaseUrl,
	dbPassword,
	host,
	jwtSecret,
	mailboxUrl,
	ports,
	serviceRoleKey
} from '../../../stack/config.js';
import { authOptionsFromEnv, createAuthHandler } from '../../../stack/auth/server.js';
import { anonClient, serviceClient } from '../support/supabase.js';

export { anonKey, apiUrl, jwtSecret, serviceRoleKey, mailboxUrl };
export const authUrl = `${apiUrl}/auth/v1`;
export const password = 'auth-test-wachtwoord-1';

export const anon = (url = apiUrl): SupabaseClient => anonClient(url);

export const admin: SupabaseClient = serviceClient();

export const uniqueEmail = (label = 'auth') => `${label}-${randomUUID()}@example.test`;

let db: pg.Client | undefined;
/** SQL as postgres, to check what GoTrue's tables really hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check the rows
export async function sql(text: string, values: unknown[] = []): Promise<any[]> {
	if (!db) {
		db = new pg.Client({ connectionString: databaseUrl });
		await db.connect();
	}
	return (await db.query(text, values)).rows;
}

/** Tracks users a suite creates and deletes them in afterAll. */
export function userTracker() {
	const ids = new Set<string>();
	return {
		add(id: string | undefined) {
			if (id) ids.add(id);
		},
		async cleanup() {
			// Also catch users made without an id in hand (e.g. sign-ups that returned an error).
			for (const id of ids) await admin.auth.admin.deleteUser(id);
			ids.clear();
			await db?.end();
			db = undefined;
		}
	};
}

/** Signs up a confirmed user on the given client and returns its session. */
export async function signUpUser(
	client: SupabaseClient,
	tracker: ReturnType<typeof userTracker>,
	label = 'auth'
) {
	const email = uniqueEmail(label);
	const { data, error } = await client.auth.signUp({ email, password });
	if (error || !data.session || !data.user) throw error ?? new Error('no session after sign-up');
	tracker.add(data.user.id);
	return { email, session: data.session, user: data.user };
}

type MailSummary = { ID: string; Subject: string; To: { Address: string }[]; Created: string };

/** Waits for the newest mail to an address in the local mailbox and returns its text. */
export async function latestMail(
	to: string,
	{ after = '' } = {}
): Promise<{ Subject: string; Text: string; HTML: string }> {
	for (let i = 0; i < 50; i++) {
		const res = await fetch(
			`${mailboxUrl}/api/v1/messages?query=${encodeURIComponent(`to:${to}`)}`
		);
		const list = (await res.json()) as { messages: MailSummary[] };
		const m = list.messages.find((x) => x.Created > after);
		if (m) return (await (await fetch(`${mailboxUrl}/api/v1/message/${m.ID}`)).json()) as never;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no mail for ${to}`);
}

export async function mailCount(to: string) {
	const res = await fetch(`${mailboxUrl}/api/v1/messages?query=${encodeURIComponent(`to:${to}`)}`);
	return ((await res.json()) as { messages_count: number }).messages_count;
}

export const linkIn = (text: string) => /https?:\/\/\S+\/verify\?\S+/.exec(text)?.[0] ?? '';
export const otpIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

export function pkcePair() {
	const verifier = randomBytes(48).toString('base64url');
	const challenge = createHash('sha256').update(verifier).digest('base64url');
	return { verifier, challenge };
}

export function decodeJwt(token: string) {
	return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** Raw request to an auth root, for what supabase-js does not expose (status codes, headers). */
export async function raw(path: string, init: RequestInit & { base?: string } = {}) {
	const res = await fetch(`${init.base ?? authUrl}${path}`, {
		...init,
		redirect: 'manual',
		headers: { apikey: anonKey, 'content-type': 'application/json', ...(init.headers ?? {}) }
	});
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/**
 * A private auth instance (same database, same mailbox) on an ephemeral port, mounted at /auth/v1
 * like the gateway does, so tiny limits can be tested without touching the shared stack.
 */
export async function ownAuth(env: Record<string, string>) {
	const handler = createAuthHandler(
		authOptionsFromEnv({
			GOTRUE_JWT_SECRET: jwtSecret,
			DATABASE_URL: `postgres://supabase_auth_admin:${encodeURIComponent(dbPassword)}@${host}:${ports.postgres}/postgres`,
			GOTRUE_MAILER_AUTOCONFIRM: 'true',
			GOTRUE_PASSWORD_MIN_LENGTH: '8',
			GOTRUE_SITE_URL: 'http://127.0.0.1:5173',
			GOTRUE_SMTP_HOST: host,
			GOTRUE_SMTP_PORT: String(ports.mailboxSmtp),
			GOTRUE_SMTP_ADMIN_EMAIL: 'noreply@groeistoot.test',
			GOTRUE_SMTP_MAX_FREQUENCY: '1s',
			...env
		})
	);
	const server = http.createServer((req, res) => {
		req.url = (req.url ?? '/').replace(/^\/auth\/v1/, '') || '/';
		handler(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		client: () => anon(url),
		async close() {
			await new Promise((r) => server.close(r));
			await handler.close();
		}
	};
}
