// The pages whose own page function answers the header (src/lib/server/page-header.ts) show the same
// account menu as every other signed-in page: the person's name and their unread count as the database
// has them, also when the page is a 404 or a 403, or a form post to it fails.
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import { accountMenu, expect, seedIds, seedValue, signIn, test } from './support';

const db = new pg.Client({ connectionString: databaseUrl });
const nowhere = '00000000-0000-4000-8000-000000000000';

test.beforeAll(async () => {
	await db.connect();
});

test.afterAll(async () => {
	await db.end();
});

/** What the account button says for the seed's coordinator, from the database. */
async function coordinatorMenu(): Promise<string> {
	const { rows } = await db.query<{ name: string; unread: number }>(
		`select p.display_name as name, (select count(*)::int from public.notifications n
			where n.user_id = u.id and n.read_at is null) as unread
		from auth.users u join public.profiles p on p.id = u.id
		where u.email = 'coordinator@groeistoot.test'`
	);
	const { name, unread } = rows[0]!;
	expect(unread).toBeGreaterThan(0);
	return `Account van ${name}, ${unread} ongelezen meldingen`;
}

test('the pages that bring their own header name the person and their unread count', async ({
	page
}) => {
	const { academy, school } = await seedIds(db);
	const request = await seedValue(
		db,
		`select r.id::text as value from public.requests r join public.organisations o
		on o.id = r.organisation_id where o.slug = $1 and r.status = 'open' order by r.id limit 1`,
		[academy]
	);
	const agreement = await seedValue(
		db,
		`select a.id::text as value from public.agreements a join public.organisations o
		on o.id = a.academy_id where o.slug = $1 order by a.id limit 1`,
		[academy]
	);
	await signIn(page, 'coordinator@groeistoot.test', 'groeistoot-demo');
	await expect(page).toHaveURL(/\/$/);
	const menu = await coordinatorMenu();
	const pages: [string, number][] = [
		[`/organisaties/${academy}/vragen`, 200],
		[`/organisaties/${academy}/vragen/${request}`, 200],
		[`/vragen/${request}`, 200],
		['/afspraken', 200],
		[`/afspraken/${agreement}`, 200],
		// The page function answers, and the page is still not the person's to see.
		[`/organisaties/${academy}/aanbod`, 404],
		[`/organisaties/${school}/aanbod`, 403],
		// The page function answers nothing: the layout asks for the header itself.
		[`/organisaties/${academy}/vragen/${nowhere}`, 404],
		[`/afspraken/${nowhere}`, 404],
		[`/vragen/${nowhere}`, 404]
	];
	// Twice: the app learns that a route's page brings the header on its first load there, and the layout
	// waits for the page's header from then on.
	for (const visit of [1, 2]) {
		for (const [path, status] of pages) {
			const response = await page.goto(path);
			expect(response?.status(), `${path} (${visit})`).toBe(status);
			await expect(accountMenu(page).locator('summary'), `${path} (${visit})`).toContainText(menu);
		}
	}
	// A form post whose action fails renders its error without the page's load: it still answers, with
	// the header (the layout does not wait for a page that never loads).
	const origin = new URL(page.url()).origin;
	const posts: [string, number][] = [
		[`/afspraken/${nowhere}?/addVolunteer`, 404],
		['/afspraken', 405],
		[`/organisaties/${academy}/vragen/${nowhere}?/close`, 404]
	];
	for (const [path, status] of posts) {
		const response = await page.request.post(path, {
			form: { name: 'Jan' },
			headers: { origin, accept: 'text/html' },
			timeout: 15_000
		});
		expect(response.status(), path).toBe(status);
		expect(await response.text(), path).toContain(menu);
	}
});
