// A quality label's expiry reaches search: the daily job (expire_quality_labels, run by the app's purge job)
// takes an expired label off the profile, the outbox carries the change and the worker updates
// Meilisearch, so the kwaliteitslabel=ja filter no longer finds the academy nor its activities; a label
// still valid stays. Real Meilisearch, the query side as /zoeken runs it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import {
	apiUrl,
	databaseUrl,
	meiliMasterKey,
	meiliUrl,
	serviceRoleKey
} from '../../../stack/config.js';
import { expireQualityLabels } from '../../../src/lib/server/mail-jobs/purge.js';
import { parseSearchParams } from '../../../src/lib/server/search/query-params';
import { runSearch } from '../../../src/lib/server/search/run-search';
import { testPeople } from '../db/people.js';
import { serviceClient } from '../support/supabase.js';
import { meiliOf, settle, worker, type Stack } from './support.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const stack: Stack = { apiUrl, serviceRoleKey, meiliUrl, meiliKey: meiliMasterKey };
const people = testPeople('labelexpiry');
const meili = meiliOf(stack);
const sync = worker(stack);
const query = people.query.bind(people);
const settled = () => settle(sync, query);
// One word that only this run's academies and activities carry, so the search is about them alone.
const word = `Labelproef${people.slug('w').replace(/[^a-z0-9]/g, '')}`;

let expiring: { id: string };
let valid: { id: string };
let expiringActivity: { id: string };
let validActivity: { id: string };

/** The ids /zoeken?q=<word>&kwaliteitslabel=ja finds, across academies and activities. */
async function labelledHits(): Promise<string[]> {
	const parsed = parseSearchParams(new URLSearchParams({ q: word, kwaliteitslabel: 'ja' }));
	const results = await runSearch(meili, parsed, null);
	return results.hits.map((hit) => hit.id).sort();
}

beforeAll(async () => {
	const owner = await people.signUp('eigenaar');
	expiring = await people.organisation([[owner, 'owner']], {
		kind: 'academy',
		name: `Academie ${word} vervalt`,
		verification_status: 'verified',
		verified_at: new Date().toISOString()
	});
	valid = await people.organisation([[owner, 'owner']], {
		kind: 'academy',
		name: `Academie ${word} geldig`,
		verification_status: 'verified',
		verified_at: new Date().toISOString()
	});
	// Awarded until yesterday (in Belgium) and until next year: the first one's last day has passed.
	await query(
		`update public.academy_profiles set quality_label = 'awarded',
			quality_label_expires_on = case organisation_id
				when $1::uuid then private.today_in_belgium() - 1
				else private.today_in_belgium() + 365 end
		 where organisation_id = any($2::uuid[])`,
		[expiring.id, [expiring.id, valid.id]]
	);
	expiringActivity = await people.activity(expiring.id, { title: `${word} robotica` });
	validActivity = await people.activity(valid.id, { title: `${word} sterrenkunde` });
	await settled();
}, 120_000);

afterAll(async () => {
	await people.remove();
	// What the suite made leaves the shared indexes too (remove() closed the suite's connection).
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		await settle(sync, async (text, values) => (await db.query(text, values)).rows);
	} finally {
		await db.end();
	}
}, 120_000);

describe('quality label expiry in search', () => {
	it('takes an expired label out of the kwaliteitslabel=ja filter once the daily job ran', async () => {
		// Until the job runs, search still holds the label as awarded (pages hide it by its date).
		const before = [expiring.id, valid.id, expiringActivity.id, validActivity.id].sort();
		await vi.waitFor(async () => expect(await labelledHits()).toEqual(before), {
			timeout: 30_000,
			interval: 200
		});

		const expired = await expireQualityLabels(serviceClient() as never);
		expect(expired).toBeGreaterThanOrEqual(1);
		const [profile] = await query<{
			quality_label: string;
			quality_label_expires_on: string | null;
		}>(
			'select quality_label, quality_label_expires_on from public.academy_profiles where organisation_id = $1',
			[expiring.id]
		);
		expect(profile).toEqual({ quality_label: 'none', quality_label_expires_on: null });

		// The outbox carries the change; the worker updates Meilisearch; the filter follows.
		await settled();
		const after = [valid.id, validActivity.id].sort();
		await vi.waitFor(async () => expect(await labelledHits()).toEqual(after), {
			timeout: 30_000,
			interval: 200
		});
		// Without the filter both academies are still found: only the label went.
		const all = await runSearch(meili, parseSearchParams(new URLSearchParams({ q: word })), null);
		expect(all.hits.map((hit) => hit.id)).toEqual(expect.arrayContaining(before));
	});
});
