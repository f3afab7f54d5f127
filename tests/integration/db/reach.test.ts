// Reach reports: numbers only, filed by the academy's members once an activity has started, read by the
// academy and network staff; the counts must make sense.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, testPeople, type Cast, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('bereik');
let cast: Cast;
let academy: { id: string };
let reported: { id: string };

function client(who: Who) {
	return cast.clients[who];
}

async function reportOf(activityId: string) {
	const [row] = await people.query('select * from public.reach_reports where activity_id = $1', [
		activityId
	]);
	return row;
}

/** A published activity that started yesterday, ready for a report. */
function startedActivity(values: Record<string, unknown> = {}) {
	return people.activity(academy.id, {
		start_date: daysFromToday(-1),
		end_date: daysFromToday(6),
		...values
	});
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
	reported = await startedActivity();
	await people.query(
		'insert into public.reach_reports (activity_id, participants, girls) values ($1, 20, 6)',
		[reported.id]
	);
});

afterAll(() => people.remove());

describe('reading reach reports', () => {
	it.each(['a member', 'an admin', 'an owner', 'network staff'] as const)(
		'is allowed to %s',
		async (who) => {
			const { data, error } = await client(who)
				.from('reach_reports')
				.select('participants, girls')
				.eq('activity_id', reported.id);
			expect(error).toBeNull();
			expect(data).toEqual([{ participants: 20, girls: 6 }]);
		}
	);

	it.each(['anonymous', 'a signed-in stranger'] as const)('is not allowed to %s', async (who) => {
		await expectHidden(client(who), 'reach_reports', { activity_id: reported.id });
	});
});

describe('filing a reach report', () => {
	it.each(['a member', 'an admin', 'an owner'] as const)('is allowed to %s', async (who) => {
		const activity = await startedActivity();
		const { data, error } = await client(who)
			.from('reach_reports')
			.insert({ activity_id: activity.id, participants: 14, girls: 5, disadvantaged: 3 })
			.select('participants, girls, disadvantaged, non_dutch_home_language, reported_by')
			.single();
		expect(error).toBeNull();
		const person = { 'a member': cast.member, 'an admin': cast.admin, 'an owner': cast.owner }[who];
		expect(data).toEqual({
			participants: 14,
			girls: 5,
			disadvantaged: 3,
			non_dutch_home_language: null,
			reported_by: person.id
		});
	});

	it.each(['a signed-in stranger', 'network staff', 'anonymous'] as const)(
		'is not allowed to %s',
		async (who) => {
			const activity = await startedActivity();
			const report = { activity_id: activity.id, participants: 14, girls: 5 };
			await expectInsertRefused(client(who), 'reach_reports', report, { activity_id: activity.id });
		}
	);

	it('tells a stranger nothing about a draft', async () => {
		const activity = await startedActivity({ status: 'draft' });
		const report = { activity_id: activity.id, participants: 1, girls: 0 };
		const where = { activity_id: activity.id };
		await expectInsertRefused(cast.stranger.client, 'reach_reports', report, where);
	});

	it('works for a cancelled activity that had started', async () => {
		const activity = await startedActivity({ status: 'cancelled' });
		const { error } = await cast.member.client
			.from('reach_reports')
			.insert({ activity_id: activity.id, participants: 4, girls: 2 });
		expect(error).toBeNull();
	});

	it('is refused for a draft', async () => {
		const activity = await startedActivity({ status: 'draft' });
		const { error } = await cast.member.client
			.from('reach_reports')
			.insert({ activity_id: activity.id, participants: 4, girls: 2 });
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(
			'Een ontwerp heeft nog geen bereik. Publiceer de activiteit eerst.'
		);
		expect(await reportOf(activity.id)).toBeUndefined();
	});

	it('is refused for an activity that has not started yet', async () => {
		const activity = await startedActivity({ start_date: daysFromToday(1) });
		const { error } = await cast.member.client
			.from('reach_reports')
			.insert({ activity_id: activity.id, participants: 4, girls: 2 });
		expect(error?.code).toBe('23514');
		expect(error?.message).toMatch(/^Deze activiteit begint pas op \d\d\/\d\d\/\d{4}\./);
		expect(await reportOf(activity.id)).toBeUndefined();
	});

	it('works on the first day', async () => {
		const activity = await startedActivity({ start_date: daysFromToday(0) });
		const { error } = await cast.member.client
			.from('reach_reports')
			.insert({ activity_id: activity.id, participants: 4, girls: 2 });
		expect(error).toBeNull();
	});

	it('is one per activity: a second one gives 23505, an upsert updates the first', async () => {
		const activity = await startedActivity();
		await cast.member.client
			.from('reach_reports')
			.insert({ activity_id: activity.id, participants: 10, girls: 3 });
		const second = await cast.member.client
			.from('reach_reports')
			.insert({ activity_id: activity.id, participants: 11, girls: 3 });
		expect(second.error?.code).toBe('23505');
		const upsert = await cast.admin.client
			.from('reach_reports')
			.upsert(
				{ activity_id: activity.id, participants: 12, girls: 4 },
				{ onConflict: 'activity_id' }
			);
		expect(upsert.error).toBeNull();
		expect(await reportOf(activity.id)).toMatchObject({
			participants: 12,
			girls: 4,
			reported_by: cast.member.id
		});
	});

	it.each([
		// Also more girls than participants; either name will do.
		[
			'negative participants',
			{ participants: -1, girls: 0 },
			/reach_reports_(participants_not_negative|girls_not_more_than_participants)/
		],
		['negative girls', { participants: 5, girls: -1 }, 'reach_reports_girls_not_negative'],
		[
			'more girls than participants',
			{ participants: 5, girls: 6 },
			'reach_reports_girls_not_more_than_participants'
		],
		[
			'a negative target group',
			{ participants: 5, girls: 2, special_needs: -1 },
			'reach_reports_special_needs_not_negative'
		],
		[
			'a target group larger than the participants',
			{ participants: 5, girls: 2, non_dutch_home_language: 6 },
			'reach_reports_home_language_not_more_than_participants'
		],
		[
			'more disadvantaged children than participants',
			{ participants: 5, girls: 2, disadvantaged: 7 },
			'reach_reports_disadvantaged_not_more_than_participants'
		]
	])('refuses %s', async (_what, counts, constraint) => {
		const activity = await startedActivity();
		const { error } = await cast.member.client
			.from('reach_reports')
			.insert({ activity_id: activity.id, ...counts });
		expect(error?.code).toBe('23514');
		expect(error?.message).toMatch(constraint);
		expect(await reportOf(activity.id)).toBeUndefined();
	});

	it('takes no reporter or report time from the API', async () => {
		const activity = await startedActivity();
		const report = {
			activity_id: activity.id,
			participants: 3,
			girls: 1,
			reported_by: cast.owner.id
		};
		const where = { activity_id: activity.id };
		await expectInsertRefused(cast.member.client, 'reach_reports', report, where);
	});
});

describe('correcting a reach report', () => {
	it.each(['a member', 'an admin', 'an owner'] as const)('is allowed to %s', async (who) => {
		const { data, error } = await client(who)
			.from('reach_reports')
			.update({ participants: 21, girls: 7 })
			.eq('activity_id', reported.id)
			.select('participants, girls');
		expect(error).toBeNull();
		expect(data).toEqual([{ participants: 21, girls: 7 }]);
		await people.query(
			'update public.reach_reports set participants = 20, girls = 6 where activity_id = $1',
			[reported.id]
		);
	});

	it.each(['a signed-in stranger', 'network staff'] as const)(
		'is not allowed to %s: nothing changes',
		async (who) => {
			const where = { activity_id: reported.id };
			await expectUpdateRefused(
				client(who),
				'reach_reports',
				where,
				{ participants: 99 },
				'no rows'
			);
		}
	);

	it('is not allowed to anonymous visitors', async () => {
		const where = { activity_id: reported.id };
		await expectUpdateRefused(client('anonymous'), 'reach_reports', where, { participants: 99 });
	});

	it('keeps the checks: not more girls than participants', async () => {
		const where = { activity_id: reported.id };
		const patch = { participants: 5 };
		await expectUpdateRefused(cast.member.client, 'reach_reports', where, patch, '23514');
	});

	it('cannot move the report to another activity', async () => {
		const other = await startedActivity();
		const { error } = await cast.member.client
			.from('reach_reports')
			.update({ activity_id: other.id })
			.eq('activity_id', reported.id);
		expect(error?.code).toBe('23514');
		expect(await reportOf(reported.id)).toBeDefined();
	});
});

describe('deleting a reach report', () => {
	it.each(['an admin', 'an owner'] as const)('is allowed to %s', async (who) => {
		const activity = await startedActivity();
		await people.query(
			'insert into public.reach_reports (activity_id, participants, girls) values ($1, 3, 1)',
			[activity.id]
		);
		const { data, error } = await client(who)
			.from('reach_reports')
			.delete()
			.eq('activity_id', activity.id)
			.select('participants');
		expect(error).toBeNull();
		expect(data).toEqual([{ participants: 3 }]);
		expect(await reportOf(activity.id)).toBeUndefined();
	});

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'is not allowed to %s',
		async (who) => {
			const where = { activity_id: reported.id };
			await expectDeleteRefused(client(who), 'reach_reports', where, 'no rows');
		}
	);

	it('is not allowed to anonymous visitors', async () => {
		await expectDeleteRefused(client('anonymous'), 'reach_reports', { activity_id: reported.id });
	});
});
