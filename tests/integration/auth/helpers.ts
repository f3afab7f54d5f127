// Shared helpers for the auth suites: clients on the local stack's gateway (each with its own client
// address), unique throw-away users, the local mailbox, and a private auth instance for settings the
// shared stack does not have (tiny rate limits, other headers).
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
import { anonClient, clientAddress, serviceClient } from '../support/supabase.js';

export { anonKey, apiUrl, clientAddress, jwtSecret, serviceRoleKey, mailboxUrl };
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

/**
 * Signs up through the public API as a person would: sign-up (no session until the address is
 * confirmed), the confirmation link from the mailbox, then a password sign-in on the given client.
 */
export async function signUpUser(
	client: SupabaseClient,
	tracker: ReturnType<typeof userTracker>,
	label = 'auth'
) {
	const email = uniqueEmail(label);
	const signUp = await client.auth.signUp({ email, password });
	if (signUp.error || !signUp.data.user) throw signUp.error ?? new Error('no user after sign-up');
	tracker.add(signUp.data.user.id);
	if (signUp.data.session) throw new Error('a sign-up got a session before confirming its address');
	const confirm = await follow(linkIn((await latestMail(email)).Text));
	if (confirm.status !== 303) throw new Error(`the confirmation link answered ${confirm.status}`);
	const { data, error } = await client.auth.signInWithPassword({ email, password });
	if (error || !data.session || !data.user) throw error ?? new Error('no session after sign-in');
	return { email, session: data.session, user: data.user };
}

/** The address of a confirmed user made through the admin API (as the seed's are), not signed in. */
export async function confirmedEmail(tracker: ReturnType<typeof userTracker>, label = 'auth') {
	const email = uniqueEmail(label);
	const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
	if (created.error || !created.data.user) throw created.error ?? new Error('no user');
	tracker.add(created.data.user.id);
	return email;
}

/** A confirmed user made through the admin API (as the seed's are), signed in on the given client. */
export async function confirmedUser(
	client: SupabaseClient,
	tracker: ReturnType<typeof userTracker>,
	label = 'auth'
) {
	const email = await confirmedEmail(tracker, label);
	const { data, error } = await client.auth.signInWithPassword({ email, password });
	if (error || !data.session || !data.user) throw error ?? new Error('no session after sign-in');
	return { email, session: data.session, user: data.user };
}

type MailSummary = { ID: string; Subject: string; To: { Address: string }[]; Created: string };

/** Waits for the newest mail to an address (and with a subject, if given) and returns its text. */
export async function latestMail(
	to: string,
	{ after = '', subject = '' } = {}
): Promise<{ Subject: string; Text: string; HTML: string }> {
	const query = subject ? `to:${to} subject:"${subject}"` : `to:${to}`;
	for (let i = 0; i < 50; i++) {
		const res = await fetch(`${mailboxUrl}/api/v1/messages?query=${encodeURIComponent(query)}`);
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

/**
 * Raw request to an auth root, for what supabase-js does not expose (status codes, headers). Each call
 * comes from its own client address unless the headers name one.
 */
export async function raw(
	path: string,
	init: RequestInit & { base?: string; headers?: Record<string, string> } = {}
) {
	const res = await fetch(`${init.base ?? authUrl}${path}`, {
		...init,
		redirect: 'manual',
		headers: {
			apikey: anonKey,
			'content-type': 'application/json',
			'x-forwarded-for': clientAddress(),
			...(init.headers ?? {})
		}
	});
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** Follows a mailed link as a browser would, from its own client address; answers the redirect. */
export function follow(link: string, headers: Record<string, string> = {}) {
	return fetch(link, {
		redirect: 'manual',
		headers: { 'x-forwarded-for': clientAddress(), ...headers }
	});
}

/**
 * An auth handler of its own (same database, same mailbox), configured like the stack's where `env`
 * says nothing: it asks for confirmation mails; without GOTRUE_RATE_LIMIT_HEADER it has no per-IP limits.
 */
export function ownAuthHandler(env: Record<string, string>) {
	return createAuthHandler(
		authOptionsFromEnv({
			GOTRUE_JWT_SECRET: jwtSecret,
			DATABASE_URL: `postgres://supabase_auth_admin:${encodeURIComponent(dbPassword)}@${host}:${ports.postgres}/postgres`,
			GOTRUE_MAILER_AUTOCONFIRM: 'false',
			GOTRUE_PASSWORD_MIN_LENGTH: '8',
			GOTRUE_SITE_URL: 'http://127.0.0.1:5173',
			GOTRUE_URI_ALLOW_LIST: 'http://127.0.0.1:*/**,http://localhost:*/**',
			GOTRUE_SMTP_HOST: host,
			GOTRUE_SMTP_PORT: String(ports.mailboxSmtp),
			GOTRUE_SMTP_ADMIN_EMAIL: 'noreply@groeistoot.test',
			GOTRUE_SMTP_MAX_FREQUENCY: '1s',
			...env
		})
	);
}

/**
 * A private auth instance (see ownAuthHandler) on an ephemeral port, mounted at /auth/v1 like the
 * gateway does, so other settings can be tested without touching the shared stack. Its mails link
 * to itself.
 */
export async function ownAuth(env: Record<string, string>) {
	// Requests arrive only after listen(), by when the handler (which needs the URL) exists.
	const server = http.createServer((req, res) => {
		req.url = (req.url ?? '/').replace(/^\/auth\/v1/, '') || '/';
		handler(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const handler = ownAuthHandler({ API_EXTERNAL_URL: url, ...env });
	return {
		url,
		client: (address?: string) => anonClient(url, address),
		async close() {
			await new Promise((r) => server.close(r));
			await handler.close();
		}
	};
}
