// Which addresses have an account is not for anyone to find out: registering, signing in and asking for a
// reset link answer an address with an account exactly as one without. Only the owner of a taken address
// hears of a sign-up attempt, by mail. A new address confirms by mail and lands signed in.
import type { APIRequestContext } from '@playwright/test';
import {
	CHECK_MAIL,
	existingAccount,
	expect,
	linkFromMail,
	mailSubjects,
	newAccount,
	signIn,
	signOut,
	test,
	type Account
} from './support';

const OWNER_MAIL_SUBJECT =
	'Je hebt al een account op Groeistoot / You already have a Groeistoot account';

/** The answer to a form post without JavaScript, with the address written as EMAIL. */
async function answer(
	request: APIRequestContext,
	baseURL: string,
	path: string,
	form: Record<string, string>,
	email: string
) {
	const response = await request.post(path, {
		form,
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	const body = (await response.text()).replaceAll(email, 'EMAIL');
	const message = /<div role="status"[^>]*>([\s\S]*?)<\/div>/.exec(body)?.[1]?.trim();
	const alert = /<p role="alert"[^>]*>\s*([^<]*?)\s*<\/p>/.exec(body)?.[1];
	return {
		status: response.status(),
		message,
		alert,
		main: /<main[\s\S]*<\/main>/.exec(body)?.[0]
	};
}

const registration = (account: Account) => ({
	displayName: account.name,
	email: account.email,
	password: account.password,
	passwordConfirm: account.password
});

test('registering with a taken address reads exactly like a new one; only the owner gets a mail', async ({
	request,
	baseURL
}) => {
	const owner = await existingAccount('Fien Maes');
	const fresh = newAccount('Fien Maes');
	const attacker = { ...owner, password: 'Aanvaller-123' };

	const taken = await answer(
		request,
		baseURL!,
		'/registreren',
		registration(attacker),
		owner.email
	);
	const free = await answer(request, baseURL!, '/registreren', registration(fresh), fresh.email);
	expect(taken.status).toBe(200);
	expect(free.status).toBe(200);
	expect(taken.alert).toBeUndefined();
	expect(taken.message).toContain(CHECK_MAIL('EMAIL'));
	expect(taken.main).toBe(free.main);

	// The owner hears of it, with the way back in; the new address gets its confirmation link.
	const signInLink = await linkFromMail(owner.email, /\/aanmelden$/);
	expect(new URL(signInLink).origin).toBe(baseURL);
	const resetLink = await linkFromMail(owner.email, /\/wachtwoord-vergeten$/);
	expect(new URL(resetLink).pathname).toBe('/wachtwoord-vergeten');
	expect(await mailSubjects(owner.email)).toEqual([OWNER_MAIL_SUBJECT]);
	await linkFromMail(fresh.email, /\/verify\?/);
	expect(await mailSubjects(fresh.email)).not.toContain(OWNER_MAIL_SUBJECT);
});

test("the owner's account stays as it was after someone registers with its address", async ({
	page,
	request,
	baseURL
}) => {
	const owner = await existingAccount('Bart Goossens');
	await answer(
		request,
		baseURL!,
		'/registreren',
		registration({ ...owner, name: 'Aanvaller', password: 'Aanvaller-123' }),
		owner.email
	);
	await linkFromMail(owner.email, /\/aanmelden$/);

	await signIn(page, owner.email, 'Aanvaller-123');
	await expect(page.getByRole('alert')).toHaveText('E-mailadres of wachtwoord klopt niet.');
	await signIn(page, owner.email, owner.password);
	await expect(page.getByRole('banner')).toContainText('Aangemeld als Bart Goossens');
});

test('a new address confirms through the mailed link and lands signed in on its profile; the link works once', async ({
	page
}) => {
	const account = newAccount('Lotte Verbeke');
	await page.goto('/registreren');
	await page.getByLabel('Naam').fill(account.name);
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
	await page.getByLabel('Herhaal je wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByRole('status')).toHaveText(CHECK_MAIL(account.email));
	await expect(page.getByRole('link', { name: 'Naar aanmelden' })).toBeVisible();

	// Not signed in before confirming.
	await page.goto('/profiel');
	await expect(page).toHaveURL(/\/aanmelden\?redirectTo=%2Fprofiel$/);

	const link = await linkFromMail(account.email, /\/verify\?/);
	await page.goto(link);
	await expect(page).toHaveURL((url) => url.pathname === '/');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await expect(page.getByRole('banner')).toContainText(`Aangemeld als ${account.name}`);

	// Used once: the second time it says so in Dutch, on the sign-in page.
	await signOut(page);
	await page.goto(link);
	await expect(page).toHaveURL(/\/aanmelden\?fout=link-verlopen/);
	await expect(page.getByRole('alert')).toHaveText(
		'Deze bevestigingslink is verlopen, werd al gebruikt of werd in een andere browser geopend. Meld je aan met je e-mailadres en wachtwoord; lukt dat niet, registreer dan opnieuw om een nieuwe link te krijgen.'
	);
	await signIn(page, account.email, account.password);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
});

test('signing in with a wrong password answers the same with and without an account', async ({
	request,
	baseURL
}) => {
	const known = await existingAccount('Ruben Aerts');
	const unknown = newAccount().email;
	const form = (email: string) => ({ email, password: 'Niet-het-wachtwoord-1' });
	const withAccount = await answer(request, baseURL!, '/aanmelden', form(known.email), known.email);
	const without = await answer(request, baseURL!, '/aanmelden', form(unknown), unknown);
	expect(withAccount.status).toBe(400);
	expect(withAccount.alert).toBe('E-mailadres of wachtwoord klopt niet.');
	expect(without.status).toBe(withAccount.status);
	expect(without.main).toBe(withAccount.main);
});

test('asking for a reset link answers the same with and without an account', async ({
	request,
	baseURL
}) => {
	const known = await existingAccount('Ella Jacobs');
	const unknown = newAccount().email;
	// Twice each: a second request soon after the first must not differ either.
	for (let round = 1; round <= 2; round++) {
		const withAccount = await answer(
			request,
			baseURL!,
			'/wachtwoord-vergeten',
			{ email: known.email },
			known.email
		);
		const without = await answer(
			request,
			baseURL!,
			'/wachtwoord-vergeten',
			{ email: unknown },
			unknown
		);
		expect(withAccount.status, `round ${round}`).toBe(200);
		expect(withAccount.message, `round ${round}`).toContain(
			'Als er een account met dit e-mailadres bestaat'
		);
		expect(without.status, `round ${round}`).toBe(withAccount.status);
		expect(without.main, `round ${round}`).toBe(withAccount.main);
	}
	await linkFromMail(known.email, /\/verify\?/);
	expect(await mailSubjects(unknown)).toEqual([]);
});
