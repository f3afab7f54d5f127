// The app's search credential against the stack's real Meilisearch: the search-only key the app makes from
// the master key, and the tenant token signed with it, can search the app's indexes and nothing else
// (writes, settings, keys and other indexes answer 403); the app's own searcher (keep-alive.js) answers
// like the official client, and fails as it would. Then disjunctive facets: a chosen filter's own counts
// ignore that filter, in the same multi-search.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiUrl, meiliMasterKey, meiliUrl, serviceRoleKey } from '../../../stack/config.js';
import { reindex } from '../../../src/lib/server/search/reindex.js';
import { createSearcher } from '../../../src/lib/server/search/keep-alive.js';
import { createMeiliClient } from '../../../src/lib/server/search/meili.js';
import { buildSearchPlan } from '../../../src/lib/server/search/plan';
import { parseSearchParams } from '../../../src/lib/server/search/query-params';
import {
	SearchUnavailableError,
	runSearch,
	runSuggest
} from '../../../src/lib/server/search/run-search';
import {
	APP_SEARCH_KEY_UID,
	ensureSearchKey,
	searchToken,
	type SearchKey
} from '../../../src/lib/server/search/search-key';
import { facetGroups } from '../../../src/lib/server/search/search-view';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime';

const parse = (search: string) => parseSearchParams(new URLSearchParams(search));
const master = createMeiliClient({ url: meiliUrl, key: meiliMasterKey });
const searcher = (url: string, key: string, timeoutMs = 3000) =>
	createSearcher({ url, key, timeoutMs });

let key: SearchKey;
let token: string;

beforeAll(async () => {
	await reindex({ supabaseUrl: apiUrl, serviceRoleKey, meiliUrl, meiliKey: meiliMasterKey });
	key = await ensureSearchKey(meiliUrl, meiliMasterKey);
	({ token } = await searchToken(key, new Date(Date.now() + 3600_000)));
}, 120_000);

/** A raw request to Meilisearch with a bearer credential; the status and Meilisearch's error code. */
async function asking(bearer: string, method: string, path: string, body?: unknown) {
	const response = await fetch(`${meiliUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
		...(body === undefined ? {} : { body: JSON.stringify(body) })
	});
	const answer = (await response.json().catch(() => ({}))) as { code?: string };
	return { status: response.status, code: answer.code };
}

describe("the app's search key", () => {
	it('is made once from the master key, may only search, and is found again', async () => {
		expect(key.uid).toBe(APP_SEARCH_KEY_UID);
		expect(key.key).not.toBe(meiliMasterKey);
		const stored = await master.getKey(APP_SEARCH_KEY_UID);
		expect(stored.actions).toEqual(['search']);
		expect(await ensureSearchKey(meiliUrl, meiliMasterKey)).toEqual(key);
	});

	it('refuses to be made with a wrong master key', async () => {
		await expect(ensureSearchKey(meiliUrl, 'not-the-master-key')).rejects.toMatchObject({
			cause: { code: 'invalid_api_key' }
		});
	});

	it.each([
		['the search key', () => key.key],
		['a tenant token', () => token]
	])('%s searches, and cannot write, change settings, read keys or delete', async (_name, of) => {
		const bearer = of();
		const searched = await asking(bearer, 'POST', '/indexes/activities/search', { q: 'robot' });
		expect(searched.status).toBe(200);
		const refused = [
			await asking(bearer, 'POST', '/indexes/activities/documents', [
				{ id: 'intruder', type: 'activity', title: 'Ingebroken' }
			]),
			await asking(bearer, 'PUT', '/indexes/activities/documents', [{ id: 'intruder' }]),
			await asking(bearer, 'DELETE', '/indexes/activities/documents/intruder'),
			await asking(bearer, 'PATCH', '/indexes/activities/settings', {
				filterableAttributes: ['title']
			}),
			await asking(bearer, 'PUT', '/indexes/activities/settings/ranking-rules', ['words']),
			await asking(bearer, 'POST', '/indexes', { uid: 'intruder' }),
			await asking(bearer, 'DELETE', '/indexes/activities'),
			await asking(bearer, 'GET', '/keys'),
			await asking(bearer, 'POST', '/keys', { actions: ['*'], indexes: ['*'], expiresAt: null })
		];
		for (const answer of refused) expect(answer).toEqual({ status: 403, code: 'invalid_api_key' });
		expect(await master.index('activities').getStats()).toBeDefined();
		expect((await master.index('activities').search('Ingebroken', { limit: 1 })).hits).toHaveLength(
			0
		);
	});

	it('signs tokens for the app indexes only', async () => {
		const other = await asking(token, 'POST', '/indexes/not-an-app-index/search', { q: '' });
		expect(other.status).toBe(403);
		const expired = (await searchToken(key, new Date(Date.now() - 1000))).token;
		expect((await asking(expired, 'POST', '/indexes/activities/search', { q: '' })).status).toBe(
			403
		);
	});

	it("answers searches through the app's searcher like through the official client", async () => {
		const viaToken = searcher(meiliUrl, token);
		const viaClient = createMeiliClient({ url: meiliUrl, key: token });
		// Every kind of plan: one index, several federated by relevance, several merged by date.
		const searches = [
			'q=robotica&type=activity',
			'q=robotica',
			'provincie=limburg',
			'q=robot&sorteer=datum'
		];
		const kinds = searches.map((search) => buildSearchPlan(parse(search), null).kind);
		expect(new Set(kinds)).toEqual(new Set(['single', 'federated', 'merged']));
		for (const search of searches) {
			const [kept, fetched] = await Promise.all([
				runSearch(viaToken, parse(search), null),
				runSearch(viaClient, parse(search), null)
			]);
			expect(kept, search).toEqual(fetched);
			expect(kept.total, search).toBeGreaterThan(0);
		}
		const [suggested, suggestedByClient] = await Promise.all([
			runSuggest(viaToken, parse('q=robotica'), null),
			runSuggest(viaClient, parse('q=robotica'), null)
		]);
		expect(suggested).toEqual(suggestedByClient);
		expect(suggested.length).toBeGreaterThan(0);
	});

	it("a refused token through the app's searcher names the key, never shows it", async () => {
		const wrong = searcher(meiliUrl, 'not-a-token');
		const failure = await runSearch(wrong, parse('q=robotica'), null).catch((error) => error);
		expect(failure).toBeInstanceOf(SearchUnavailableError);
		expect(failure.refused).toBe(true);
		expect(failure.message).toContain('MEILI_MASTER_KEY');
		expect(`${failure.message} ${failure.detail}`).not.toContain('not-a-token');
	});

	it('an answer that breaks off or never comes, or no Meilisearch at all, is a SearchUnavailableError', async () => {
		const server = http.createServer((request, response) => {
			if (request.url?.includes('slow')) return;
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(request.url?.includes('fine') ? '{"results": []}' : '{"hits": [');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		// (A RegExp inside toMatchObject matches any value: the texts are checked with stringMatching.)
		try {
			const broken = searcher(origin, token);
			await expect(
				runSearch(broken, parse('q=robotica&type=activity'), null)
			).rejects.toMatchObject({
				name: 'SearchUnavailableError',
				detail: expect.stringMatching(/^Meilisearch unreachable: .*JSON/)
			});
			const slow = searcher(`${origin}/slow`, token, 200);
			const late = await runSearch(slow, parse('q=robotica&type=activity'), null).catch(
				(error: unknown) => error
			);
			expect(late).toMatchObject({
				name: 'SearchUnavailableError',
				detail: expect.stringMatching(/^Meilisearch did not answer in time: .*200ms/)
			});
			expect(
				`${(late as SearchUnavailableError).message} ${(late as SearchUnavailableError).detail}`
			).not.toContain(token);
			// The same origin answers the next query, on a connection of its own.
			expect(await searcher(`${origin}/fine`, token, 200).multiSearch({ queries: [] })).toEqual({
				results: []
			});
		} finally {
			server.closeAllConnections();
			server.close();
		}
		// A port nobody listens on (taken, then given back, without any connection to it).
		const unused = http.createServer();
		await new Promise<void>((resolve) => unused.listen(0, '127.0.0.1', resolve));
		const { port } = unused.address() as AddressInfo;
		await new Promise((resolve) => unused.close(resolve));
		await expect(
			runSearch(searcher(`127.0.0.1:${port}`, token), parse('q=robotica'), null)
		).rejects.toMatchObject({
			name: 'SearchUnavailableError',
			detail: expect.stringMatching(/^Meilisearch unreachable: .*ECONNREFUSED/)
		});
	});
});

describe('disjunctive facets', () => {
	const app = () => searcher(meiliUrl, token);

	it('keeps the other provinces and their counts after choosing one', async () => {
		const all = await runSearch(app(), parse('type=activity'), null);
		const provinces = Object.entries(all.facets.province ?? {}).filter(([, n]) => n > 0);
		expect(provinces.length, 'activities in several provinces').toBeGreaterThan(1);
		const [chosen] = provinces[0] as [string, number];

		const narrowed = await runSearch(
			app(),
			parse(`type=activity&provincie=${chosen.toLowerCase()}`),
			null
		);
		expect(narrowed.total).toBe(all.facets.province?.[chosen]);
		// The province counts are those without the province filter: every province stays.
		expect(narrowed.facets.province).toEqual(all.facets.province);
		// The other facets count within the chosen province.
		const narrowedTypes = narrowed.facets.type ?? {};
		expect(narrowedTypes.activity).toBe(narrowed.total);
	});

	it('counts each chosen filter without its own filter but with the others', async () => {
		const search = 'provincie=limburg&leeftijd=10';
		const results = await runSearch(app(), parse(search), null);
		// Province counts: the age filter only. Age counts: the province filter only.
		for (const [province, count] of Object.entries(results.facets.province ?? {})) {
			const slug = province.toLowerCase().replace(/ /g, '-');
			if (slug === 'brussel') continue;
			expect(count, province).toBe(await totalOfEvery(`provincie=${slug}&leeftijd=10`));
		}
		const ages = results.facets.ages ?? {};
		expect(Object.keys(ages).length).toBeGreaterThan(1);
		expect(ages['10']).toBeGreaterThan(0);
		// Types are counted with both filters (no type chosen).
		const types = Object.values(results.facets.type ?? {}).reduce((a, b) => a + b, 0);
		expect(types).toBeGreaterThan(0);
	});

	it('counts the other types after choosing one (over every index)', async () => {
		const results = await runSearch(app(), parse('q=robotica&type=activity'), null);
		const types = Object.keys(results.facets.type ?? {});
		expect(types).toContain('activity');
		expect(types).toContain('academy');
	});

	it('shows every province in the facet list with the chosen one checked (nl and en)', async () => {
		const names: Record<string, string> = {};
		const nameOf = (nis: string) => names[nis];
		const results = await runSearch(app(), parse('type=activity&provincie=limburg'), null);
		for (const locale of ['nl', 'en'] as const) {
			overwriteGetLocale(() => locale);
			const group = facetGroups(
				parse('type=activity&provincie=limburg'),
				results.facets,
				nameOf
			).find((candidate) => candidate.param === 'provincie');
			expect(group?.legend).toBe(locale === 'nl' ? 'Provincie' : 'Province');
			const options = group?.options ?? [];
			expect(options.filter((option) => option.checked).map((option) => option.value)).toEqual([
				'limburg'
			]);
			expect(
				options.filter((option) => !option.checked && option.count > 0).length
			).toBeGreaterThan(0);
			expect(options.map((option) => option.label)).toContain('Limburg');
		}
		overwriteGetLocale(() => 'nl');
	});
});

/** The total of a search over every index (a federated estimate is exact at these sizes). */
async function totalOfEvery(search: string): Promise<number> {
	const results = await runSearch(
		createMeiliClient({ url: meiliUrl, key: meiliMasterKey }),
		parse(search),
		null
	);
	return Object.values(results.facets.type ?? {}).reduce((a, b) => a + b, 0);
}
