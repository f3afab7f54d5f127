// Shared steps for the e2e specs: accounts, the local mailbox and axe. Locators use roles and labels only.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import ws from 'ws';
import { apiUrl, databaseUrl, mailboxUrl, serviceRoleKey } from '../../stack/config.js';
import { generateSecret, totp } from '../../stack/auth/totp.js';

/**
 * A made-up client address (10.0.0.0/8) for the X-Forwarded-For header. The built app under test reads the
 * client's address from that header (ADDRESS_HEADER, see playwright.config.ts) and limits sign-ins and
 * sign-ups per address, so every test is a client of its own instead of the whole suite being one.
 */
export function clientAddress(): string {
	return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/**
 * Playwright's `test` with a client address of its own per test: every context and request of the test
 * (also `browser.newContext()`) sends it, unless it passes its own `extraHTTPHeaders`.
 */
export const test = base.extend({
	extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
		await use({ ...extraHTTPHeaders, 'X-Forwarded-For': clientAddress() });
	}
});

export { expect };

export type Account = { name: string; email: string; password: string };

export function newAccount(name = 'Sara Peeters'): Account {
	return {
		name,
		email: `e2e-${randomUUID().slice(0, 12)}@groeistoot.test`,
		password: `Wachtwoord-${randomUUID().slice(0, 8)}`
	};
}

/** An account that exists and is confirmed already, made through the auth admin API (not the app). */
export async function existingAccount(name = 'Sara Peeters'): Promise<Account> {
	const account = newAccount(name);
	const admin = createClient(apiUrl, serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never }
	});
	const { error } = await admin.auth.admin.createUser({
		email: account.email,
		password: account.password,
		email_confirm: true,
		user_metadata: { display_name: name }
	});
	if (error) throw error;
	return account;
}

/** What the register page says after a sign-up, for a new address and for one with an account alike. */
export const CHECK_MAIL = (email: string) =>
	`Bijna klaar: kijk in je mailbox. We stuurden een e-mail naar ${email} met wat je verder moet doen.`;

/** Fills in and sends the register form; the page then asks to look in the mailbox. */
export async function submitRegistration(page: Page, account: Account): Promise<void> {
	await page.goto('/registreren');
	await page.getByLabel('Naam').fill(account.name);
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
	await page.getByLabel('Herhaal je wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByRole('status')).toHaveText(CHECK_MAIL(account.email));
}

/** Registers as a person does: the form, then the confirmation link in the mail, which signs them in. */
export async function register(page: Page, account: Account): Promise<void> {
	await submitRegistration(page, account);
	await page.goto(await linkFromMail(account.email, /\/verify\?/));
	// Confirmed and signed in, people land on their home; the tests go on from their profile.
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await page.goto('/profiel');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible();
}

/**
 * Whether the page loads the app at all: one with `csr = false` (the coverage pages, a municipality's page)
 * has no script to hydrate.
 */
export async function shipsJavaScript(page: Page): Promise<boolean> {
	return (await page.locator('script').count()) > 0;
}

/** Opens a page and waits until it is hydrated (see the root layout), so what is typed next stays. */
export async function gotoHydrated(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/**
 * Holds the page's scripts back until the returned function is called (the styles still load), as on a slow
 * connection where people type and tick before the page hydrates.
 */
export async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	return release;
}

/**
 * Signs in with a password. Accounts with a confirmed authenticator app (the demo network staff account
 * has one, see supabase/seed/15_mfa.sql) then pass the code step with the code of that moment, computed
 * from the factor's key read with SQL, so they reach aal2 (needed for /netwerk) as a person would.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
	const secret = await totpSecret(email);
	await gotoHydrated(page, '/aanmelden');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	if (secret) await enterTotpCode(page, secret);
}

/** The key of an account's confirmed TOTP factor, or null when it has none. */
export async function totpSecret(email: string): Promise<string | null> {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const { rows } = await db.query<{ secret: string }>(
			`select f.secret from auth.mfa_factors f join auth.users u on u.id = f.user_id
			 where lower(u.email) = lower($1) and f.status = 'verified' and f.factor_type = 'totp'
			 order by f.created_at limit 1`,
			[email]
		);
		return rows[0]?.secret ?? null;
	} finally {
		await db.end();
	}
}

/**
 * Gives an account a confirmed TOTP factor (as if it had set up an authenticator app), so that signIn()
 * takes it through the code step to aal2: for network staff made by a spec, since /netwerk needs aal2.
 */
export async function addConfirmedTotp(db: pg.Client, userId: string): Promise<string> {
	const secret = generateSecret();
	await db.query(
		`insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
		 values (gen_random_uuid(), $1, 'e2e', 'totp', 'verified', now(), now(), $2)`,
		[userId, secret]
	);
	return secret;
}

/** On the code step after a password sign-in: types the code of this moment and confirms. */
export async function enterTotpCode(page: Page, secret: string): Promise<void> {
	await page.waitForURL(/\/aanmelden\/code/);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByLabel('Code van zes cijfers').fill(totp(secret));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/aanmelden'));
}

/** The header's account menu (a <details> whose button names the person and their unread notifications). */
export function accountMenu(page: Page): Locator {
	return page
		.getByRole('banner')
		.getByRole('group')
		.filter({ hasText: /Account van / });
}

/** Opens the header's account menu (notifications, own pages, sign-out) unless it is open already. */
export async function openAccountMenu(page: Page): Promise<void> {
	const signOutButton = page.getByRole('banner').getByRole('button', { name: 'Afmelden' });
	if (!(await signOutButton.isVisible())) await accountMenu(page).click();
	await expect(signOutButton).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
	await openAccountMenu(page);
	await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Aanmelden' })).toBeVisible();
}

type MailSummary = { ID: string; Subject: string; Created: string };
type Mail = { Text: string; HTML: string };

/** The subjects of the mails to `email`, oldest first. */
export async function mailSubjects(email: string): Promise<string[]> {
	const query = new URLSearchParams({ query: `to:${email}` });
	const list = (await (await fetch(`${mailboxUrl}/api/v1/messages?${query}`)).json()) as {
		messages: MailSummary[];
	};
	return [...list.messages]
		.sort((a, b) => a.Created.localeCompare(b.Created))
		.map((mail) => mail.Subject);
}

/** The first link in the newest mail to `email` whose text matches `linkPattern`, waiting for it to arrive. */
export async function linkFromMail(email: string, linkPattern: RegExp): Promise<string> {
	let link: string | undefined;
	await expect
		.poll(
			async () => {
				const query = new URLSearchParams({ query: `to:${email}` });
				const list = (await (await fetch(`${mailboxUrl}/api/v1/messages?${query}`)).json()) as {
					messages: MailSummary[];
				};
				const newest = [...list.messages].sort((a, b) => b.Created.localeCompare(a.Created))[0];
				if (!newest) return undefined;
				const mail = (await (
					await fetch(`${mailboxUrl}/api/v1/message/${newest.ID}`)
				).json()) as Mail;
				const links = `${mail.Text}\n${mail.HTML}`.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
				link = links.map((l) => l.replaceAll('&amp;', '&')).find((l) => linkPattern.test(l));
				return link;
			},
			{ message: `a mail with a link for ${email}`, timeout: 15_000 }
		)
		.toBeTruthy();
	return link!;
}

// Evaluated rather than added as a <script>: the pages' Content-Security-Policy refuses inline scripts.
const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

type AxeViolation = {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
};

/** Runs axe on the current page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } })
			.axe;
		return (await axe.run()).violations;
	});
	const readable = (violations as AxeViolation[]).map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(readable, `axe violations on ${page.url()}`).toEqual([]);
}

/** One row's value from the seed, which every local stack loads. */
export async function seedValue(
	db: pg.Client,
	sql: string,
	values: unknown[] = []
): Promise<string> {
	const { rows } = await db.query<{ value: string }>(sql, values);
	if (!rows[0]) throw new Error(`the seed has nothing for: ${sql}`);
	return rows[0].value;
}

/**
 * The seed's organisations and records that checks over every page visit: the academy of the demo
 * coordinator and the school of the demo school (the first each owns), the first company and partner,
 * and one activity, request, offer and agreement of theirs, and a public offer and request.
 */
export async function seedIds(db: pg.Client) {
	const owned = (email: string) =>
		seedValue(
			db,
			`select o.slug as value from public.memberships m
			 join public.organisations o on o.id = m.organisation_id
			 join auth.users u on u.id = m.user_id
			 where u.email = $1 and m.role = 'owner' order by o.slug limit 1`,
			[email]
		);
	const publicSlug = (kind: string) =>
		seedValue(
			db,
			`select slug as value from public.organisations where kind = $1 order by slug limit 1`,
			[kind]
		);
	const academy = await owned('coordinator@groeistoot.test');
	const school = await owned('school@groeistoot.test');
	return {
		academy,
		school,
		company: await publicSlug('company'),
		partner: await publicSlug('partner'),
		activity: await seedValue(
			db,
			`select a.id::text as value from public.activities a join public.organisations o
			 on o.id = a.organisation_id where o.slug = $1 and a.status = 'published'
			 order by a.start_date desc limit 1`,
			[academy]
		),
		request: await seedValue(
			db,
			`select r.id::text as value from public.requests r join public.organisations o
			 on o.id = r.organisation_id where o.slug = $1 order by r.created_at limit 1`,
			[academy]
		),
		offer: await seedValue(
			db,
			`select f.id::text as value from public.offers f join public.organisations o
			 on o.id = f.organisation_id where o.slug = $1 order by f.created_at limit 1`,
			[school]
		),
		agreement: await seedValue(
			db,
			`select g.id::text as value from public.agreements g join public.organisations o
			 on o.id = g.academy_id where o.slug = $1 order by g.created_at limit 1`,
			[academy]
		),
		publicOffer: await seedValue(
			db,
			`select id::text as value from public.offers where status = 'active'
			 order by created_at limit 1`
		),
		publicRequest: await seedValue(
			db,
			`select id::text as value from public.requests where status = 'open'
			 order by created_at limit 1`
		)
	};
}
