// Choosing how notifications arrive, on /profiel/meldingen: a plain member of a school sees every kind on
// "Standaard", chooses the weekly digest for messages and nothing for proposals, and finds them saved; a
// wrong value is refused next to its field with a 400; the form works without JavaScript; the page is
// axe-clean, fits 360 px and speaks English too.
import type { Page } from '@playwright/test';
import { exchangeFixture, type Person } from './exchange-support';
import { expect, expectNoAxeViolations, test } from './support';

const { run, db, person, organisation, pageFor, cleanUp } = exchangeFixture('meld-keuze');

let teacher: Person;
const DEFAULT =
	'Standaard: meteen per e-mail als je de organisatie beheert, anders enkel in de app';
const DIGEST = 'In een wekelijks overzicht per e-mail op maandagochtend (en in de app)';
const NONE = 'Niet, ook niet in de app';
const APP = 'Enkel in de app';

async function choices() {
	const { rows } = await db.query<{ kind: string; delivery: string }>(
		'select kind, delivery from public.notification_preferences where user_id = $1 order by kind',
		[teacher.id]
	);
	return rows;
}

const group = (page: Page, name: string) => page.getByRole('group', { name });

async function expectFits360(page: Page) {
	await page.setViewportSize({ width: 360, height: 800 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `horizontal overflow at 360 px on ${page.url()}`).toBeLessThanOrEqual(0);
}

test.beforeAll(async () => {
	await db.connect();
	teacher = await person('leerkracht', 'Tom Leerkracht');
	await organisation('school', `Sint-Jozefschool ${run}`, [[teacher, 'member']]);
});

test.afterAll(cleanUp);

test('a member chooses the digest for messages and nothing for proposals', async ({ browser }) => {
	const page = await pageFor(browser, teacher);
	await page.goto('/meldingen');
	await page.getByRole('link', { name: 'Kies hoe je meldingen krijgt' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Hoe je meldingen krijgt' })
	).toBeVisible();

	await test.step('every kind starts on the default', async () => {
		for (const kind of [
			'Nieuwe voorstellen voor een afspraak',
			'Een afspraak wordt aanvaard, geweigerd, ingetrokken of uitgevoerd',
			'Nieuwe berichten bij een afspraak'
		]) {
			await expect(
				group(page, kind).getByRole('radio', { name: DEFAULT, exact: true })
			).toBeChecked();
		}
		await expectNoAxeViolations(page);
		await expectFits360(page);
	});

	await test.step('the choices are saved and shown again', async () => {
		await group(page, 'Nieuwe berichten bij een afspraak')
			.getByRole('radio', { name: DIGEST, exact: true })
			.check();
		await group(page, 'Nieuwe voorstellen voor een afspraak')
			.getByRole('radio', { name: NONE, exact: true })
			.check();
		await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
		await expect(page.getByRole('status')).toHaveText('Je keuzes zijn opgeslagen.');
		expect(await choices()).toEqual([
			{ kind: 'agreement_message', delivery: 'digest' },
			{ kind: 'agreement_proposed', delivery: 'none' }
		]);
		await page.reload();
		await expect(
			group(page, 'Nieuwe berichten bij een afspraak').getByRole('radio', {
				name: DIGEST,
				exact: true
			})
		).toBeChecked();
		await expect(
			group(page, 'Nieuwe voorstellen voor een afspraak').getByRole('radio', {
				name: NONE,
				exact: true
			})
		).toBeChecked();
	});

	await test.step('a value that is not offered is refused next to its field, nothing saved', async () => {
		const app = group(page, 'Nieuwe berichten bij een afspraak').getByRole('radio', {
			name: APP,
			exact: true
		});
		await app.evaluate((radio: HTMLInputElement) => (radio.value = 'sms'));
		await app.check();
		await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'Niet alles is goed ingevuld. Bekijk de meldingen bij de velden.'
		);
		await expect(group(page, 'Nieuwe berichten bij een afspraak')).toHaveAccessibleDescription(
			'Kies een van de mogelijkheden.'
		);
		expect(await choices()).toEqual([
			{ kind: 'agreement_message', delivery: 'digest' },
			{ kind: 'agreement_proposed', delivery: 'none' }
		]);
		const origin = new URL(page.url()).origin;
		const response = await page.request.post('/profiel/meldingen', {
			form: { agreement_proposed: 'email', agreement_status: 'default', agreement_message: 'sms' },
			// As a browser without JavaScript posts the form.
			headers: { origin, accept: 'text/html' }
		});
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('Kies een van de mogelijkheden.');
		expect(await choices()).toHaveLength(2);
	});

	await test.step('without JavaScript the form works the same', async () => {
		const plain = await browser.newContext({
			javaScriptEnabled: false,
			storageState: await page.context().storageState()
		});
		const noScript = await plain.newPage();
		await noScript.goto('/profiel/meldingen');
		await group(noScript, 'Nieuwe berichten bij een afspraak')
			.getByRole('radio', { name: DEFAULT, exact: true })
			.check();
		await group(noScript, 'Nieuwe voorstellen voor een afspraak')
			.getByRole('radio', { name: APP, exact: true })
			.check();
		await noScript.getByRole('button', { name: 'Keuzes opslaan' }).click();
		await expect(noScript.getByRole('status')).toHaveText('Je keuzes zijn opgeslagen.');
		expect(await choices()).toEqual([{ kind: 'agreement_proposed', delivery: 'app' }]);
		await plain.close();
	});

	await test.step('in English', async () => {
		await page
			.context()
			.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
		await page.goto('/profiel/meldingen');
		await expect(
			page.getByRole('heading', { level: 1, name: 'How you get notifications' })
		).toBeVisible();
		await expect(
			group(page, 'New proposals for an agreement').getByRole('radio', {
				name: 'Only in the app',
				exact: true
			})
		).toBeChecked();
		await expect(
			group(page, 'New messages on an agreement').getByRole('radio', {
				name: 'Default: by e-mail at once if you manage the organisation, otherwise only in the app'
			})
		).toBeChecked();
		await expectNoAxeViolations(page);
		await expectFits360(page);
	});
});
