import { expect, test } from './support';
import { spawn, type ChildProcess } from 'node:child_process';

// The same built app, started a second time with Meilisearch out of reach (a port nobody listens on):
// the search says so in Dutch with a 503, and every other page still works. (Ports clear of the ones
// fetch refuses, such as 4190.)
const port = Number(process.env.E2E_PORT ?? 4173) + 30;
const nobodyListens = Number(process.env.E2E_PORT ?? 4173) + 31;
const origin = `http://127.0.0.1:${port}`;
const unavailable = 'Zoeken lukt even niet: de zoekdienst is niet bereikbaar.';
let app: ChildProcess;

test.beforeAll(async () => {
	app = spawn('node', [process.env.BUILD_OUT ?? 'build'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			MEILI_URL: `http://127.0.0.1:${nobodyListens}`,
			MEILI_MASTER_KEY: 'not-needed',
			SEARCH_WORKER: 'off'
		},
		stdio: 'ignore'
	});
	await expect
		.poll(async () => (await fetch(`${origin}/api/health`).catch(() => null))?.status, {
			timeout: 30_000
		})
		.toBe(200);
});

test.afterAll(() => {
	app.kill();
});

test('with Meilisearch down the search answers 503 in Dutch and the other pages still work', async ({
	page,
	request
}) => {
	const api = await request.get(`${origin}/api/search?q=robotica`);
	expect(api.status()).toBe(503);
	expect((await api.json()).message).toContain(unavailable);

	const response = await page.goto(`${origin}/zoeken?q=robotica&provincie=limburg`);
	expect(response?.status()).toBe(503);
	await expect(page.getByText(unavailable)).toBeVisible();
	await expect(page.getByRole('main').getByRole('searchbox', { name: 'Zoek naar' })).toHaveValue(
		'robotica'
	);

	const academies = await page.goto(`${origin}/academies`);
	expect(academies?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
