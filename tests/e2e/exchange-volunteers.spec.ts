// Who comes, and whose extract is still missing: a company member names two mentors on an accepted
// agreement; the academy sets the first session, sees both under "nog geen recent uittreksel vóór de eerste
// sessie", records one check from the list (the form comes prefilled), and only the other remains. The
// checks are the academy owner's and admins' to keep: a teacher who is a plain member sees none of them.
import { exchangeFixture, type Person } from './exchange-support';
import { isoDay } from './organisations-support';
import { expect, expectNoAxeViolations, test } from './support';

const { run, db, person, organisation, pageFor, cleanUp } = exchangeFixture('wie');

let companyOwner: Person;
let coordinator: Person;
let teacher: Person;
let academySlug: string;
let agreementId: string;
const requestTitle = `Twee mentoren voor robotica ${run}`;

test.beforeAll(async () => {
	await db.connect();
	[companyOwner, coordinator, teacher] = await Promise.all([
		person('bedrijf', 'Dirk Bedrijf'),
		person('academie', 'Els Coördinator'),
		person('leerkracht', 'Tom Leerkracht')
	]);
	const company = await organisation('company', `Robotbedrijf ${run}`, companyOwner);
	const academy = await organisation('academy', `STEM-academie Wie ${run}`, [
		[coordinator, 'owner'],
		[teacher, 'member']
	]);
	academySlug = academy.slug;
	const offer = await db.query<{ id: string }>(
		`insert into public.offers (organisation_id, kind, title, municipality_nis, radius_km, people)
		 values ($1, 'volunteers', 'Twee mentoren', '44021', 30, 2) returning id`,
		[company.id]
	);
	const request = await db.query<{ id: string }>(
		`insert into public.requests (organisation_id, kind, title, municipality_nis, people)
		 values ($1, 'volunteers', $2, '44021', 2) returning id`,
		[academy.id, requestTitle]
	);
	const agreement = await db.query<{ id: string }>(
		`insert into public.agreements (request_id, offer_id, academy_id, provider_id,
			proposed_by_organisation, status)
		 values ($1, $2, $3, $4, $3, 'accepted') returning id`,
		[request.rows[0]!.id, offer.rows[0]!.id, academy.id, company.id]
	);
	agreementId = agreement.rows[0]!.id;
});

test.afterAll(cleanUp);

test('a company names two mentors, the academy records one check and sees who still lacks one', async ({
	browser
}) => {
	const company = await pageFor(browser, companyOwner);
	const names = company.getByRole('list', { name: 'Wie komt er' });

	await test.step('the company names two mentors; a name that is too short is refused', async () => {
		await company.goto(`/afspraken/${agreementId}`);
		await expect(company.getByRole('heading', { level: 2, name: 'Wie komt er?' })).toBeVisible();
		await company.getByLabel('Naam', { exact: true }).fill('A');
		await company.getByRole('button', { name: 'Naam toevoegen' }).click();
		await expect(company.getByLabel('Naam', { exact: true })).toHaveAccessibleDescription(
			/Een naam is 2 tot 120 tekens lang\./
		);
		for (const name of ['Mentor Een', 'Mentor Twee']) {
			await company.getByLabel('Naam', { exact: true }).fill(name);
			await company.getByRole('button', { name: 'Naam toevoegen' }).click();
			await expect(company.getByRole('status')).toContainText(`${name} staat op de lijst.`);
		}
		await expect(names.getByRole('listitem')).toHaveText([/Mentor Een/, /Mentor Twee/]);
		// Only the academy sets the first session.
		await expect(company.getByLabel('Datum van de eerste sessie')).toHaveCount(0);
		await expectNoAxeViolations(company);
	});

	const academy = await pageFor(browser, coordinator);

	await test.step('the academy sets the first session', async () => {
		await academy.goto(`/afspraken/${agreementId}`);
		await expect(academy.getByRole('list', { name: 'Wie komt er' })).toContainText('Mentor Twee');
		await academy.getByLabel('Datum van de eerste sessie').fill(isoDay(21));
		await academy.getByRole('button', { name: 'Eerste sessie opslaan' }).click();
		await expect(academy.getByRole('status')).toContainText(
			'De datum van de eerste sessie is opgeslagen.'
		);
	});

	await test.step('both mentors lack a recent extract; the academy records one from the list', async () => {
		await academy.goto(`/organisaties/${academySlug}/vrijwilligers`);
		const toCheck = academy.getByRole('region', {
			name: 'Nog geen recent uittreksel vóór de eerste sessie'
		});
		await expect(toCheck.getByRole('row', { name: /Mentor/ })).toHaveCount(2);
		await expect(toCheck.getByRole('row', { name: /Mentor Een/ })).toContainText(requestTitle);
		await expect(toCheck.getByRole('row', { name: /Mentor Een/ })).toContainText('Nog niet gezien');
		await expectNoAxeViolations(academy);

		await toCheck.getByRole('link', { name: 'Uittreksel van Mentor Een noteren' }).click();
		await expect(academy.getByLabel('Naam van de vrijwilliger')).toHaveValue('Mentor Een');
		await academy.getByLabel('Gezien op').fill(isoDay(-3));
		await academy.getByLabel('Gezien door').fill('Els Coördinator');
		await academy.getByRole('button', { name: 'Noteren', exact: true }).click();
		await expect(academy.getByText('Het uittreksel van Mentor Een is genoteerd.')).toBeVisible();
		// Back on the page without the prefill: the form stays empty, a second click records nothing.
		await expect(academy).toHaveURL(/\/vrijwilligers\?genoteerd=Mentor(\+|%20)Een#record-heading$/);
		await expect(academy.getByLabel('Naam van de vrijwilliger')).toHaveValue('');
		await expect(academy.getByLabel('Gezien op')).toHaveValue('');
		await academy.getByRole('button', { name: 'Noteren', exact: true }).click();
		await expect(academy.getByLabel('Naam van de vrijwilliger')).toHaveAccessibleDescription(
			/Geef de naam van de vrijwilliger/
		);

		await expect(toCheck.getByRole('row', { name: /Mentor/ })).toHaveCount(1);
		await expect(toCheck.getByRole('row', { name: /Mentor Twee/ })).toBeVisible();
		const { rows } = await db.query(
			'select volunteer_name, agreement_id from public.volunteer_checks where agreement_id = $1',
			[agreementId]
		);
		expect(rows).toEqual([{ volunteer_name: 'Mentor Een', agreement_id: agreementId }]);
	});

	await test.step('a plain member of the academy reads who keeps the checks, and sees none', async () => {
		const member = await pageFor(browser, teacher);
		await member.goto(`/organisaties/${academySlug}/vrijwilligers`);
		await expect(
			member.getByText(
				'Uittreksels uit het strafregister zijn vertrouwelijk: enkel de eigenaars en beheerders van'
			)
		).toBeVisible();
		await expect(member.getByText('Mentor Een')).toHaveCount(0);
		await expect(member.getByText('Mentor Twee')).toHaveCount(0);
		await expect(member.getByLabel('Naam van de vrijwilliger')).toHaveCount(0);
		await expect(member.getByRole('button', { name: 'Noteren', exact: true })).toHaveCount(0);
		await expectNoAxeViolations(member);
	});
});
