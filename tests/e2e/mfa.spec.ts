// Two-factor sign-in (TOTP): turning it on from the profile, the code step after a password sign-in,
// network staff pages refused at aal1, and recovery with a code by e-mail when the device is lost.
import pg from 'pg';
import { databaseUrl, mailboxUrl } from '../../stack/config.js';
import { totp } from '../../stack/auth/totp.js';
import {
	existingAccount,
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	signIn,
	signOut,
	test,
	type Account
} from './support';
import type { Page } from '@playwright/test';

const STAFF = 'netwerk@groeistoot.test';
const DEMO_PASSWORD = 'groeistoot-demo';

async function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []) {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		return (await db.query<T>(text, values)).rows;
	} finally {
		await db.end();
	}
}

/** The six-digit code in the newest mail to `email` with this subject, waiting for it to arrive. */
async function codeFromMail(email: string, subject: string): Promise<string> {
	let code = '';
	await expect
		.poll(
			async () => {
				const query = new URLSearchParams({ query: `to:${email} subject:"${subject}"` });
				const list = (await (await fetch(`${mailboxUrl}/api/v1/messages?${query}`)).json()) as {
					messages: { ID: string; Created: string }[];
				};
				const newest = [...list.messages].sort((a, b) => b.Created.localeCompare(a.Created))[0];
				if (!newest) return '';
				const mail = (await (await fetch(`${mailboxUrl}/api/v1/message/${newest.ID}`)).json()) as {
					Text: string;
				};
				code = /\b(\d{6})\b/.exec(mail.Text)?.[1] ?? '';
				return code;
			},
			{ message: `a code by mail for ${email}`, timeout: 15_000 }
		)
		.toMatch(/^\d{6}$/);
	return code;
}

/** Signs in with the password only (no code step) and lands where the app sends aal1 sessions. */
async function signInPasswordOnly(page: Page, email: string, password: string) {
	await gotoHydrated(page, '/aanmelden');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** Turns two-factor sign-in on from the profile page; answers the key shown for manual entry. */
async function enrolFromProfile(page: Page): Promise<string> {
	await gotoHydrated(page, '/profiel');
	await page.getByRole('link', { name: 'Tweestapsverificatie' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' })).toBeVisible();
	await expect(page.getByText('Tweestapsverificatie staat nog niet aan.')).toBeVisible();
	await page.getByLabel('Naam van je toestel').fill('Telefoon');
	await page.getByRole('button', { name: 'QR-code tonen' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Scan de QR-code' })).toBeVisible();
	const qr = page.getByRole('img', {
		name: 'QR-code om Groeistoot aan je authenticator-app toe te voegen'
	});
	await expect(qr).toBeVisible();
	// Drawn, not only its alternative text: the page's Content-Security-Policy must let the image load.
	await expect
		.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
		.toBeGreaterThan(0);
	const secret = (await page.getByRole('code').textContent())?.trim() ?? '';
	expect(secret).toMatch(/^[A-Z2-7]{32}$/);
	return secret;
}

test('two-factor sign-in: turned on from the profile, then a code step after the password', async ({
	page
}) => {
	const account: Account = await existingAccount('Nora Wouters');
	await signIn(page, account.email, account.password);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	const secret = await enrolFromProfile(page);
	await expectNoAxeViolations(page);

	// A wrong code first: a message next to the field, the QR code and key stay.
	const wrong = totp(secret) === '000000' ? '111111' : '000000';
	await page.getByLabel('Code van zes cijfers').fill(wrong);
	await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
	await expect(
		page.getByText('Deze code klopt niet of is verlopen. Typ de code die je app nu toont.')
	).toBeVisible();
	await expect(page.getByRole('code')).toHaveText(secret);

	await page.getByLabel('Code van zes cijfers').fill(totp(secret));
	await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
	await expect(page.getByRole('status')).toContainText('Tweestapsverificatie staat aan.');
	await expect(page.getByRole('listitem').filter({ hasText: 'Telefoon' })).toBeVisible();

	// A phone-width screen: nothing scrolls sideways.
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 1280, height: 800 });

	await signOut(page);
	await signInPasswordOnly(page, account.email, account.password);
	await expect(page).toHaveURL(/\/aanmelden\/code/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Code uit je authenticator-app' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Code van zes cijfers').fill('12');
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(
		page.getByText('Typ de zes cijfers uit je authenticator-app, zonder spaties.')
	).toBeVisible();
	await page.getByLabel('Code van zes cijfers').fill(totp(secret));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page).not.toHaveURL(/\/aanmelden/);
	const rows = await sql<{ aal: string }>(
		`select s.aal from auth.sessions s join auth.users u on u.id = s.user_id
		 where u.email = $1 order by s.created_at desc limit 1`,
		[account.email]
	);
	expect(rows[0]?.aal).toBe('aal2');
});

test('a network staff page is refused at aal1: the code step first, shown only after it', async ({
	page
}) => {
	await signInPasswordOnly(page, STAFF, DEMO_PASSWORD);
	await expect(page).toHaveURL(/\/aanmelden\/code/);
	// Skipping the code step leaves an aal1 session: staff pages redirect, they are not shown.
	await page.getByRole('link', { name: 'Later, verder zonder code' }).click();
	await expect(page).not.toHaveURL(/\/aanmelden/);
	const response = await page.goto('/netwerk/verificatie');
	expect(response?.status()).toBe(200);
	await expect(page).toHaveURL(/\/aanmelden\/code\?redirectTo=%2Fnetwerk%2Fverificatie/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Verificatie van organisaties' })
	).toHaveCount(0);

	const [factor] = await sql<{ secret: string }>(
		`select f.secret from auth.mfa_factors f join auth.users u on u.id = f.user_id
		 where u.email = $1 and f.status = 'verified'`,
		[STAFF]
	);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByLabel('Code van zes cijfers').fill(totp(factor!.secret));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page).toHaveURL(/\/netwerk\/verificatie$/);
});

test('network staff without a second factor are sent to set it up, with the reason', async ({
	page
}) => {
	const account = await existingAccount('Jonas Staf');
	const [user] = await sql<{ id: string }>('select id from auth.users where email = $1', [
		account.email
	]);
	await sql('insert into public.network_staff (user_id) values ($1)', [user!.id]);
	try {
		await signIn(page, account.email, account.password);
		await expect(page).not.toHaveURL(/\/aanmelden/);
		await page.goto('/netwerk/statistieken');
		await expect(page).toHaveURL(/\/profiel\/tweestapsverificatie\?reden=netwerk/);
		await expect(page.getByRole('note')).toHaveText(
			"Medewerkers van het netwerk gebruiken tweestapsverificatie voor de netwerkpagina's. Zet ze hieronder aan; daarna kom je terug op de pagina die je wilde openen."
		);
		await expectNoAxeViolations(page);
	} finally {
		await sql('delete from public.network_staff where user_id = $1', [user!.id]);
	}
});

test('device lost: a code by e-mail removes two-factor sign-in, without JavaScript too', async ({
	page,
	browser
}) => {
	const account = await existingAccount('Ruben Maes');
	await signIn(page, account.email, account.password);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	const secret = await enrolFromProfile(page);
	await page.getByLabel('Code van zes cijfers').fill(totp(secret));
	await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
	await expect(page.getByRole('status')).toContainText('Tweestapsverificatie staat aan.');
	await signOut(page);

	// Without the device: signed in with the password only (aal1), no JavaScript.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const noJs = await context.newPage();
	try {
		await noJs.goto('/aanmelden');
		await noJs.getByLabel('E-mailadres').fill(account.email);
		await noJs.getByLabel('Wachtwoord').fill(account.password);
		await noJs.getByRole('button', { name: 'Aanmelden' }).click();
		await expect(noJs).toHaveURL(/\/aanmelden\/code/);
		await noJs.getByRole('link', { name: 'Toestel kwijt?' }).click();
		await expect(noJs).toHaveURL(/\/profiel\/tweestapsverificatie/);

		// Removing the confirmed app at aal1 is refused with an explanation.
		await noJs.getByRole('button', { name: 'Telefoon verwijderen' }).click();
		await expect(noJs.getByRole('alert')).toContainText(
			'Om een bevestigde app te verwijderen, typ je eerst een code uit die app'
		);

		await noJs.getByRole('button', { name: 'Stuur me een code per e-mail' }).click();
		await expect(noJs.getByRole('status')).toContainText(
			`We stuurden een code naar ${account.email}`
		);
		const code = await codeFromMail(account.email, 'Je bevestigingscode');
		const wrong = code === '000000' ? '111111' : '000000';
		await noJs.getByLabel('Code uit de e-mail').fill(wrong);
		await noJs.getByRole('button', { name: 'Tweestapsverificatie verwijderen' }).click();
		await expect(
			noJs.getByText('Deze code klopt niet of is verlopen. Vraag een nieuwe code.')
		).toBeVisible();
		await noJs.getByLabel('Code uit de e-mail').fill(code);
		await noJs.getByRole('button', { name: 'Tweestapsverificatie verwijderen' }).click();
		await expect(noJs.getByRole('status')).toContainText('Tweestapsverificatie is verwijderd.');
		await expect(noJs.getByText('Tweestapsverificatie staat nog niet aan.')).toBeVisible();
		const factors = await sql(
			`select 1 from auth.mfa_factors f join auth.users u on u.id = f.user_id where u.email = $1`,
			[account.email]
		);
		expect(factors).toHaveLength(0);
	} finally {
		await context.close();
	}
});
