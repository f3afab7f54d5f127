// A new password needs the current one while signed in, so someone at an unlocked computer cannot lock the
// owner out; the reset link from the mail still works without it.
import {
	existingAccount,
	expect,
	expectNoAxeViolations,
	linkFromMail,
	signIn,
	signOut,
	test
} from './support';

test('changing the password asks for the current one, says so next to it when wrong, then changes it', async ({
	page,
	baseURL
}) => {
	const account = await existingAccount('Hanne Smets');
	const newPassword = `${account.password}-nieuw`;
	await signIn(page, account.email, account.password);
	// Signing in lands on the home; the password change is linked from the profile.
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await page.goto('/profiel');
	await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord wijzigen' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByLabel('Huidig wachtwoord').fill('Niet-mijn-wachtwoord');
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
	await page.getByLabel('Herhaal je nieuwe wachtwoord').fill(newPassword);
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByLabel('Huidig wachtwoord')).toHaveAccessibleDescription(
		'Je huidige wachtwoord klopt niet.'
	);
	await expect(page.getByLabel('Huidig wachtwoord')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Huidig wachtwoord')).toHaveValue('');
	await expectNoAxeViolations(page);

	// Without JavaScript the same answer is a 400.
	const posted = await page.request.post('/profiel/wachtwoord', {
		form: {
			currentPassword: 'Niet-mijn-wachtwoord',
			password: newPassword,
			passwordConfirm: newPassword
		},
		headers: { origin: baseURL!, accept: 'text/html' }
	});
	expect(posted.status()).toBe(400);
	expect(await posted.text()).toContain('Je huidige wachtwoord klopt niet.');

	// Nothing changed: the old password still signs in.
	await signOut(page);
	await signIn(page, account.email, account.password);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();

	await page.goto('/profiel/wachtwoord');
	await page.getByLabel('Huidig wachtwoord').fill(account.password);
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
	await page.getByLabel('Herhaal je nieuwe wachtwoord').fill(newPassword);
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Je wachtwoord is gewijzigd. Gebruik voortaan je nieuwe wachtwoord om je aan te melden.'
	);

	await signOut(page);
	await signIn(page, account.email, account.password);
	await expect(page.getByRole('alert')).toHaveText('E-mailadres of wachtwoord klopt niet.');
	await signIn(page, account.email, newPassword);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
});

test('an empty current password or a new one that is the same gets a message next to the field', async ({
	page
}) => {
	const account = await existingAccount('Tijs Wouters');
	await signIn(page, account.email, account.password);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await page.goto('/profiel/wachtwoord');
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(account.password);
	await page.getByLabel('Herhaal je nieuwe wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByLabel('Huidig wachtwoord')).toHaveAccessibleDescription(
		'Vul je huidige wachtwoord in.'
	);

	await page.getByLabel('Huidig wachtwoord').fill(account.password);
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(account.password);
	await page.getByLabel('Herhaal je nieuwe wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveAccessibleDescription(
		/Je nieuwe wachtwoord moet verschillen van je huidige wachtwoord\./
	);
});

test('the reset link still sets a new password without the current one; a normal session cannot skip it there', async ({
	page,
	browser
}) => {
	const account = await existingAccount('Jana Mertens');
	const newPassword = `${account.password}-hersteld`;

	// Signed in as usual, the reset page cannot stand in for the change form.
	const signedIn = await (await browser.newContext()).newPage();
	await signIn(signedIn, account.email, account.password);
	await expect(
		signedIn.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await signedIn.goto('/wachtwoord-herstellen');
	await signedIn.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Iets-anders-123');
	await signedIn.getByLabel('Herhaal je nieuwe wachtwoord').fill('Iets-anders-123');
	await signedIn.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(signedIn.getByRole('alert')).toHaveText(
		'Deze pagina werkt alleen via de link in de mail om een nieuw wachtwoord te kiezen. Weet je je huidige wachtwoord nog? Wijzig het dan via Mijn profiel › Wachtwoord wijzigen.'
	);

	// Through the mailed link it works.
	await page.goto('/wachtwoord-vergeten');
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByRole('button', { name: 'Stuur me een link' }).click();
	await expect(page.getByRole('status')).toContainText('Als er een account met dit e-mailadres');
	await page.goto(await linkFromMail(account.email, /\/verify\?/));
	await expect(
		page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })
	).toBeVisible();
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
	await page.getByLabel('Herhaal je nieuwe wachtwoord').fill(newPassword);
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('Je nieuwe wachtwoord is opgeslagen.');

	await signOut(page);
	await signIn(page, account.email, newPassword);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
});
