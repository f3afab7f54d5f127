// Posts and moderation end to end with the demo accounts in Gent's community: the teacher asks a question
// through the form on the community page and comments on it, the volunteer reports it, the coordinator (a
// host: admin of an academy seated in Gent) finds the report on /moderatie and hides the post with a reason,
// the author reads that reason (in Dutch and in English), and a visitor no longer finds the post on the
// community page nor at its address. Without axe violations, at 390 and 1280 px without sideways scroll.
import type { Browser, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { accountMenu, expect, expectNoAxeViolations, gotoHydrated, signIn, test } from './support';

const PASSWORD = 'groeistoot-demo';
const TEACHER = 'leerkracht@groeistoot.test';
const VOLUNTEER = 'vrijwilliger@groeistoot.test';
const COORDINATOR = 'coordinator@groeistoot.test';
const GENT = '/gemeenten/44021/community';

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

/** A page of its own, at `width`, signed in as the demo account `email` (or a visitor without one). */
async function pageAt(browser: Browser, width: number, email?: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.setViewportSize({ width, height: 900 });
	if (email) {
		await signIn(page, email, PASSWORD);
		await expect(accountMenu(page)).toBeVisible();
	}
	return page;
}

/** What every page in this story must pass: axe, and no sideways scrolling at its width. */
async function expectFits(page: Page) {
	await expectNoSidewaysScroll(page);
	await expectNoAxeViolations(page);
}

test('a question is posted, reported, hidden by a host with a reason, and gone for visitors', async ({
	browser,
	baseURL
}) => {
	// Four people, a dozen pages with axe: minutes on a busy machine.
	test.setTimeout(360_000);
	const run = randomUUID().slice(0, 8);
	const title = `Wie heeft een 3D-printer te leen? ${run}`;
	const reason = 'Dubbel gepost; de vraag staat al in een ander bericht.';

	// The teacher, on a phone, writes a question from Gent's community page.
	const teacher = await pageAt(browser, 390, TEACHER);
	await gotoHydrated(teacher, GENT);
	const posts = teacher.getByRole('region', { name: 'Berichten' });
	await posts.getByRole('link', { name: 'Nieuw bericht' }).click();
	await expect(teacher.getByRole('heading', { level: 1, name: 'Nieuw bericht' })).toBeVisible();
	await expectFits(teacher);
	// An empty title is refused next to its field.
	await teacher.getByRole('button', { name: 'Bericht plaatsen' }).click();
	await expect(teacher.getByText('Geef een titel van 3 tot 140 tekens.')).toBeVisible();
	await teacher.getByRole('radio', { name: 'Vraag' }).check();
	await teacher.getByLabel('Titel').fill(title);
	await teacher
		.getByLabel('Tekst', { exact: true })
		.fill(
			'Voor de **robotclub** zoeken we een 3D-printer voor twee weken.\n\n- liefst PLA\n- in Gent'
		);
	await teacher.getByRole('button', { name: 'Bericht plaatsen' }).click();
	await expect(teacher.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(teacher.getByText('robotclub', { exact: true })).toHaveJSProperty(
		'tagName',
		'STRONG'
	);
	const postPath = new URL(teacher.url()).pathname;
	expect(postPath).toMatch(/^\/berichten\/[0-9a-f-]{36}$/);

	// ... and comments on it.
	await gotoHydrated(teacher, postPath);
	await teacher.getByLabel('Je reactie').fill('Een printer met een groot bed is een pluspunt.');
	await teacher.getByRole('button', { name: 'Reageren' }).click();
	await expect(teacher.getByText('Je reactie staat online.')).toBeVisible();
	await expect(
		teacher
			.getByRole('listitem')
			.filter({ hasText: 'Een printer met een groot bed is een pluspunt.' })
	).toBeVisible();
	await expectFits(teacher);

	// The post is on the community page.
	await gotoHydrated(teacher, GENT);
	await expect(posts.getByRole('link', { name: title })).toBeVisible();

	// The volunteer reports it with a reason.
	const volunteer = await pageAt(browser, 390, VOLUNTEER);
	await gotoHydrated(volunteer, postPath);
	const report = volunteer.getByRole('group').filter({ hasText: 'Dit bericht melden' });
	await report.getByText('Dit bericht melden').click();
	// Too short a reason is refused next to the field.
	await report.getByLabel('Waarom meld je dit?').fill('x');
	await report.getByRole('button', { name: 'Melden' }).click();
	await expect(report.getByText('Geef een reden van 3 tot 500 tekens.')).toBeVisible();
	await report.getByLabel('Waarom meld je dit?').fill('Deze vraag staat er twee keer.');
	await report.getByRole('button', { name: 'Melden' }).click();
	await expect(volunteer.getByText('Bedankt. De hosts bekijken je melding.')).toBeVisible();
	await expectFits(volunteer);

	// The coordinator, a host of Gent, finds the report on /moderatie and hides the post.
	const host = await pageAt(browser, 1280, COORDINATOR);
	await gotoHydrated(host, '/moderatie');
	await expect(host.getByRole('heading', { level: 1, name: 'Moderatie' })).toBeVisible();
	const reports = host.getByRole('region', { name: 'Open meldingen' });
	const item = reports.getByRole('listitem').filter({ hasText: title });
	await expect(item).toContainText('Deze vraag staat er twee keer.');
	await expectFits(host);
	await item.getByRole('link', { name: `Bekijk en modereer „${title}”` }).click();
	await expect(host.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await host.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const moderate = host.getByRole('region', { name: 'Modereren' });
	await expectFits(host);
	await moderate.getByLabel('Reden (de auteur ziet ze)').fill(reason);
	await moderate.getByRole('button', { name: 'Bericht verbergen' }).click();
	await expect(host.getByText('Verborgen. De auteur ziet de reden.')).toBeVisible();
	await expect(host.getByText(`Verborgen door een moderator: ${reason}`)).toBeVisible();
	await expect(moderate.getByRole('button', { name: 'Bericht terug tonen' })).toBeVisible();
	// The report is handled: it left the queue.
	await gotoHydrated(host, '/moderatie');
	await expect(reports.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);

	// The author reads why.
	await gotoHydrated(teacher, postPath);
	await expect(teacher.getByText(`Verborgen door een moderator: ${reason}`)).toBeVisible();
	await expect(teacher.getByRole('button', { name: 'Reageren' })).toHaveCount(0);
	await expectFits(teacher);

	// ... and in English too.
	const switched = await teacher.request.post('/taal', {
		form: { locale: 'en', redirectTo: postPath },
		headers: { origin: baseURL! }
	});
	expect(switched.ok()).toBe(true);
	await gotoHydrated(teacher, postPath);
	await expect(teacher.getByText(`Hidden by a moderator: ${reason}`)).toBeVisible();
	await expectFits(teacher);

	// A visitor no longer sees it, at both widths and in both languages.
	const visitor = await pageAt(browser, 1280);
	for (const width of [1280, 390]) {
		await visitor.setViewportSize({ width, height: 900 });
		await gotoHydrated(visitor, GENT);
		await expect(visitor.getByRole('region', { name: 'Berichten' })).toBeVisible();
		await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
		await expectFits(visitor);
		const response = await visitor.goto(postPath);
		expect(response?.status()).toBe(404);
		await expect(visitor.getByText('Dit bericht bestaat niet of is verborgen.')).toBeVisible();
		await expectFits(visitor);
	}
	await visitor.request.post('/taal', {
		form: { locale: 'en', redirectTo: GENT },
		headers: { origin: baseURL! }
	});
	const response = await visitor.goto(postPath);
	expect(response?.status()).toBe(404);
	await expect(visitor.getByText('This post does not exist or is hidden.')).toBeVisible();
	await gotoHydrated(visitor, GENT);
	await expect(visitor.getByRole('region', { name: 'Posts' })).toBeVisible();
	await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
	await expectFits(visitor);

	await Promise.all([teacher, volunteer, host, visitor].map((page) => page.context().close()));
});
