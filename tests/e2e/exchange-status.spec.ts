// The status buttons on /afspraken/[id]: declining, withdrawing a proposal and an accepted agreement (by
// either side), marking it fulfilled with what was given (and refusing bad input), a double click on
// "Aanvaarden", and the wrong side trying to accept. People and their (empty) organisations are arranged as
// postgres and through the auth admin API; the offer, the requests and the proposals by the members
// themselves through PostgREST and the RPC (the forms have their own specs); every status change through
// the buttons. Locators are scoped to the "Status" region, so other sections of the page do not interfere.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Page } from '@playwright/test';
import { expect, test } from './support';
import { exchangeFixture, type Person } from './exchange-support';

const { run, db, person, organisation, clientFor, pageFor, cleanUp } = exchangeFixture('status');

/** The "Status" section of an agreement's page: the next step's buttons and the history (the status itself is
 * a badge beside the title). */
function statusRegion(page: Page) {
	return page.getByRole('region', { name: 'Status', exact: true });
}

async function openAgreement(page: Page, id: string) {
	await page.goto(`/afspraken/${id}`);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return statusRegion(page);
}

/** "Geweigerd door Ann Academie (STEM-academie …) op vr 27 november 2026 om 14:05". */
function historyLine(status: string, who: Person, organisationName: string): RegExp {
	const escaped = organisationName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(
		`^${status} door ${who.name} \\(${escaped}\\) op (ma|di|wo|do|vr|za|zo) \\d{1,2} \\S+ \\d{4} om \\d{2}:\\d{2}`
	);
}

async function statusInDb(id: string): Promise<string> {
	const { rows } = await db.query<{ status: string }>(
		'select status from public.agreements where id = $1',
		[id]
	);
	return rows[0]!.status;
}

async function eventCount(id: string, status: string): Promise<number> {
	const { rows } = await db.query<{ n: number }>(
		`select count(*)::int as n from public.agreement_events where agreement_id = $1 and status = $2`,
		[id, status]
	);
	return rows[0]!.n;
}

let academyOwner: Person;
let academyMember: Person;
let companyOwner: Person;
let academyClient: SupabaseClient;
let companyClient: SupabaseClient;
let academyId: string;
let offerId: string;
const academyName = `STEM-academie Gent ${run}`;
const companyName = `Laptops voor Later ${run}`;

/** An open materials request of the academy, created by its owner through PostgREST. */
async function materialsRequest(title: string): Promise<string> {
	const { data, error } = await academyClient
		.from('requests')
		.insert({
			organisation_id: academyId,
			kind: 'materials',
			title,
			quantity: '10 laptops',
			municipality_nis: '44021'
		})
		.select('id')
		.single();
	if (error) throw error;
	return (data as { id: string }).id;
}

/** A proposal between a new request and the company's laptops, made by one of the two sides. */
async function proposal(title: string, by: 'academy' | 'company'): Promise<string> {
	const requestId = await materialsRequest(title);
	const client = by === 'academy' ? academyClient : companyClient;
	const { data, error } = await client.rpc('propose_agreement', {
		p_request_id: requestId,
		p_offer_id: offerId,
		p_message: `Voorstel ${title}`
	});
	if (error) throw error;
	return data as string;
}

/** A proposal by the academy that the company has already accepted (through the RPC, as the company). */
async function accepted(title: string): Promise<string> {
	const id = await proposal(title, 'academy');
	const { error } = await companyClient.rpc('set_agreement_status', {
		p_agreement_id: id,
		p_status: 'accepted'
	});
	if (error) throw error;
	return id;
}

test.beforeAll(async () => {
	await db.connect();
	[academyOwner, academyMember, companyOwner] = await Promise.all([
		person('academie', 'Ann Academie'),
		person('academie-lid', 'Bram Lid'),
		person('bedrijf', 'Carl Bedrijf')
	]);
	academyId = (
		await organisation('academy', academyName, [
			[academyOwner, 'owner'],
			[academyMember, 'member']
		])
	).id;
	const companyId = (await organisation('company', companyName, companyOwner)).id;
	[academyClient, companyClient] = await Promise.all([
		clientFor(academyOwner),
		clientFor(companyOwner)
	]);
	const { data, error } = await companyClient
		.from('offers')
		.insert({
			organisation_id: companyId,
			kind: 'materials',
			title: `Afgeschreven laptops ${run}`,
			municipality_nis: '44021',
			radius_km: 25,
			materials: 'Laptops met Linux',
			quantity: 40
		})
		.select('id')
		.single();
	if (error) throw error;
	offerId = (data as { id: string }).id;
});

test.afterAll(cleanUp);

test('the side that did not propose declines; the proposer sees it and can do nothing more', async ({
	browser
}) => {
	// The company answers the academy's request; the academy declines.
	const id = await proposal(`Laptops voor het codeerkamp ${run}`, 'company');
	const academy = await pageFor(browser, academyOwner);
	const region = await openAgreement(academy, id);
	await expect(region.page().getByText('Status: Voorgesteld')).toBeVisible();
	await expect(region.getByRole('button', { name: 'Aanvaarden' })).toBeVisible();
	await region
		.getByLabel('Reden van de weigering (niet verplicht)')
		.fill('We hebben dit jaar al laptops.');
	await region.getByRole('button', { name: 'Weigeren' }).click();
	await expect(region.getByRole('status')).toHaveText('Het voorstel is geweigerd.');
	await expect(region.page().getByText('Status: Geweigerd')).toBeVisible();
	await expect(region.getByRole('button')).toHaveCount(0);
	await expect(region.getByText('Je kan deze afspraak nu niet veranderen.')).toBeVisible();

	const company = await pageFor(browser, companyOwner);
	const seen = await openAgreement(company, id);
	await expect(seen.page().getByText('Status: Geweigerd')).toBeVisible();
	await expect(seen.getByRole('listitem')).toHaveText([
		historyLine('Voorgesteld', companyOwner, companyName),
		historyLine('Geweigerd', academyOwner, academyName)
	]);
	await expect(seen.getByRole('listitem').nth(1)).toContainText('We hebben dit jaar al laptops.');
	await expect(seen.getByRole('button')).toHaveCount(0);
	await expect(seen.getByText('Je kan deze afspraak nu niet veranderen.')).toBeVisible();
	expect(await statusInDb(id)).toBe('declined');
});

test('the proposer withdraws a proposal; the other side sees who did it and when', async ({
	browser
}) => {
	const id = await proposal(`Laptops voor de zomerschool ${run}`, 'academy');
	const academy = await pageFor(browser, academyOwner);
	const region = await openAgreement(academy, id);
	// The proposer cannot accept or decline its own proposal.
	await expect(region.getByRole('button', { name: 'Aanvaarden' })).toHaveCount(0);
	await expect(region.getByRole('button', { name: 'Weigeren' })).toHaveCount(0);
	await region.getByRole('button', { name: 'Intrekken' }).click();
	await expect(region.getByRole('status')).toHaveText('De afspraak is ingetrokken.');
	await expect(region.page().getByText('Status: Ingetrokken')).toBeVisible();
	await expect(region.getByRole('button')).toHaveCount(0);

	const company = await pageFor(browser, companyOwner);
	const seen = await openAgreement(company, id);
	await expect(seen.page().getByText('Status: Ingetrokken')).toBeVisible();
	await expect(seen.getByRole('listitem')).toHaveText([
		historyLine('Voorgesteld', academyOwner, academyName),
		historyLine('Ingetrokken', academyOwner, academyName)
	]);
	await expect(seen.getByRole('button')).toHaveCount(0);
	expect(await statusInDb(id)).toBe('withdrawn');

	// The request's page names the withdrawn proposal in words, in Dutch and in English.
	const { rows } = await db.query<{ request_id: string }>(
		'select request_id from public.agreements where id = $1',
		[id]
	);
	await academy.goto(`/vragen/${rows[0]!.request_id}`);
	const suggestion = academy.getByRole('link', { name: /^Voorstel gedaan/ });
	await expect(suggestion).toHaveText('Voorstel gedaan (Ingetrokken)');
	await academy
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(academy.url()).origin }]);
	await academy.reload();
	await expect(academy.getByRole('link', { name: /^Proposed/ })).toHaveText('Proposed (Withdrawn)');
});

test('either side withdraws an accepted agreement', async ({ browser }) => {
	const byCompany = await accepted(`Laptops voor de robotclub ${run}`);
	const byAcademy = await accepted(`Laptops voor het spelletjeslab ${run}`);
	const company = await pageFor(browser, companyOwner);
	const academy = await pageFor(browser, academyOwner);

	await test.step('the company withdraws', async () => {
		const region = await openAgreement(company, byCompany);
		await expect(region.page().getByText('Status: Aanvaard')).toBeVisible();
		// Only the academy marks an agreement fulfilled.
		await expect(region.getByRole('form', { name: 'Afronden: wat werd er gegeven?' })).toHaveCount(
			0
		);
		await region.getByRole('button', { name: 'Intrekken' }).click();
		await expect(region.page().getByText('Status: Ingetrokken')).toBeVisible();
		const seen = await openAgreement(academy, byCompany);
		await expect(seen.page().getByText('Status: Ingetrokken')).toBeVisible();
		await expect(seen.getByRole('listitem')).toHaveText([
			historyLine('Voorgesteld', academyOwner, academyName),
			historyLine('Aanvaard', companyOwner, companyName),
			historyLine('Ingetrokken', companyOwner, companyName)
		]);
		await expect(seen.getByRole('button')).toHaveCount(0);
	});

	await test.step('the academy withdraws', async () => {
		const region = await openAgreement(academy, byAcademy);
		await expect(region.page().getByText('Status: Aanvaard')).toBeVisible();
		await region.getByRole('button', { name: 'Intrekken' }).click();
		await expect(region.getByRole('status')).toHaveText('De afspraak is ingetrokken.');
		await expect(region.page().getByText('Status: Ingetrokken')).toBeVisible();
		const seen = await openAgreement(company, byAcademy);
		await expect(seen.getByRole('listitem').last()).toHaveText(
			historyLine('Ingetrokken', academyOwner, academyName)
		);
		await expect(seen.getByRole('button')).toHaveCount(0);
	});

	expect(await statusInDb(byCompany)).toBe('withdrawn');
	expect(await statusInDb(byAcademy)).toBe('withdrawn');
});

test('the academy marks an agreement fulfilled with what was given; bad input changes nothing', async ({
	browser
}) => {
	const id = await accepted(`Laptops voor de programmeerweken ${run}`);
	const academy = await pageFor(browser, academyOwner);
	const region = await openAgreement(academy, id);
	const form = region.getByRole('form', { name: 'Afronden: wat werd er gegeven?' });
	const thanks = 'Dank je wel: twintig kinderen leerden programmeren op jullie laptops!';

	await test.step('negative hours get a Dutch message next to the field', async () => {
		await form.getByLabel('Aantal sessies').fill('6');
		await form.getByLabel('Aantal uren').fill('-3');
		await form.getByLabel('Aantal stuks').fill('10');
		await form.getByLabel('Bedankje (niet verplicht)').fill(thanks);
		await form.getByRole('button', { name: 'Afronden' }).click();
		const hours = form.getByLabel('Aantal uren');
		await expect(hours).toHaveAttribute('aria-invalid', 'true');
		await expect(hours).toHaveAccessibleDescription(
			'Vul een geheel getal in, zonder komma of punt.'
		);
		// What was typed stays; nothing changed.
		await expect(hours).toHaveValue('-3');
		await expect(form.getByLabel('Aantal sessies')).toHaveValue('6');
		await expect(form.getByLabel('Bedankje (niet verplicht)')).toHaveValue(thanks);
		await expect(region.page().getByText('Status: Aanvaard')).toBeVisible();
		expect(await statusInDb(id)).toBe('accepted');
		expect(await eventCount(id, 'fulfilled')).toBe(0);
	});

	await test.step('with good numbers the agreement is fulfilled', async () => {
		await form.getByLabel('Aantal uren').fill('12');
		await form.getByRole('button', { name: 'Afronden' }).click();
		await expect(region.getByRole('status')).toHaveText('De afspraak is afgerond. Bedankt!');
		await expect(region.page().getByText('Status: Uitgevoerd')).toBeVisible();
		await expect(region.getByRole('button')).toHaveCount(0);
		await expect(region.getByRole('listitem').last()).toHaveText(
			historyLine('Uitgevoerd', academyOwner, academyName)
		);
	});

	await test.step('the company sees what was given and the thank-you note', async () => {
		const company = await pageFor(browser, companyOwner);
		const seen = await openAgreement(company, id);
		await expect(seen.page().getByText('Status: Uitgevoerd')).toBeVisible();
		// What was given sits with the summary, in its own region.
		const given = company.getByRole('region', { name: 'Wat gegeven werd' });
		await expect(given.getByRole('heading', { name: 'Wat gegeven werd' })).toBeVisible();
		await expect(given.getByRole('definition')).toHaveText(['6', '12', '10']);
		await expect(given.getByRole('term')).toHaveText([
			'Aantal sessies',
			'Aantal uren',
			'Aantal stuks'
		]);
		await expect(given.getByText(thanks)).toBeVisible();
		await expect(seen.getByRole('listitem').last()).toHaveText(
			historyLine('Uitgevoerd', academyOwner, academyName)
		);
		await expect(seen.getByRole('button')).toHaveCount(0);
	});

	const { rows } = await db.query(
		`select status, given_sessions, given_hours, given_items, thank_you from public.agreements
		 where id = $1`,
		[id]
	);
	expect(rows[0]).toEqual({
		status: 'fulfilled',
		given_sessions: 6,
		given_hours: 12,
		given_items: 10,
		thank_you: thanks
	});
	expect(await eventCount(id, 'fulfilled')).toBe(1);
});

test('a double click on "Aanvaarden" accepts once', async ({ browser }) => {
	const id = await proposal(`Laptops voor de hackathon ${run}`, 'academy');
	const company = await pageFor(browser, companyOwner);
	const region = await openAgreement(company, id);
	await region.getByRole('button', { name: 'Aanvaarden' }).dblclick();
	await expect(region.getByRole('status')).toHaveText('De afspraak is aanvaard.');
	await expect(region.page().getByText('Status: Aanvaard')).toBeVisible();
	await expect(region.getByRole('listitem').filter({ hasText: /^Aanvaard door / })).toHaveCount(1);

	// The page again from the server: still one entry.
	await openAgreement(company, id);
	await expect(region.getByRole('listitem')).toHaveText([
		historyLine('Voorgesteld', academyOwner, academyName),
		historyLine('Aanvaard', companyOwner, companyName)
	]);
	expect(await eventCount(id, 'accepted')).toBe(1);

	// The same form sent twice without JavaScript: the second is no change and no error.
	const origin = new URL(company.url()).origin;
	const again = await company.request.post(`/afspraken/${id}?/accept`, {
		form: {},
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(200);
	expect(await eventCount(id, 'accepted')).toBe(1);
});

test('a member of the proposing organisation cannot accept its own proposal', async ({
	browser
}) => {
	const id = await proposal(`Laptops voor de meisjesclub ${run}`, 'academy');
	const member = await pageFor(browser, academyMember);
	const region = await openAgreement(member, id);
	await expect(region.page().getByText('Status: Voorgesteld')).toBeVisible();
	await expect(region.getByRole('button', { name: 'Intrekken' })).toBeVisible();
	await expect(region.getByRole('button', { name: 'Aanvaarden' })).toHaveCount(0);
	await expect(region.getByRole('button', { name: 'Weigeren' })).toHaveCount(0);

	// Sending the accept form anyway (without JavaScript) is refused, in Dutch, and changes nothing.
	const origin = new URL(member.url()).origin;
	const response = await member.request.post(`/afspraken/${id}?/accept`, {
		form: {},
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	expect(await response.text()).toContain('Enkel de andere partij kan dit voorstel aanvaarden.');
	const declined = await member.request.post(`/afspraken/${id}?/decline`, {
		form: {},
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(declined.status()).toBe(403);
	expect(await declined.text()).toContain('Enkel de andere partij kan dit voorstel weigeren.');

	expect(await statusInDb(id)).toBe('proposed');
	expect(await eventCount(id, 'accepted')).toBe(0);
	expect(await eventCount(id, 'declined')).toBe(0);
	await openAgreement(member, id);
	await expect(region.page().getByText('Status: Voorgesteld')).toBeVisible();
	await expect(region.getByRole('listitem')).toHaveText([
		historyLine('Voorgesteld', academyOwner, academyName)
	]);
});
