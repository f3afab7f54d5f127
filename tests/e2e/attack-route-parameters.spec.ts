// Route parameters the attack sent straight to the database (issue 9): a NUL byte in an invitation token
// (22P05) and a malformed agreement id in a form action (22P02) were 500s. They are matched before any load
// or action runs, so every such address is a plain 404, signed in or not, for every method.
import { expect, test } from './support';
import { exchangeFixture } from './exchange-support';

const { db, person, pageFor, cleanUp } = exchangeFixture('params');

test.beforeAll(() => db.connect());
test.afterAll(cleanUp);

const addresses = [
	['GET', '/uitnodiging/%00'],
	['GET', '/uitnodiging/abc'],
	['GET', `/uitnodiging/${'a'.repeat(64)}%00`],
	['POST', '/afspraken/not-a-uuid?/accept'],
	['POST', '/afspraken/not-a-uuid?/decline'],
	['GET', '/afspraken/00000000-0000-0000-0000-00000000000g'],
	['GET', '/organisaties/Hoofdletters/leden'],
	['POST', '/organisaties/a/bewerken'],
	['GET', '/gemeenten/4402'],
	['GET', '/gemeenten/%0044021'],
	['GET', '/vragen/%27%20or%201=1--'],
	['POST', '/vragen/nope?/propose']
] as const;

test('malformed ids, slugs, NIS codes and tokens are a 404, never a 500', async ({
	browser,
	baseURL
}) => {
	const signedIn = await pageFor(browser, await person('wie', 'Wim Wie'));
	const visitor = await (await browser.newContext()).newPage();
	for (const page of [signedIn, visitor]) {
		for (const [method, path] of addresses) {
			const response = await page.request.fetch(path, {
				method,
				headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' },
				data: method === 'POST' ? 'reason=x' : undefined,
				maxRedirects: 0,
				failOnStatusCode: false
			});
			expect(response.status(), `${method} ${path}`).toBe(404);
		}
	}
});
