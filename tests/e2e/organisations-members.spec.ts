import { expect, expectNoAxeViolations, linkFromMail, newAccount, register, test } from './support';
import { createOrganisation, uniqueName } from './organisations-support';

test('an owner invites someone by e-mail, who accepts; outsiders get 403; the last owner cannot leave', async ({
	page,
	browser
}) => {
	const school = uniqueName('Basisschool De Regenboog');
	const owner = newAccount('Ines Wouters');
	const invitee = newAccount('Bram De Smet');

	const inviteeContext = await browser.newContext();
	const inviteePage = await inviteeContext.newPage();
	await register(inviteePage, invitee);

	let slug = '';
	await test.step('the owner creates a school', async () => {
		await register(page, owner);
		slug = await createOrganisation(page, { name: school, kind: 'School' });
	});

	await test.step('an outsider gets 403 on its edit and members pages', async () => {
		for (const path of [`/organisaties/${slug}/bewerken`, `/organisaties/${slug}/leden`]) {
			const response = await inviteePage.goto(path);
			expect(response?.status()).toBe(403);
			await expect(inviteePage.getByText('Je bent geen lid van deze organisatie.')).toBeVisible();
		}
	});

	await test.step('the members page passes axe and lists the owner', async () => {
		await page.getByRole('link', { name: 'Leden', exact: true }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: `Leden van ${school}` })
		).toBeVisible();
		await expect(page.getByRole('row', { name: /Ines Wouters/ })).toContainText('Eigenaar');
		await expectNoAxeViolations(page);
	});

	let link = '';
	await test.step('invite by e-mail: the link is shown once and mailed', async () => {
		await page.getByLabel('E-mailadres').fill(invitee.email.toUpperCase());
		await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Beheerder' });
		await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
		await expect(page.getByRole('status').first()).toContainText(
			`We hebben een uitnodiging gestuurd naar ${invitee.email}.`
		);
		const shown = await page.getByLabel('Uitnodigingslink').inputValue();
		expect(shown).toMatch(/\/uitnodiging\/[0-9a-f]{64}$/);
		link = await linkFromMail(invitee.email, /\/uitnodiging\//);
		expect(new URL(link).pathname).toBe(new URL(shown).pathname);
		await expect(page.getByText(invitee.email, { exact: true })).toBeVisible();
	});

	await test.step('another account cannot use the link', async () => {
		const stranger = await browser.newContext();
		const strangerPage = await stranger.newPage();
		await register(strangerPage, newAccount('Nora Peeters'));
		await strangerPage.goto(new URL(link).pathname);
		await expect(strangerPage.getByRole('alert')).toHaveText(/voor een ander e-mailadres/);
		await expect(strangerPage.getByRole('button', { name: 'Uitnodiging aanvaarden' })).toBeHidden();
		await stranger.close();
	});

	await test.step('the invitee accepts and lands on the organisation as admin', async () => {
		await inviteePage.goto(new URL(link).pathname);
		await expect(inviteePage.getByRole('heading', { level: 1, name: 'Uitnodiging' })).toBeVisible();
		await expect(inviteePage.getByText(school)).toBeVisible();
		await inviteePage.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
		await expect(inviteePage.getByRole('heading', { level: 1, name: school })).toBeVisible();
		await expect(inviteePage.getByRole('status')).toHaveText(
			'Welkom! Je bent nu lid van deze organisatie.'
		);
		await expect(inviteePage.getByText('Jouw rol: Beheerder', { exact: true })).toBeVisible();
	});

	await test.step('a used link says so', async () => {
		await inviteePage.goto(new URL(link).pathname);
		await expect(inviteePage.getByRole('alert')).toHaveText('Deze uitnodiging werd al gebruikt.');
	});

	await test.step('the last owner cannot leave; after handing over ownership they can', async () => {
		await page.reload();
		await expect(page.getByRole('row', { name: /Bram De Smet/ })).toContainText('Beheerder');
		await page.getByRole('button', { name: 'Organisatie verlaten' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'Een organisatie heeft altijd minstens één eigenaar. Maak eerst iemand anders eigenaar.'
		);

		const row = page.getByRole('row', { name: /Bram De Smet/ });
		await row.getByLabel('Rol van Bram De Smet').selectOption({ label: 'Eigenaar' });
		await row.getByRole('button', { name: 'Rol wijzigen' }).click();
		await expect(page.getByRole('status')).toHaveText('De rol is gewijzigd.');
		await expect(page.getByRole('row', { name: /Bram De Smet/ })).toContainText('Eigenaar');

		await page.getByRole('button', { name: 'Organisatie verlaten' }).click();
		await expect(page).toHaveURL(/\/mijn-organisaties\?verlaten$/);
		await expect(page.getByRole('status')).toHaveText('Je hebt de organisatie verlaten.');
		await expect(page.getByRole('link', { name: school })).toBeHidden();
	});

	await inviteeContext.close();
});

test('an admin revokes an open invitation, after which its link no longer works', async ({
	page,
	browser
}) => {
	const invitee = newAccount('Jana Maes');
	await register(page, newAccount('Tom Claes'));
	const slug = await createOrganisation(page, {
		name: uniqueName('Bedrijf Techniek'),
		kind: 'Bedrijf'
	});
	await page.goto(`/organisaties/${slug}/leden`);
	await page.getByLabel('E-mailadres').fill(invitee.email);
	await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
	const link = await page.getByLabel('Uitnodigingslink').inputValue();

	await page.getByRole('button', { name: `Uitnodiging voor ${invitee.email} intrekken` }).click();
	await expect(page.getByRole('status')).toHaveText('De uitnodiging is ingetrokken.');
	await expect(page.getByText('Er zijn geen openstaande uitnodigingen.')).toBeVisible();

	const context = await browser.newContext();
	const inviteePage = await context.newPage();
	await register(inviteePage, invitee);
	await inviteePage.goto(new URL(link).pathname);
	await expect(inviteePage.getByRole('alert')).toHaveText('Deze uitnodiging werd ingetrokken.');
	await context.close();
});
