// The weekly digest: one mail per person with last week's notifications they get as a digest, grouped by
// kind with links and a signed unsubscribe link; two jobs at the same moment (two app instances, or the app
// and `npm run digest:send`) send each digest once; a failed send is given back for the next run; an
// unsubscribe stops the week's digest. Against the real stack and its mailbox.
import { sendWeeklyDigests } from '$lib/server/mail-jobs/digest.js';
import { verifyUnsubscribe } from '$lib/server/mail-jobs/links.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceRole, testPeople, type Person } from '../db/people.js';
import { digestClaimsFromNow, headersOf, job, linkSecret, mailsTo, origin } from './support.js';

const people = testPeople('meld-digest');
const at = new Date();
let week: { period_start: string; period_end: string };
let ann: Person;
let bert: Person;
let carla: Person;
let dirk: Person;
let forgetClaims: (() => Promise<void>) | undefined;

/** A notification for the person, written `hoursBeforeEnd` before the end of last week's digest period. */
async function notification(
	person: Person,
	{ kind = 'agreement_message', delivery = 'digest', hoursBeforeEnd = 24, title = 'Melding' } = {}
) {
	const [row] = await people.query<{ id: string }>(
		`insert into public.notifications (user_id, kind, title, link, delivery, created_at)
		 values ($1, $2, $3, '/afspraken', $4, $5::timestamptz - make_interval(hours => $6)) returning id`,
		[person.id, kind, title, delivery, week.period_end, hoursBeforeEnd]
	);
	return Number(row!.id);
}

async function digested(ids: number[]) {
	const rows = await people.query<{ id: string; digested: boolean }>(
		'select id, digested_at is not null as digested from public.notifications where id = any($1) order by id',
		[ids]
	);
	return rows.map((row) => row.digested);
}

beforeAll(async () => {
	forgetClaims = await digestClaimsFromNow(people.query.bind(people));
	const { data, error } = await serviceRole
		.rpc('notification_digest_period', { p_at: at.toISOString() })
		.single();
	if (error) throw error;
	week = data as typeof week;
	[ann, bert, carla, dirk] = await Promise.all([
		people.signUp('ann'),
		people.signUp('bert'),
		people.signUp('carla'),
		people.signUp('dirk')
	]);
});

afterAll(async () => {
	await forgetClaims?.();
	await people.remove();
});

describe('the schedule', () => {
	it('covers the week that ended last Monday 08:00 in Brussels', () => {
		const end = new Date(week.period_end);
		const local = new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Brussels',
			weekday: 'long',
			hour: '2-digit',
			minute: '2-digit'
		}).format(end);
		expect(local).toBe('Monday 08:00');
		expect(end.getTime()).toBeLessThanOrEqual(at.getTime());
		expect(at.getTime() - end.getTime()).toBeLessThan(7 * 24 * 3600 * 1000);
		const days = (end.getTime() - new Date(week.period_start).getTime()) / (24 * 3600 * 1000);
		expect([7, 7 - 1 / 24, 7 + 1 / 24]).toContain(days);
	});
});

describe('two digest jobs at the same moment', () => {
	it('send each person one digest with their notifications of the week, grouped, with links', async () => {
		const annIds = [
			await notification(ann, { title: 'Bericht van Academie Noord', hoursBeforeEnd: 30 }),
			await notification(ann, {
				kind: 'agreement_status',
				title: 'School Zuid heeft de afspraak aanvaard',
				hoursBeforeEnd: 20
			}),
			await notification(ann, { title: 'Tweede bericht', hoursBeforeEnd: 10 })
		];
		const notInIt = [
			// Before the week, after it, and one that is not for the digest.
			await notification(ann, { title: 'Te oud', hoursBeforeEnd: 24 * 8 }),
			await notification(ann, { title: 'Te nieuw', hoursBeforeEnd: -1 }),
			await notification(ann, { title: 'Enkel in de app', delivery: 'app' })
		];
		const bertIds = [await notification(bert, { title: 'Voor Bert' })];

		const runs = await Promise.all([
			sendWeeklyDigests({ ...job(), at, batch: 1 }),
			sendWeeklyDigests({ ...job(), at, batch: 1 })
		]);
		expect(runs.reduce((sum, run) => sum + run.failed, 0)).toBe(0);

		const annMails = await mailsTo(ann.email);
		expect(annMails.map((mail) => mail.Subject)).toEqual([
			'Groeistoot: je weekoverzicht met 3 meldingen'
		]);
		const text = annMails[0]!.Text;
		expect(text).toMatch(
			/Nieuwe berichten bij een afspraak\n- Bericht van Academie Noord \(.+\)\n {2}http:\/\/127\.0\.0\.1:4173\/afspraken\n- Tweede bericht/
		);
		expect(text).toContain(
			'Een afspraak wordt aanvaard, geweigerd, ingetrokken of uitgevoerd\n- School Zuid heeft de afspraak aanvaard'
		);
		for (const left of ['Te oud', 'Te nieuw', 'Enkel in de app']) expect(text).not.toContain(left);
		expect(await mailsTo(bert.email)).toHaveLength(1);

		expect(await digested(annIds)).toEqual([true, true, true]);
		expect(await digested(bertIds)).toEqual([true]);
		expect(await digested(notInIt)).toEqual([false, false, false]);
		const records = await people.query<{ notification_count: number; sent: boolean }>(
			`select notification_count, sent_at is not null as sent from public.notification_digests
			 where user_id = $1`,
			[ann.id]
		);
		expect(records).toEqual([{ notification_count: 3, sent: true }]);
	});

	it('carry a signed link that unsubscribes from the digest, also in the one-click headers', async () => {
		const [mail] = await mailsTo(ann.email);
		const link = /https?:\/\/\S+\/meldingen\/uitschrijven\?\S+/.exec(mail!.Text)?.[0];
		const url = new URL(link!);
		expect(url.origin).toBe(origin);
		expect(verifyUnsubscribe(url.searchParams, linkSecret)).toMatchObject({
			ok: true,
			userId: ann.id,
			scope: 'digest'
		});
		const headers = await headersOf(mail!);
		expect(headers['List-Unsubscribe']).toEqual([`<${link}>`]);
		expect(headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click']);
	});

	it('send nothing more when run again', async () => {
		const again = await sendWeeklyDigests({ ...job(), at });
		expect(again.claimed).toBe(0);
		expect(await mailsTo(ann.email)).toHaveLength(1);
	});
});

describe('a digest that could not be sent', () => {
	it('is given back and sent by the next run', async () => {
		const ids = [await notification(carla, { title: 'Voor Carla' })];
		const failing = await sendWeeklyDigests({
			...job(),
			at,
			send: async () => {
				throw new Error('SMTP away');
			},
			log: () => {}
		});
		expect(failing).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
		expect(await digested(ids)).toEqual([false]);
		expect(
			await people.query('select 1 from public.notification_digests where user_id = $1', [carla.id])
		).toEqual([]);

		const next = await sendWeeklyDigests({ ...job(), at });
		expect(next).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
		expect(await mailsTo(carla.email)).toHaveLength(1);
	});

	it('claimed by a job that died is taken over after 30 minutes, not before', async () => {
		await notification(dirk, { title: 'Voor Dirk' });
		await people.query(
			`insert into public.notification_digests (user_id, period_end, claimed_at) values ($1, $2, now() - interval '10 minutes')`,
			[dirk.id, week.period_end]
		);
		expect((await sendWeeklyDigests({ ...job(), at })).claimed).toBe(0);
		await people.query(
			`update public.notification_digests set claimed_at = now() - interval '31 minutes' where user_id = $1`,
			[dirk.id]
		);
		expect(await sendWeeklyDigests({ ...job(), at })).toMatchObject({ claimed: 1, sent: 1 });
		expect(await mailsTo(dirk.email)).toHaveLength(1);
	});
});

describe('unsubscribing from the digest', () => {
	it('stops this week’s digest too', async () => {
		const erik = await people.signUp('erik');
		await people.query(
			`insert into public.notification_preferences (user_id, kind, delivery) values ($1, 'agreement_message', 'digest')`,
			[erik.id]
		);
		const ids = [await notification(erik, { title: 'Voor Erik' })];
		const { error } = await serviceRole.rpc('unsubscribe_notifications', {
			p_user_id: erik.id,
			p_scope: 'digest'
		});
		expect(error).toBeNull();
		expect(await sendWeeklyDigests({ ...job(), at })).toMatchObject({ claimed: 0 });
		expect(await mailsTo(erik.email)).toEqual([]);
		const [row] = await people.query<{ delivery: string }>(
			'select delivery from public.notifications where id = $1',
			[ids[0]]
		);
		expect(row).toEqual({ delivery: 'app' });
	});
});
