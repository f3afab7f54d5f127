// The quality label: who reads applications, assessments and history (members of the academy and network
// staff; nobody else), that nobody writes them except through the functions, and the transitions with their
// refusals: save a draft, submit (complete, once: a double submit is refused), staff review per criterion,
// ask for changes or award with an expiry (mirrored onto the profile), renewal while the label is valid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, testPeople, type Cast, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('kwaliteitslabel');
let cast: Cast;
let academy: { id: string };
let applicationId: string;

const CRITERIA = [
	'stem_integration',
	'declared_accents',
	'creative_link',
	'safeguarding',
	'inclusion_plan',
	'evaluation'
];
const filled = Object.fromEntries(
	CRITERIA.map((c) => [
		c,
		{ self_assessment: `Zo werken we aan ${c}.`, links: ['https://example.org/bewijs'] }
	])
);
const review = (verdict: (c: string) => string) =>
	Object.fromEntries(CRITERIA.map((c) => [c, { verdict: verdict(c), comment: `Over ${c}` }]));

const client = (who: Who) => cast.clients[who];

async function status(id = applicationId) {
	const [row] = await people.query<{ status: string }>(
		'select status from public.quality_applications where id = $1',
		[id]
	);
	return row?.status;
}

async function profile() {
	const [row] = await people.query<{
		quality_label: string;
		quality_label_expires_on: string | null;
	}>(
		`select quality_label, quality_label_expires_on::text from public.academy_profiles where organisation_id = $1`,
		[academy.id]
	);
	return row;
}

beforeAll(async () => {
	cast = await people.cast();
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy' }
	);
});

afterAll(async () => {
	// A submitted application notifies every network staff member, the seed's too: those go with it.
	await people.query(
		`delete from public.notifications where link in (
			select '/netwerk/kwaliteitslabel/' || q.id from public.quality_applications q where q.organisation_id = $1)`,
		[academy.id]
	);
	await people.remove();
});

describe('save_quality_application()', () => {
	it('refuses a plain member, a stranger and staff; nothing is written', async () => {
		for (const who of ['a member', 'a signed-in stranger', 'network staff'] as const) {
			const { error } = await client(who).rpc('save_quality_application', {
				p_organisation_id: academy.id,
				p_assessments: filled
			});
			expect({ who, hint: error?.hint }).toEqual({ who, hint: 'quality_academy_admin_only' });
		}
		const rows = await people.query(
			'select 1 from public.quality_applications where organisation_id = $1',
			[academy.id]
		);
		expect(rows).toEqual([]);
	});

	it('refuses bad links and an unknown criterion without writing', async () => {
		const bad = await client('an admin').rpc('save_quality_application', {
			p_organisation_id: academy.id,
			p_assessments: { stem_integration: { self_assessment: 'x', links: ['javascript:alert(1)'] } }
		});
		expect(bad.error?.message).toContain('quality_assessments_links_format');
		const unknown = await client('an admin').rpc('save_quality_application', {
			p_organisation_id: academy.id,
			p_assessments: { goud: { self_assessment: 'x', links: [] } }
		});
		expect(unknown.error?.message).toContain('quality_assessments_criterion_known');
		const rows = await people.query(
			'select 1 from public.quality_applications where organisation_id = $1',
			[academy.id]
		);
		expect(rows).toEqual([]);
	});

	it('an admin saves a draft; saving again updates the same open application', async () => {
		const first = await client('an admin').rpc('save_quality_application', {
			p_organisation_id: academy.id,
			p_assessments: { stem_integration: filled.stem_integration }
		});
		expect(first.error).toBeNull();
		applicationId = first.data as string;
		const again = await client('an owner').rpc('save_quality_application', {
			p_organisation_id: academy.id,
			p_assessments: { declared_accents: filled.declared_accents }
		});
		expect(again.data).toBe(applicationId);
		expect(await status()).toBe('draft');
	});
});

describe('reading and writing the tables directly', () => {
	const tables = ['quality_applications', 'quality_assessments', 'quality_events'] as const;
	const where = (table: (typeof tables)[number]): Record<string, string> =>
		table === 'quality_applications' ? { id: applicationId } : { application_id: applicationId };

	it('members of the academy and network staff read them', async () => {
		for (const who of ['a member', 'an admin', 'an owner', 'network staff'] as const) {
			for (const table of tables) {
				const { data } = await client(who).from(table).select('*').match(where(table));
				expect({ who, table, found: (data ?? []).length > 0 }).toEqual({ who, table, found: true });
			}
		}
	});

	it('anonymous visitors and strangers do not', async () => {
		for (const who of ['anonymous', 'a signed-in stranger'] as const) {
			for (const table of tables) {
				await expectHidden(client(who), table, where(table));
			}
		}
	});

	it('nobody writes them through the API, not even the academy’s owner or staff', async () => {
		for (const who of ['an owner', 'network staff'] as const) {
			await expectInsertRefused(
				client(who),
				'quality_applications',
				{ organisation_id: academy.id, status: 'awarded' },
				{ organisation_id: academy.id }
			);
			await expectUpdateRefused(
				client(who),
				'quality_applications',
				{ id: applicationId },
				{
					status: 'awarded'
				}
			);
			await expectUpdateRefused(
				client(who),
				'quality_assessments',
				{ application_id: applicationId },
				{ verdict: 'ok' }
			);
			await expectDeleteRefused(client(who), 'quality_events', { application_id: applicationId });
		}
	});
});

describe('submit and review', () => {
	it('refuses an incomplete application', async () => {
		const { error, status: http } = await client('an admin').rpc('submit_quality_application', {
			p_application_id: applicationId
		});
		expect({ http, hint: error?.hint }).toEqual({
			http: 400,
			hint: 'quality_application_incomplete'
		});
		expect(await status()).toBe('draft');
	});

	it('submits once: two submits at the same time give one submitted application and one refusal', async () => {
		await client('an admin').rpc('save_quality_application', {
			p_organisation_id: academy.id,
			p_assessments: filled
		});
		const results = await Promise.all([
			client('an admin').rpc('submit_quality_application', { p_application_id: applicationId }),
			client('an owner').rpc('submit_quality_application', { p_application_id: applicationId })
		]);
		expect(results.filter((r) => r.error === null)).toHaveLength(1);
		expect(results.find((r) => r.error)?.error?.hint).toBe('quality_application_not_open');
		expect(await status()).toBe('submitted');
		const events = await people.query<{ action: string }>(
			`select action from public.quality_events where application_id = $1 and action = 'submitted'`,
			[applicationId]
		);
		expect(events).toHaveLength(1);
	});

	it('network staff hear of a submission', async () => {
		const rows = await people.query<{ kind: string }>(
			`select kind from public.notifications where user_id = $1 and kind = 'quality_submitted'
			 and link = $2`,
			[cast.staff.id, `/netwerk/kwaliteitslabel/${applicationId}`]
		);
		expect(rows).toHaveLength(1);
	});

	it('while it is reviewed the academy cannot change it', async () => {
		const { error, status: http } = await client('an admin').rpc('save_quality_application', {
			p_organisation_id: academy.id,
			p_assessments: filled
		});
		expect({ http, hint: error?.hint }).toEqual({
			http: 409,
			hint: 'quality_application_under_review'
		});
	});

	it('only network staff review', async () => {
		for (const who of ['an owner', 'a signed-in stranger'] as const) {
			const { error } = await client(who).rpc('review_quality_application', {
				p_application_id: applicationId,
				p_reviews: review(() => 'ok'),
				p_decision: 'award',
				p_expires_on: daysFromToday(365)
			});
			expect(error?.hint).toBe('quality_staff_only');
		}
		expect(await status()).toBe('submitted');
	});

	it('refuses to award with a criterion that needs work, asking changes without one, and a past expiry', async () => {
		const staff = client('network staff');
		const notAllOk = await staff.rpc('review_quality_application', {
			p_application_id: applicationId,
			p_reviews: review((c) => (c === 'evaluation' ? 'needs_work' : 'ok')),
			p_decision: 'award',
			p_expires_on: daysFromToday(365)
		});
		expect(notAllOk.error?.hint).toBe('quality_award_needs_all_ok');
		const noWork = await staff.rpc('review_quality_application', {
			p_application_id: applicationId,
			p_reviews: review(() => 'ok'),
			p_decision: 'changes'
		});
		expect(noWork.error?.hint).toBe('quality_changes_need_work');
		const past = await staff.rpc('review_quality_application', {
			p_application_id: applicationId,
			p_reviews: review(() => 'ok'),
			p_decision: 'award',
			p_expires_on: daysFromToday(0)
		});
		expect(past.error?.hint).toBe('quality_award_expiry_range');
		const missing = await staff.rpc('review_quality_application', {
			p_application_id: applicationId,
			p_reviews: { evaluation: { verdict: 'ok' } },
			p_decision: 'award',
			p_expires_on: daysFromToday(365)
		});
		expect(missing.error?.hint).toBe('quality_review_incomplete');
		expect(await status()).toBe('submitted');
		expect((await profile())?.quality_label).toBe('none');
	});

	it('asks for changes; the academy admins hear of it and can change and submit again', async () => {
		const { error } = await client('network staff').rpc('review_quality_application', {
			p_application_id: applicationId,
			p_reviews: review((c) => (c === 'safeguarding' ? 'needs_work' : 'ok')),
			p_decision: 'changes'
		});
		expect(error).toBeNull();
		expect(await status()).toBe('changes_requested');
		const told = await people.query<{ user_id: string }>(
			`select user_id from public.notifications where kind = 'quality_changes_requested' and params ->> 'organisation' is not null
			 and user_id = any($1::uuid[]) order by user_id`,
			[[cast.owner.id, cast.admin.id, cast.member.id]]
		);
		expect(told.map((r) => r.user_id).sort()).toEqual([cast.owner.id, cast.admin.id].sort());
		const saved = await client('an admin').rpc('save_quality_application', {
			p_organisation_id: academy.id,
			p_assessments: { safeguarding: { self_assessment: 'Nu met gedragscode.', links: [] } }
		});
		expect(saved.data).toBe(applicationId);
		const submitted = await client('an admin').rpc('submit_quality_application', {
			p_application_id: applicationId
		});
		expect(submitted.error).toBeNull();
	});

	it('awards the label until the chosen day: on the profile, for everyone to read', async () => {
		const expires = daysFromToday(3 * 365);
		const { error } = await client('network staff').rpc('review_quality_application', {
			p_application_id: applicationId,
			p_reviews: review(() => 'ok'),
			p_decision: 'award',
			p_expires_on: expires
		});
		expect(error).toBeNull();
		expect(await status()).toBe('awarded');
		expect(await profile()).toEqual({
			quality_label: 'awarded',
			quality_label_expires_on: expires
		});
		const { data } = await client('anonymous')
			.from('academy_overview')
			.select('quality_label, quality_label_expires_on')
			.eq('id', academy.id)
			.single();
		expect(data).toEqual({ quality_label: 'awarded', quality_label_expires_on: expires });
		const again = await client('network staff').rpc('review_quality_application', {
			p_application_id: applicationId,
			p_reviews: review(() => 'ok'),
			p_decision: 'award',
			p_expires_on: expires
		});
		expect(again.error?.hint).toBe('quality_application_not_submitted');
	});

	it('a renewal is a new draft that starts from the last round; the label stays meanwhile', async () => {
		const { data, error } = await client('an admin').rpc('save_quality_application', {
			p_organisation_id: academy.id,
			p_assessments: {}
		});
		expect(error).toBeNull();
		expect(data).not.toBe(applicationId);
		const texts = await people.query<{ n: number }>(
			`select count(*)::int as n from public.quality_assessments where application_id = $1 and self_assessment <> ''`,
			[data]
		);
		expect(texts[0]?.n).toBe(6);
		expect((await profile())?.quality_label).toBe('awarded');
	});

	it('expire_quality_labels() takes an expired label off, and only the service role runs it', async () => {
		const refused = await client('network staff').rpc('expire_quality_labels');
		expect(refused.error?.code).toBe('42501');
		await people.query(
			`update public.academy_profiles set quality_label_expires_on = current_date - 1 where organisation_id = $1`,
			[academy.id]
		);
		await people.query('select public.expire_quality_labels()');
		expect(await profile()).toEqual({ quality_label: 'none', quality_label_expires_on: null });
	});
});
