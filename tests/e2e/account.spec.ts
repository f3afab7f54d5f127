import {
	expect,
	linkFromMail,
	newAccount,
	register,
	signIn,
	signOut,
	submitRegistration,
	test
} from './support';

test('a new visitor registers, fills in the profile and resets the forgotten password', async ({
	page
}) => {
	const account = newAccount();
	const newPassword = `${account.password}-nieuw`;
	let resetLink = '';

	await test.step('register and land signed in on the profile', async () => {
		await register(page, account);
		await expect(page.getByRole('banner')).toContainText(`Aangemeld als ${account.name}`);
	});

	await test.step('fill in the profile and see it saved after a reload', async () => {
		await page.getByLabel('Naam').fill('Sara Peeters-Claes');
		await page.getByRole('checkbox', { name: 'Leerkracht' }).check();
		await page.getByRole('checkbox', { name: 'Vrijwilliger of mentor' }).check();
		await page.getByRole('combobox', { name: 'Gemeente' }).pressSequentially('gen');
		await page.getByRole('option', { name: 'Gent — Oost-Vlaanderen' }).click();
		await expect(page.getByRole('combobox', { name: 'Gemeente' })).toHaveValue(
			'Gent — Oost-Vlaanderen'
		);
		await page
			.getByLabel('Over mij')
			.fill('Ik geef wiskunde en help graag bij robotica op woensdag.');
		await page.getByRole('radio', { name: 'Enkel aangemelde leden' }).check();
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByRole('status')).toHaveText('Je profiel is opgeslagen.');

		await page.reload();
		await expect(page.getByLabel('Naam')).toHaveValue('Sara Peeters-Claes');
		await expect(page.getByRole('checkbox', { name: 'Leerkracht' })).toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'Vrijwilliger of mentor' })).toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'Schoolmedewerker' })).not.toBeChecked();
		await expect(page.getByRole('combobox', { name: 'Gemeente' })).toHaveValue(
			'Gent — Oost-Vlaanderen'
		);
		await expect(page.getByLabel('Over mij')).toHaveValue(
			'Ik geef wiskunde en help graag bij robotica op woensdag.'
		);
		await expect(page.getByRole('radio', { name: 'Enkel aangemelde leden' })).toBeChecked();
		await expect(page.getByRole('banner')).toContainText('Aangemeld als Sara Peeters-Claes');
	});

	await test.step('sign out', async () => {
		await signOut(page);
	});

	await test.step('ask for a reset link and choose a new password', async () => {
		await page.goto('/aanmelden');
		await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })
		).toBeVisible();
		await page.getByLabel('E-mailadres').fill(account.email);
		await page.getByRole('button', { name: 'Stuur me een link' }).click();
		await expect(page.getByRole('status')).toContainText('Als er een account met dit e-mailadres');

		resetLink = await linkFromMail(account.email, /verify|confirm/);
		await page.goto(resetLink);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })
		).toBeVisible();
		await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
		await page.getByLabel('Herhaal je nieuwe wachtwoord').fill(newPassword);
		await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
		await expect(page.getByRole('status')).toHaveText('Je nieuwe wachtwoord is opgeslagen.');
		await signOut(page);
	});

	await test.step('the used reset link now says it expired', async () => {
		await page.goto(resetLink);
		// GoTrue puts its own error details in the fragment, which the browser keeps across redirects.
		await expect(page).toHaveURL(/\/wachtwoord-vergeten\?fout=link-verlopen(#.*)?$/);
		await expect(page.getByRole('alert')).toHaveText(
			'Deze link is verlopen of werd al gebruikt. Vraag hieronder een nieuwe link aan.'
		);
	});

	await test.step('sign in with the new password', async () => {
		await signIn(page, account.email, newPassword);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
		).toBeVisible();
		await signOut(page);
	});

	await test.step('the old password no longer works', async () => {
		await signIn(page, account.email, account.password);
		await expect(page.getByRole('alert')).toHaveText('E-mailadres of wachtwoord klopt niet.');
		await expect(page.getByLabel('E-mailadres')).toHaveValue(account.email);
	});
});

test('the same neutral confirmation for an unknown address, and a Dutch message for a used link', async ({
	page
}) => {
	await page.goto('/wachtwoord-vergeten');
	await page.getByLabel('E-mailadres').fill(newAccount().email);
	await page.getByRole('button', { name: 'Stuur me een link' }).click();
	await expect(page.getByRole('status')).toContainText('Als er een account met dit e-mailadres');

	await page.goto('/auth/confirm?code=niet-geldig&next=/wachtwoord-herstellen');
	await expect(page).toHaveURL(/\/wachtwoord-vergeten\?fout=link-verlopen$/);
	await expect(page.getByRole('alert')).toContainText('Deze link is verlopen of werd al gebruikt.');
});

test('bad input on register shows Dutch messages next to the fields and keeps the e-mail', async ({
	page
}) => {
	await page.goto('/registreren');
	await page.getByLabel('E-mailadres').fill('sara@voorbeeld');
	await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
	await page.getByLabel('Herhaal je wachtwoord').fill('anders');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();

	await expect(page.getByLabel('Naam')).toHaveAccessibleDescription(/Vul je naam in\./);
	await expect(page.getByLabel('Naam')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('E-mailadres')).toHaveAccessibleDescription(
		/Vul een geldig e-mailadres in/
	);
	await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveAccessibleDescription(
		/Kies een wachtwoord van minstens 8 tekens\./
	);
	await expect(page.getByLabel('Herhaal je wachtwoord')).toHaveAccessibleDescription(
		'De wachtwoorden komen niet overeen.'
	);
	await expect(page.getByLabel('E-mailadres')).toHaveValue('sara@voorbeeld');
	await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('');
});

test('registering twice with one address asks to look in the mailbox, where a mail explains', async ({
	page
}) => {
	const account = newAccount();
	await register(page, account);
	await signOut(page);

	await submitRegistration(page, account);
	await expect(page.getByRole('alert')).toHaveCount(0);
	const signInLink = await linkFromMail(account.email, /\/aanmelden$/);
	await page.goto(signInLink);
	await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
});

test('the profile refuses a municipality that does not exist', async ({ page }) => {
	await register(page, newAccount());
	await page.getByRole('combobox', { name: 'Gemeente' }).fill('Atlantis');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('combobox', { name: 'Gemeente' })).toHaveAccessibleDescription(
		/We kennen geen huidige gemeente met deze naam/
	);
	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Gemeente' })).toHaveValue('');
});

test('signed-out visitors of the profile are sent to sign in and come back after', async ({
	page
}) => {
	const account = newAccount();
	await register(page, account);
	await signOut(page);

	await page.goto('/profiel');
	await expect(page).toHaveURL(/\/aanmelden\?redirectTo=%2Fprofiel$/);
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL(/\/profiel$/);
});

test('the municipality type-ahead works with the keyboard', async ({ page }) => {
	await register(page, newAccount());
	const municipality = page.getByRole('combobox', { name: 'Gemeente' });
	await municipality.pressSequentially('heusden');
	await expect(page.getByRole('listbox', { name: 'Suggesties voor je gemeente' })).toBeVisible();
	await expect(page.getByRole('option')).toHaveText(['Heusden-Zolder — Limburg']);
	await municipality.press('ArrowDown');
	await expect(page.getByRole('option', { name: 'Heusden-Zolder — Limburg' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await municipality.press('Enter');
	await expect(municipality).toHaveValue('Heusden-Zolder — Limburg');
	await expect(page.getByRole('listbox')).toBeHidden();

	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('Je profiel is opgeslagen.');
	await page.reload();
	await expect(municipality).toHaveValue('Heusden-Zolder — Limburg');
});
