// Retention: purge_expired_data() deletes notifications (read or not) and digest records older than 180
// days, ended sign-in throttle windows and account deletion log rows older than five years, and nothing
// younger; it reports what it deleted. Only the service role may run it (see
// preferences-rls.test.ts).
import { purgeExpiredData } from '$lib/server/mail-jobs/purge.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPeople, type Person } from '../db/people.js';
import { job } from './support.js';

const people = testPeople('meld-purge');
let person: Person;

/** A notification of `days` ago, read or not; returns its id. */
async function notification(days: number, read: boolean) {
	const [row] = await people.query<{ id: string }>(
		`insert into public.notifications (user_id, kind, title, link, created_at, read_at)
		 values ($1, 'agreement_message', 'Melding', '/afspraken', now() - make_interval(days => $2),
		         case when $3 then now() - make_interval(days => $2) end)
		 returning id`,
		[person.id, days, read]
	);
	return row!.id;
}

async function digest(days: number) {
	const [row] = await people.query<{ id: string }>(
		`insert into public.notification_digests (user_id, period_end, claimed_at, sent_at)
		 values ($1, now() - make_interval(days => $2), now() - make_interval(days => $2), now() - make_interval(days => $2))
		 returning id`,
		[person.id, days]
	);
	return row!.id;
}

beforeAll(async () => {
	person = await people.signUp('persoon');
});

afterAll(() => people.remove());

describe('purge_expired_data()', () => {
	it('deletes what is older than 180 days, read or not, keeps the rest and says how much went', async () => {
		const old = [await notification(181, true), await notification(400, false)];
		const young = [await notification(179, true), await notification(1, false)];
		const oldDigest = await digest(181);
		const youngDigest = await digest(170);

		// The deletion log is append-only: only rows over five years old can go, so no younger one is made here.
		const [oldLog] = await people.query<{ id: string }>(
			`insert into public.account_deletions (subject, deleted_at)
			 values (encode(sha256(gen_random_uuid()::text::bytea), 'hex'), now() - interval '5 years 1 day')
			 returning id`
		);
		const [ended] = await people.query<{ bucket: Buffer }>(
			`insert into public.auth_throttle (bucket, window_start, expires_at, hits)
			 values (sha256(gen_random_uuid()::text::bytea), now() - interval '2 hours', now() - interval '1 hour', 3)
			 returning bucket`
		);

		const purged = await purgeExpiredData(job().db);
		expect(purged.map((row) => [row.data, row.keptFor])).toEqual([
			['notifications', '180 days'],
			['notification_digests', '180 days'],
			['auth_throttle', '00:00:00'],
			['account_deletions', '5 years']
		]);
		expect(
			await people.query('select id from public.account_deletions where id = $1', [oldLog!.id])
		).toEqual([]);
		expect(
			await people.query('select 1 from public.auth_throttle where bucket = $1', [ended!.bucket])
		).toEqual([]);
		expect(purged[0]!.deleted).toBeGreaterThanOrEqual(2);
		expect(purged[1]!.deleted).toBeGreaterThanOrEqual(1);

		const left = await people.query<{ id: string }>(
			'select id from public.notifications where user_id = $1 order by id',
			[person.id]
		);
		expect(left.map((row) => row.id)).toEqual(young);
		const digests = await people.query<{ id: string }>(
			'select id from public.notification_digests where user_id = $1',
			[person.id]
		);
		expect(digests.map((row) => row.id)).toEqual([youngDigest]);
		expect(
			await people.query(
				'select id from public.notifications where id = any($1) union all select id from public.notification_digests where id = $2',
				[old, oldDigest]
			)
		).toEqual([]);

		const again = await purgeExpiredData(job().db);
		expect(again.map((row) => row.deleted)).toEqual([0, 0, 0, 0]);
	});
});
