// Signing in without a password: "Stuur me een aanmeldlink" on the sign-in page mails a link (PKCE: it
// only works in the browser that asked for it) and a code to type on the page that follows. Unknown
// addresses get the same answer; expired, used and wrong ones a clear message, never an error page.
import pg from 'pg';
import { databaseUrl, mailboxUrl } from '../../stack/config.js';
import {
	addConfirmedTotp,
	enterTotpCode,
	existingAccount,
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	linkFromMail,
	mailSubjects,
	newAccount,
	test
} from './support';
import type { Page } from '@playwright/test';

const HOME = 'Wat vraagt jouw aandacht?';
const EMAIL_INVALID = 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be.';
const sentFor = (email: string) =>
	`Als er een account is met ${email}, is er nu een mail onderweg met een aanmeldlink en een code.`;
const LINK_EXPIRED =
	'Deze aanmeldlink is verlopen, werd al gebruikt of werd in een andere browser geopend. Vraag een nieuwe aanmeldlink aan, of meld je aan met je wachtwoord.';

/** The sign-in code in the newest mail to `email`. */
async function codeFromMail(email: string): Promise<string> {
	let code = '';
	await expect
		.poll(
			async () => {
				const query = new URLSearchParams({ query: `to:${email}` });
				const list = (await (await fetch(`${mailboxUrl}/api/v1/messages?${query}`)).json()) as {
					messages: { ID: string; Created: string }[];
				};
				const newest = [...list.messages].sort((a, b) => b.Created.localeCompare(a.Created))[0];
				if (!newest) return '';
				const mail = (await (await fetch(`${mailboxUrl}/api/v1/message/${newest.ID}`)).json()) as {
					Text: string;
				};
				code = /code:\s*(\d{6})/.exec(mail.Text)?.[1] ?? '';
				return code;
			},
			{ message: `a mail with a code for ${email}`, timeout: 15_000 }
		)
		.toMatch(/^\d{6}$/);
	return code;
}

/** From the sign-in page to the link page, and the request for a link for `email`. */
async function askForLink(page: Page, email: string) {
	await gotoHydrated(page, '/aanmelden');
	// The password form is still the first way, with its own button.
	await expect(page.getByRole('button', { name: 'Aanmelden', exact: true })).toBeVisible();
	await page.getByRole('link', { name: 'Stuur me een aanmeldlink' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Aanmelden met een link' })
	).toBeVisible();
	await page.getByLabel('E-mailadres').first().fill(email);
	await page.getByRole('button', { name: 'Stuur me een aanmeldlink' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Vul de code in' })).toBeVisible();
	await expect(page.getByRole('status')).toHaveText(sentFor(email));
}

test('a magic link from the mail signs in once; the used link is answered clearly', async ({
	page,
	browser
}) => {
	const account = await existingAccount('Lien Leerkracht');
	await askForLink(page, account.email);
	expect(await mailSubjects(account.email)).toEqual(['Je aanmeldlink']);
	const link = await linkFromMail(account.email, /\/verify\?/);
	expect(new URL(link).searchParams.get('token')).toMatch(/^pkce_/);

	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1, name: HOME })).toBeVisible();

	// The same link again, in another browser: used, so refused with a message on the sign-in page.
	const other = await browser.newContext();
	const again = await other.newPage();
	await again.goto(link);
	await expect(again).toHaveURL(/\/aanmelden\?fout=aanmeldlink-verlopen($|#)/);
	await expect(again.getByRole('alert')).toHaveText(LINK_EXPIRED);
	await expect(again.getByRole('button', { name: 'Aanmelden', exact: true })).toBeVisible();
	await other.close();
});

/** A new confirmed account with a confirmed authenticator app; returns its address and the app's key. */
async function accountWithTotp(name: string): Promise<{ email: string; secret: string }> {
	const account = await existingAccount(name);
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const { rows } = await db.query<{ id: string }>(
			`select id from auth.users where lower(email) = lower($1)`,
			[account.email]
		);
		const [user] = rows;
		if (!user) throw new Error(`no user ${account.email}`);
		return { email: account.email, secret: await addConfirmedTotp(db, user.id) };
	} finally {
		await db.end();
	}
}

test('with an authenticator app, a link and a mailed code each lead to the code step first', async ({
	page,
	browser
}) => {
	// The link is a first factor, like a password: the session stays at aal1 until the app's code.
	const viaLink = await accountWithTotp('Tom Tweestaps');
	await askForLink(page, viaLink.email);
	await page.goto(await linkFromMail(viaLink.email, /\/verify\?/));
	await enterTotpCode(page, viaLink.secret);
	await expect(page.getByRole('heading', { level: 1, name: HOME })).toBeVisible();

	// The mailed code, typed (another person, another browser): the same code step.
	const viaCode = await accountWithTotp('Tina Tweestaps');
	const other = await browser.newContext();
	const second = await other.newPage();
	await askForLink(second, viaCode.email);
	await second.getByLabel('Code uit de mail').fill(await codeFromMail(viaCode.email));
	await second.getByRole('button', { name: 'Aanmelden met de code' }).click();
	await enterTotpCode(second, viaCode.secret);
	await expect(second.getByRole('heading', { level: 1, name: HOME })).toBeVisible();
	await other.close();
});

test('an expired link is answered on the sign-in page, not with an error', async ({ page }) => {
	const account = await existingAccount('Eddy Vrijwilliger');
	await askForLink(page, account.email);
	const link = await linkFromMail(account.email, /\/verify\?/);
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		await db.query(
			`update auth.users set recovery_sent_at = now() - interval '2 hours' where lower(email) = $1`,
			[account.email]
		);
	} finally {
		await db.end();
	}
	await page.goto(link);
	await expect(page).toHaveURL(/\/aanmelden\?fout=aanmeldlink-verlopen($|#)/);
	await expect(page.getByRole('alert')).toHaveText(LINK_EXPIRED);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the code from the mail signs in; a wrong code is refused next to the field', async ({
		page
	}) => {
		const account = await existingAccount('Carla Code');
		await page.goto('/aanmelden/link');
		await page.getByLabel('E-mailadres').first().fill(account.email);
		await page.getByRole('button', { name: 'Stuur me een aanmeldlink' }).click();
		await expect(page.getByRole('status')).toHaveText(sentFor(account.email));
		const code = await codeFromMail(account.email);

		const wrong = code === '000000' ? '111111' : '000000';
		await page.getByLabel('Code uit de mail').fill(wrong);
		await page.getByRole('button', { name: 'Aanmelden met de code' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Vul de code in' })).toBeVisible();
		await expect(page.getByLabel('Code uit de mail')).toHaveAccessibleDescription(
			/Deze code klopt niet, is verlopen of werd al gebruikt/
		);

		await page.getByLabel('Code uit de mail').fill(code);
		await page.getByRole('button', { name: 'Aanmelden met de code' }).click();
		await expect(page.getByRole('heading', { level: 1, name: HOME })).toBeVisible();
	});

	test('an address without an account gets the same answer, and no mail and no account', async ({
		page
	}) => {
		const { email } = newAccount();
		await page.goto('/aanmelden/link');
		await page.getByLabel('E-mailadres').first().fill(email);
		await page.getByRole('button', { name: 'Stuur me een aanmeldlink' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Vul de code in' })).toBeVisible();
		await expect(page.getByRole('status')).toHaveText(sentFor(email));
		// Typing a made-up code gets the wrong-code answer a known address gets.
		await page.getByLabel('Code uit de mail').fill('123456');
		await page.getByRole('button', { name: 'Aanmelden met de code' }).click();
		await expect(page.getByLabel('Code uit de mail')).toHaveAccessibleDescription(
			/Deze code klopt niet, is verlopen of werd al gebruikt/
		);
		expect(await mailSubjects(email)).toEqual([]);

		// The code form under the link form (for a mail opened later) says what is wrong with an address.
		await page.goto('/aanmelden/link');
		const haveCode = page.getByRole('region', { name: 'Al een code gekregen?' });
		await haveCode.getByLabel('E-mailadres').fill('geen-adres');
		await haveCode.getByLabel('Code uit de mail').fill('123456');
		await haveCode.getByRole('button', { name: 'Aanmelden met de code' }).click();
		await expect(
			page.getByRole('region', { name: 'Al een code gekregen?' }).getByLabel('E-mailadres')
		).toHaveAccessibleDescription(EMAIL_INVALID);
	});
});

test('in English: the link page, the code page and the message for a used link', async ({
	page,
	browser
}) => {
	const account = await existingAccount('Emma English');
	await page.goto('/aanmelden');
	const origin = new URL(page.url()).origin;
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: origin }]);
	await gotoHydrated(page, '/aanmelden');
	await page.getByRole('link', { name: 'Send me a sign-in link' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in with a link' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Email address').first().fill(account.email);
	await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Enter the code' })).toBeVisible();
	await expect(page.getByRole('status')).toHaveText(
		`If there is an account with ${account.email}, a mail with a sign-in link and a code is on its way.`
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Code from the mail').fill('12');
	await page.getByRole('button', { name: 'Sign in with the code' }).click();
	await expect(page.getByLabel('Code from the mail')).toHaveAccessibleDescription(
		'Enter the 6-digit code from the mail.'
	);
	await expectNoAxeViolations(page);

	const link = await linkFromMail(account.email, /\/verify\?/);
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in with a link');
	const other = await browser.newContext();
	await other.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: origin }]);
	const again = await other.newPage();
	await again.goto(link);
	await expect(again.getByRole('alert')).toHaveText(
		'This sign-in link has expired, was already used or was opened in another browser. Ask for a new sign-in link, or sign in with your password.'
	);
	await other.close();
});
