import { expect, expectNoAxeViolations, gotoHydrated, newAccount, register, test } from './support';
import {
	chooseMunicipality,
	createOrganisation,
	isoDay,
	uniqueName
} from './organisations-support';

test('bad input on the create form shows Dutch messages next to the fields and keeps the values', async ({
	page
}) => {
	await register(page, newAccount('Eva Willems'));
	await page.goto('/organisaties/nieuw');
	await expectNoAxeViolations(page);

	await page.getByRole('radio', { name: 'Partner' }).check();
	await page.getByLabel('Naam van de organisatie').fill('X');
	await page.getByLabel('Webadres (slug)').fill('Geen Spaties!');
	await page.getByLabel('Website').fill('ftp://voorbeeld.be');
	await page.getByLabel('Postcode').fill('90a0');
	await page.getByRole('combobox', { name: 'Gemeente' }).fill('Atlantis');
	await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();

	await expect(page.getByRole('alert')).toHaveText(
		'Niet alles is goed ingevuld. Bekijk de meldingen bij de velden.'
	);
	await expect(page.getByLabel('Soort partner')).toHaveAccessibleDescription(
		/Kies wat voor partner het is\./
	);
	await expect(page.getByLabel('Naam van de organisatie')).toHaveAccessibleDescription(
		'De naam moet tussen 2 en 120 tekens lang zijn.'
	);
	await expect(page.getByLabel('Naam van de organisatie')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Webadres (slug)')).toHaveAccessibleDescription(
		/enkel kleine letters, cijfers en koppeltekens/
	);
	await expect(page.getByLabel('Website')).toHaveAccessibleDescription(
		/Vul een geldig webadres in/
	);
	await expect(page.getByLabel('Postcode')).toHaveAccessibleDescription(
		'Een postcode bestaat uit 4 cijfers, bijvoorbeeld 9000.'
	);
	await expect(page.getByRole('combobox', { name: 'Gemeente' })).toHaveAccessibleDescription(
		/We kennen geen huidige gemeente met deze naam/
	);
	await expect(page.getByLabel('Naam van de organisatie')).toHaveValue('X');
	await expect(page.getByLabel('Webadres (slug)')).toHaveValue('Geen Spaties!');
	await expect(page.getByLabel('Postcode')).toHaveValue('90a0');
	await expect(page.getByRole('radio', { name: 'Partner' })).toBeChecked();
	await expectNoAxeViolations(page);

	await page.goto('/mijn-organisaties');
	await expect(page.getByText('Je hoort nog bij geen enkele organisatie.')).toBeVisible();
});

test('a taken slug gets its own message next to the slug field', async ({ page }) => {
	await register(page, newAccount('Pieter Jacobs'));
	const first = uniqueName('FabLab Limburg');
	const taken = await createOrganisation(page, {
		name: first,
		kind: 'Partner',
		partnerType: 'FabLab'
	});

	await page.goto('/organisaties/nieuw');
	await page.getByRole('radio', { name: 'Bedrijf' }).check();
	await page.getByLabel('Naam van de organisatie').fill('Een ander bedrijf');
	await page.getByLabel('Webadres (slug)').fill(taken);
	await chooseMunicipality(page, 'herstap', 'Herstappe — Limburg');
	await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
	await expect(page.getByLabel('Webadres (slug)')).toHaveAccessibleDescription(
		/Dit webadres \(slug\) is al in gebruik\./
	);
	await expect(page.getByLabel('Webadres (slug)')).toHaveValue(taken);
	await expect(page.getByLabel('Naam van de organisatie')).toHaveValue('Een ander bedrijf');
});

test('the slug follows the name until it is edited', async ({ page }) => {
	await register(page, newAccount('Lien Hermans'));
	// The slug follows the name in the browser: typed before hydration, the name would not reach it.
	await gotoHydrated(page, '/organisaties/nieuw');
	await page.getByLabel('Naam van de organisatie').fill('Café Sterrenkijkers & Co');
	await expect(page.getByLabel('Webadres (slug)')).toHaveValue('cafe-sterrenkijkers-en-co');
	await page.getByLabel('Webadres (slug)').fill('sterrenkijkers');
	await page.getByLabel('Naam van de organisatie').fill('Sterrenkijkers vzw');
	await expect(page.getByLabel('Webadres (slug)')).toHaveValue('sterrenkijkers');
});

test('an owner edits the organisation and its academy profile; bad input is refused', async ({
	page
}) => {
	await register(page, newAccount('Wout Aerts'));
	const name = uniqueName('STEM-academie Sterrenwacht');
	const slug = await createOrganisation(page, { name });

	await page.goto(`/organisaties/${slug}/bewerken`);
	await page.getByLabel('Openbaar e-mailadres').fill('info@');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByLabel('Openbaar e-mailadres')).toHaveAccessibleDescription(
		/Vul een geldig e-mailadres in/
	);
	await page.getByLabel('Openbaar e-mailadres').fill('info@sterrenwacht.be');
	await page.getByLabel('Naam contactpersoon').fill('Wout Aerts');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('De gegevens zijn opgeslagen.');
	await page.reload();
	await expect(page.getByLabel('Openbaar e-mailadres')).toHaveValue('info@sterrenwacht.be');
	await expect(page.getByLabel('Naam contactpersoon')).toHaveValue('Wout Aerts');

	await page.goto(`/organisaties/${slug}/academieprofiel`);
	await page
		.getByRole('group', { name: 'Accenten' })
		.getByRole('checkbox', { name: 'Wiskunde (M)' })
		.check();
	await page.getByLabel('Vanaf leeftijd').fill('12');
	await page.getByLabel('Tot en met leeftijd').fill('8');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('group', { name: 'Accenten' })).toHaveAccessibleDescription(
		/Een accent moet ook bij de letters/
	);
	await expect(page.getByLabel('Tot en met leeftijd')).toHaveAccessibleDescription(
		'De oudste leeftijd mag niet lager zijn dan de jongste.'
	);

	const letters = page.getByRole('group', { name: 'Welke STEM-letters biedt je academie aan?' });
	await letters.getByRole('checkbox', { name: 'Wiskunde (M)' }).check();
	await letters.getByRole('checkbox', { name: 'Technologie (T)' }).check();
	await page.getByLabel('Tot en met leeftijd').fill('16');
	await page.getByRole('checkbox', { name: 'Sterrenkunde' }).check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('Het academieprofiel is opgeslagen.');
	await page.reload();
	await expect(letters.getByRole('checkbox', { name: 'Wiskunde (M)' })).toBeChecked();
	await expect(page.getByText('Geen kwaliteitslabel')).toBeVisible();
});

test('activity bad input, double publish and reach rules', async ({ page }) => {
	await register(page, newAccount('Saar Mertens'));
	const slug = await createOrganisation(page, { name: uniqueName('STEM-academie Reach') });

	await page.goto(`/organisaties/${slug}/activiteiten/nieuw`);
	await page.getByLabel('Titel').fill('AI');
	await page.getByLabel('Startdatum').fill('2027-03-10');
	await page.getByLabel('Einddatum').fill('2027-03-01');
	await page.getByRole('button', { name: 'Concept opslaan' }).click();
	await expect(page.getByLabel('Titel')).toHaveAccessibleDescription(
		'De titel moet tussen 3 en 140 tekens lang zijn.'
	);
	await expect(page.getByRole('group', { name: 'Domeinen' })).toHaveAccessibleDescription(
		'Kies minstens één domein.'
	);
	await expect(page.getByLabel('Titel')).toHaveValue('AI');

	await page.getByLabel('Titel').fill('Sterrenkijken in de winter');
	await page.getByRole('checkbox', { name: 'Sterrenkunde' }).check();
	await page.getByLabel('Formaat').selectOption({ label: 'Losse activiteit' });
	await page.getByLabel('Vanaf leeftijd').fill('8');
	await page.getByLabel('Tot en met leeftijd').fill('14');
	await page.getByLabel('Einddatum').fill('2027-03-10');
	await page.getByRole('button', { name: 'Concept opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText(/als concept opgeslagen/);
	const editUrl = page.url().replace(/\?.*$/, '');

	// A draft has no reach yet.
	await page.goto(editUrl.replace(/bewerken$/, 'bereik'));
	await expect(page.getByText('Een concept heeft nog geen bereik.')).toBeVisible();

	await page.goto(editUrl);
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByText('Status: Gepubliceerd')).toBeVisible();

	// Sending publish again (a resent form) changes nothing and is no error.
	const again = await page.request.post(`${editUrl}?/publish`, {
		form: {},
		headers: { origin: new URL(editUrl).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(303);

	await page.goto(`/organisaties/${slug}/activiteiten`);
	await expect(page.getByRole('row', { name: /Sterrenkijken in de winter/ })).toHaveCount(1);

	// A future activity cannot have a reach report yet.
	await page.goto(editUrl.replace(/bewerken$/, 'bereik'));
	await expect(page.getByText(/begint pas op wo 10 maart 2027/)).toBeVisible();

	// Cancel; a cancelled activity cannot be published again.
	await page.goto(editUrl);
	await page.getByRole('button', { name: 'Annuleren' }).click();
	await expect(page.getByRole('status')).toHaveText('De activiteit is geannuleerd.');
	await expect(page.getByRole('button', { name: 'Publiceren' })).toBeHidden();
	const republish = await page.request.post(`${editUrl}?/publish`, {
		form: {},
		headers: { origin: new URL(editUrl).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(republish.status()).toBe(400);
});

test('the same activity form sent twice makes one activity', async ({ page }) => {
	await register(page, newAccount('Kobe Peeters'));
	const slug = await createOrganisation(page, { name: uniqueName('STEM-academie Dubbel') });
	await page.goto(`/organisaties/${slug}/activiteiten/nieuw`);
	const url = page.url();
	// The form carries the new activity's id (a hidden field); a double submit sends it twice.
	const requestId = await page.locator('input[name="requestId"]').getAttribute('value');
	expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
	const form = {
		requestId: requestId!,
		title: 'Solderen voor beginners',
		domains: 'techniek',
		format: 'losse_activiteit',
		ageMin: '10',
		ageMax: '14',
		startDate: '2027-04-07',
		endDate: '2027-04-07',
		sessionCount: '1',
		municipality: 'Herstappe — Limburg',
		priceEur: '0'
	};
	const headers = { origin: new URL(url).origin, accept: 'text/html' };
	const first = await page.request.post(url, { form, headers, maxRedirects: 0 });
	const second = await page.request.post(url, { form, headers, maxRedirects: 0 });
	expect(first.status()).toBe(303);
	expect(second.headers()['location']).toBe(first.headers()['location']);

	await page.goto(`/organisaties/${slug}/activiteiten`);
	await expect(page.getByRole('row', { name: /Solderen voor beginners/ })).toHaveCount(1);
});

test('only network staff open the verification page', async ({ page }) => {
	await register(page, newAccount('Jef Van Damme'));
	const response = await page.goto('/netwerk/verificatie');
	expect(response?.status()).toBe(403);
	await expect(
		page.getByText('Deze pagina is enkel voor netwerkmedewerkers van Groeistoot.')
	).toBeVisible();
});

test('a reach report for an activity that started: girls never outnumber participants', async ({
	page
}) => {
	await register(page, newAccount('Ruben Smets'));
	const slug = await createOrganisation(page, { name: uniqueName('STEM-academie Bereik') });
	await page.goto(`/organisaties/${slug}/activiteiten/nieuw`);
	await page.getByLabel('Titel').fill('Natuurkamp in de Voerstreek');
	await page.getByRole('checkbox', { name: 'Natuur', exact: true }).check();
	await page.getByLabel('Formaat').selectOption({ label: 'Kamp zonder overnachting' });
	await page.getByLabel('Vanaf leeftijd').fill('8');
	await page.getByLabel('Tot en met leeftijd').fill('12');
	await page.getByLabel('Startdatum').fill(isoDay(-7));
	await page.getByLabel('Einddatum').fill(isoDay(-3));
	await page.getByRole('button', { name: 'Concept opslaan' }).click();
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByText('Status: Gepubliceerd')).toBeVisible();

	await page.getByRole('link', { name: 'Bereik van Natuurkamp in de Voerstreek' }).click();
	await page.getByLabel('Aantal deelnemers').fill('20');
	await page.getByLabel('Waarvan meisjes').fill('21');
	await page.getByRole('button', { name: 'Bereik opslaan' }).click();
	await expect(page.getByLabel('Waarvan meisjes')).toHaveAccessibleDescription(
		'Er kunnen niet meer meisjes zijn dan deelnemers.'
	);
	await expect(page.getByLabel('Waarvan meisjes')).toHaveValue('21');

	await page.getByLabel('Waarvan meisjes').fill('6');
	await page.getByLabel('Kinderen uit kansarme gezinnen').fill('4');
	await page.getByRole('button', { name: 'Bereik opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('Het bereik is opgeslagen. Bedankt!');
	await page.reload();
	await expect(page.getByLabel('Waarvan meisjes')).toHaveValue('6');
	await expect(page.getByLabel('Kinderen met een andere thuistaal dan Nederlands')).toHaveValue('');
});
