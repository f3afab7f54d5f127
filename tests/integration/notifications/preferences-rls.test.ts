// Who may read and change notification preferences, kinds and digest records, and who may run the mail
// jobs' functions: a person only their own preferences; nobody but the service role the digests, the
// claims, the unsubscribe and the purge. Network staff has no say over anyone's mail.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, serviceRole, testPeople, type Person } from '../db/people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from '../db/rls.js';

const people = testPeople('meld-rls');
let ann: Person;
let bert: Person;
let staff: Person;
let anonymous: SupabaseClient;

async function stored(person: Person) {
	return people.query<{ kind: string; delivery: string }>(
		'select kind, delivery from public.notification_preferences where user_id = $1 order by kind',
		[person.id]
	);
}

beforeAll(async () => {
	[ann, bert, staff] = await Promise.all([
		people.signUp('ann'),
		people.signUp('bert'),
		people.signUp('staf')
	]);
	await people.makeNetworkStaff(staff);
	anonymous = anonymousClient();
	await people.query(
		`insert into public.notification_preferences (user_id, kind, delivery)
		 values ($1, 'agreement_message', 'digest'), ($2, 'agreement_message', 'none')`,
		[ann.id, bert.id]
	);
});

afterAll(() => people.remove());

describe('notification_preferences', () => {
	it('a person reads their own choices and nobody else’s', async () => {
		const own = await ann.client.from('notification_preferences').select('user_id, kind, delivery');
		expect(own.data).toEqual([{ user_id: ann.id, kind: 'agreement_message', delivery: 'digest' }]);

		await expectHidden(ann.client, 'notification_preferences', { user_id: bert.id });
		const byStaff = await staff.client
			.from('notification_preferences')
			.select('kind')
			.in('user_id', [ann.id, bert.id]);
		expect(byStaff.data).toEqual([]);
		const byAnonymous = await anonymous.from('notification_preferences').select('kind');
		expect(byAnonymous.data ?? []).toEqual([]);
	});

	it('a person adds, changes and removes their own choices', async () => {
		const add = await ann.client
			.from('notification_preferences')
			.insert({ user_id: ann.id, kind: 'agreement_status', delivery: 'email' });
		expect(add.error).toBeNull();
		const change = await ann.client
			.from('notification_preferences')
			.update({ delivery: 'none' })
			.eq('user_id', ann.id)
			.eq('kind', 'agreement_status')
			.select('delivery');
		expect(change.data).toEqual([{ delivery: 'none' }]);
		const remove = await ann.client
			.from('notification_preferences')
			.delete()
			.eq('kind', 'agreement_status')
			.select('kind');
		expect(remove.data).toEqual([{ kind: 'agreement_status' }]);
		expect(await stored(ann)).toEqual([{ kind: 'agreement_message', delivery: 'digest' }]);
	});

	it('nobody else adds, changes or removes them: not another person, not network staff, not anonymous', async () => {
		const table = 'notification_preferences';
		const anns = { user_id: ann.id };
		for (const client of [bert.client, staff.client, anonymous]) {
			const refusal = client === anonymous ? '42501' : 'no rows';
			const values = { ...anns, kind: 'agreement_status', delivery: 'none' };
			await expectInsertRefused(client, table, values, anns);
			await expectUpdateRefused(client, table, anns, { delivery: 'none' }, refusal);
			await expectDeleteRefused(client, table, anns, refusal);
		}
		// Nor can a person hand their own row to someone else.
		await expectUpdateRefused(bert.client, table, { user_id: bert.id }, anns);
	});

	it('takes only the four deliveries and the known kinds', async () => {
		const wrong = await bert.client
			.from('notification_preferences')
			.insert({ user_id: bert.id, kind: 'agreement_status', delivery: 'sms' });
		expect(wrong.error?.code).toBe('23514');
		const unknown = await bert.client
			.from('notification_preferences')
			.insert({ user_id: bert.id, kind: 'community_post_x', delivery: 'app' });
		expect(unknown.error?.code).toBe('23503');
	});
});

describe('save_notification_preferences()', () => {
	it('saves the signed-in person’s choices at once, `default` removing one', async () => {
		const { error } = await bert.client.rpc('save_notification_preferences', {
			p_choices: {
				agreement_proposed: 'email',
				agreement_status: 'digest',
				agreement_message: 'default'
			}
		});
		expect(error).toBeNull();
		expect(await stored(bert)).toEqual([
			{ kind: 'agreement_proposed', delivery: 'email' },
			{ kind: 'agreement_status', delivery: 'digest' }
		]);
	});

	it('writes nothing when one choice is wrong', async () => {
		const before = await stored(bert);
		const wrong = await bert.client.rpc('save_notification_preferences', {
			p_choices: { agreement_proposed: 'none', agreement_status: 'sms' }
		});
		expect(wrong.error?.code).toBe('23514');
		const unknown = await bert.client.rpc('save_notification_preferences', {
			p_choices: { agreement_proposed: 'none', no_such_kind: 'app' }
		});
		expect(unknown.error?.code).toBe('23503');
		expect(await stored(bert)).toEqual(before);
	});

	it('cannot be called without signing in', async () => {
		const { error } = await anonymous.rpc('save_notification_preferences', {
			p_choices: { agreement_proposed: 'none' }
		});
		expect(error?.code).toBe('42501');
	});
});

describe('notification_kinds', () => {
	it('signed-in people read the kinds with their defaults; anonymous visitors do not', async () => {
		const { data } = await ann.client
			.from('notification_kinds')
			.select('kind, admin_default, member_default')
			.order('position');
		expect(data).toEqual([
			{ kind: 'agreement_proposed', admin_default: 'email', member_default: 'app' },
			{ kind: 'agreement_status', admin_default: 'email', member_default: 'app' },
			{ kind: 'agreement_message', admin_default: 'email', member_default: 'app' },
			{ kind: 'post_comment', admin_default: 'app', member_default: 'app' },
			{ kind: 'post_hidden', admin_default: 'email', member_default: 'email' },
			{ kind: 'post_report', admin_default: 'email', member_default: 'email' },
			{ kind: 'event_promoted', admin_default: 'email', member_default: 'email' },
			{ kind: 'event_reminder', admin_default: 'email', member_default: 'email' },
			{ kind: 'community_digest', admin_default: 'digest', member_default: 'digest' },
			{ kind: 'starter_academy_founded', admin_default: 'email', member_default: 'email' },
			// quality label (positions 45-47)
			{ kind: 'quality_submitted', admin_default: 'email', member_default: 'email' },
			{ kind: 'quality_changes_requested', admin_default: 'email', member_default: 'app' },
			{ kind: 'quality_awarded', admin_default: 'email', member_default: 'app' }
		]);
		const byAnonymous = await anonymous.from('notification_kinds').select('kind');
		expect(byAnonymous.data ?? []).toEqual([]);
	});

	it('nobody changes them through the API, also not network staff', async () => {
		const invented = { kind: 'x_kind', position: 99, admin_default: 'app', member_default: 'app' };
		const proposed = { kind: 'agreement_proposed' };
		for (const client of [ann.client, staff.client, anonymous]) {
			await expectInsertRefused(client, 'notification_kinds', invented, { kind: 'x_kind' });
			await expectUpdateRefused(client, 'notification_kinds', proposed, { admin_default: 'none' });
		}
	});
});

describe('notification_digests', () => {
	it('are the service role’s only: not even a person’s own can be read or written', async () => {
		await people.query(
			`insert into public.notification_digests (user_id, period_end, sent_at) values ($1, now(), now())`,
			[ann.id]
		);
		const anns = { user_id: ann.id };
		const values = { ...anns, period_end: new Date().toISOString() };
		for (const client of [ann.client, staff.client, anonymous]) {
			await expectHidden(client, 'notification_digests', anns, '42501');
			await expectInsertRefused(client, 'notification_digests', values, anns);
		}
		const { data } = await serviceRole
			.from('notification_digests')
			.select('user_id')
			.eq('user_id', ann.id);
		expect(data).toEqual([{ user_id: ann.id }]);
	});
});

describe('the mail jobs’ functions', () => {
	const calls: [string, Record<string, unknown>][] = [
		['claim_notification_mails', { p_limit: 1 }],
		['claim_notification_digests', { p_limit: 1 }],
		['complete_notification_digest', { p_digest_id: 0, p_notification_ids: [] }],
		['release_notification_digest', { p_digest_id: 0 }],
		['notification_digest_period', {}],
		['community_digest', { p_user_id: '00000000-0000-4000-8000-000000000000' }],
		['purge_expired_data', {}]
	];

	it.each(calls)(
		'%s cannot be called by anonymous visitors, people or network staff',
		async (name, args) => {
			for (const client of [anonymous, ann.client, staff.client]) {
				const { error } = await client.rpc(name, args);
				expect(error?.code, name).toBe('42501');
			}
		}
	);

	it('unsubscribe_notifications cannot be called to unsubscribe someone, by anyone but the service role', async () => {
		for (const client of [anonymous, bert.client, staff.client]) {
			const { error } = await client.rpc('unsubscribe_notifications', {
				p_user_id: ann.id,
				p_scope: 'digest'
			});
			expect(error?.code).toBe('42501');
		}
		expect(await stored(ann)).toEqual([{ kind: 'agreement_message', delivery: 'digest' }]);

		const { data, error } = await serviceRole.rpc('unsubscribe_notifications', {
			p_user_id: ann.id,
			p_scope: 'digest'
		});
		expect(error).toBeNull();
		// The digest's link also stops what goes to the digest by default: the community news.
		expect(data).toEqual(['agreement_message', 'community_digest']);
		expect(await stored(ann)).toEqual([
			{ kind: 'agreement_message', delivery: 'app' },
			{ kind: 'community_digest', delivery: 'app' }
		]);
	});

	it('unsubscribing from one kind sets it to app, creating the choice when there was none', async () => {
		const { data } = await serviceRole.rpc('unsubscribe_notifications', {
			p_user_id: ann.id,
			p_scope: 'agreement_proposed'
		});
		expect(data).toEqual(['agreement_proposed']);
		const again = await serviceRole.rpc('unsubscribe_notifications', {
			p_user_id: ann.id,
			p_scope: 'agreement_proposed'
		});
		expect(again.data).toEqual([]);
		expect(await stored(ann)).toEqual([
			{ kind: 'agreement_message', delivery: 'app' },
			{ kind: 'agreement_proposed', delivery: 'app' },
			{ kind: 'community_digest', delivery: 'app' }
		]);
	});
});
