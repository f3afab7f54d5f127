// Deleting one's own account (delete_own_account()): only for oneself, never for the last owner of an
// organisation; the profile, memberships, notifications and the safeguarding records naming the person go,
// what they wrote stays for the other side without their name, and the deletion is logged for network
// staff only. Afterwards the auth user can be deleted, also when they created rows that are now closed.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	anonymousClient,
	daysFromToday,
	serviceRole,
	testPeople,
	type Cast,
	type Person
} from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';
import { anonClient } from '../support/supabase.js';

const people = testPeople('account-weg');
let cast: Cast;
let leaver: Person;
let companyOwner: Person;
let academy: { id: string };
let company: { id: string };
let elsewhere: { id: string };
let agreementId: string;
let closedRequestId: string;
let reachReportId: string;

const leaverName = 'Lotte Vertrekker';
const pseudonym = (id: string) => createHash('sha256').update(id).digest('hex');

async function one<Row = Record<string, unknown>>(text: string, values: unknown[] = []) {
	const rows = await people.query<Row>(text, values);
	return rows[0];
}

beforeAll(async () => {
	cast = await people.cast();
	[leaver, companyOwner] = await Promise.all([
		people.signUp('vertrekker', { display_name: leaverName }),
		people.signUp('bedrijf', { display_name: 'Pieter Bedrijf' })
	]);
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[leaver, 'owner']
		],
		{ kind: 'academy', name: 'Academie Vertrek' }
	);
	company = await people.organisation(
		[
			[companyOwner, 'owner'],
			[leaver, 'member']
		],
		{ kind: 'company', name: 'Bedrijf Vertrek' }
	);
	elsewhere = await people.organisation([[cast.member, 'owner']], {
		kind: 'academy',
		name: 'Academie Elders'
	});

	const offer = await people.offer(company.id, { kind: 'volunteers', title: 'Twee mentoren' });
	const request = await people.request(academy.id, { kind: 'volunteers', created_by: leaver.id });
	agreementId = (await one<{ id: string }>(
		`insert into public.agreements
			(request_id, offer_id, academy_id, provider_id, proposed_by_organisation, status, created_by)
		 values ($1, $2, $3, $4, $3, 'accepted', $5) returning id`,
		[request.id, offer.id, academy.id, company.id, leaver.id]
	))!.id;
	await people.query(
		`insert into public.agreement_events (agreement_id, status, organisation_id, actor)
		 values ($1, 'proposed', $2, $3), ($1, 'accepted', $4, $5)`,
		[agreementId, academy.id, leaver.id, company.id, companyOwner.id]
	);
	await people.query(
		`insert into public.agreement_messages (agreement_id, author, organisation_id, body)
		 values ($1, $2, $3, 'Bericht van Lotte'), ($1, $4, $5, 'Antwoord van Pieter')`,
		[agreementId, leaver.id, academy.id, companyOwner.id, company.id]
	);
	await people.query(
		`insert into public.agreement_volunteers (agreement_id, name, added_by)
		 values ($1, 'lotte  VERTREKKER', $2), ($1, 'Andere Mentor', $3)`,
		[agreementId, companyOwner.id, leaver.id]
	);
	await people.query(
		`insert into public.volunteer_checks (organisation_id, volunteer_name, seen_on, seen_by_name, recorded_by)
		 values ($1, 'Lotte Vertrekker', $3, 'Els', $4), ($1, 'Andere Mentor', $3, 'Els', $5),
			($2, 'Lotte Vertrekker', $3, 'Els', $6)`,
		[academy.id, elsewhere.id, daysFromToday(-20), cast.owner.id, leaver.id, cast.member.id]
	);
	// Recorded more than 3 years ago, when it was recent: a new check could not be saved like this.
	await people.query('set session_replication_role = replica');
	await people.query(
		`insert into public.volunteer_checks (organisation_id, volunteer_name, seen_on, seen_by_name, recorded_by)
		 values ($1, 'Oude Mentor', $2, 'Els', $3)`,
		[academy.id, daysFromToday(-4 * 365), leaver.id]
	);
	await people.query('set session_replication_role = origin');

	closedRequestId = (await people.request(academy.id, {
		title: 'Afgesloten vraag',
		status: 'closed',
		created_by: leaver.id
	}))!.id;
	const activity = await people.activity(academy.id, {
		start_date: daysFromToday(-10),
		end_date: daysFromToday(-5),
		created_by: leaver.id
	});
	reachReportId = (await one<{ id: string }>(
		`insert into public.reach_reports (activity_id, participants, girls, reported_by)
		 values ($1, 12, 5, $2) returning id`,
		[activity.id, leaver.id]
	))!.id;
	await people.query(
		`insert into public.invitations (organisation_id, email, role, token_hash, invited_by, accepted_at, accepted_by)
		 values ($1, $2, 'member', $3, $4, now(), $5), ($1, 'nieuw@groeistoot.test', 'member', $6, $5, null, null)`,
		[
			company.id,
			leaver.email,
			createHash('sha256').update(`${leaver.id}-a`).digest('hex'),
			companyOwner.id,
			leaver.id,
			createHash('sha256').update(`${leaver.id}-b`).digest('hex')
		]
	);
	await people.query(
		`insert into public.notification_preferences (user_id, kind, delivery)
		 values ($1, 'agreement_message', 'digest')`,
		[leaver.id]
	);
	await people.query(
		`insert into public.notification_digests (user_id, period_end, sent_at, notification_count)
		 values ($1, now() - interval '3 days', now() - interval '3 days', 2)`,
		[leaver.id]
	);
	// A teacher profile with a weekly moment.
	await people.query(
		`insert into public.helper_profiles (user_id, interests) values ($1, '{mentor}')`,
		[leaver.id]
	);
	await people.query(
		`insert into public.helper_slots (user_id, weekday, starts_at, ends_at) values ($1, 3, '13:00', '17:00')`,
		[leaver.id]
	);
	// A message from the other side notifies the leaver (trigger).
	await people.query(
		`insert into public.agreement_messages (agreement_id, author, organisation_id, body)
		 values ($1, $2, $3, 'Nog een vraag van Pieter')`,
		[agreementId, companyOwner.id, company.id]
	);
});

afterAll(() => people.remove());

describe('who may delete an account', () => {
	it('refuses an anonymous visitor', async () => {
		const { error } = await anonymousClient().rpc('delete_own_account');
		expect(error?.code).toBe('42501');
	});

	it('refuses the service role, which is nobody', async () => {
		const { error } = await serviceRole.rpc('delete_own_account');
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe('Meld je aan om je account te verwijderen.');
	});

	it('offers no way to name someone else', async () => {
		const { error } = await cast.stranger.client.rpc('delete_own_account', {
			p_user_id: leaver.id
		} as never);
		expect(error?.code).toBe('PGRST202');
		expect(await one('select 1 from public.profiles where id = $1', [leaver.id])).toBeTruthy();
	});

	it('refuses the last owner of an organisation, naming it, and changes nothing', async () => {
		const { data, error } = await cast.member.client.rpc('delete_own_account');
		expect(data).toBeNull();
		expect(error?.code).toBe('23514');
		expect(error?.hint).toBe('account_last_owner');
		expect(error?.message).toBe(
			'Je bent de laatste eigenaar van „Academie Elders”. Maak eerst iemand anders eigenaar of verwijder de organisatie.'
		);
		expect(await one('select 1 from public.profiles where id = $1', [cast.member.id])).toBeTruthy();
		expect(
			await one('select 1 from public.memberships where user_id = $1', [cast.member.id])
		).toBeTruthy();
		expect(
			await one('select 1 from public.account_deletions where subject = $1', [
				pseudonym(cast.member.id)
			])
		).toBeUndefined();
	});
});

describe('deleting one’s own account', () => {
	let result: { already_deleted: boolean; removed: Record<string, number> } | null;
	let notified: number;

	beforeAll(async () => {
		notified = (
			await people.query('select 1 from public.notifications where user_id = $1', [leaver.id])
		).length;
		expect(notified).toBeGreaterThan(0);
		const { data, error } = await leaver.client.rpc('delete_own_account');
		expect(error).toBeNull();
		result = data;
	});

	it('answers what it removed', () => {
		expect(result?.already_deleted).toBe(false);
		expect(result?.removed).toMatchObject({
			profile: 1,
			memberships: 2,
			notifications: notified,
			notification_preferences: 1,
			notification_digests: 1,
			invitations_accepted: 1,
			volunteer_names: 1,
			volunteer_checks: 1
		});
	});

	it('removes the profile, memberships, notifications and their preferences and digests, and the accepted invitation', async () => {
		expect(await one('select 1 from public.profiles where id = $1', [leaver.id])).toBeUndefined();
		expect(
			await one('select 1 from public.memberships where user_id = $1', [leaver.id])
		).toBeUndefined();
		expect(
			await one('select 1 from public.notifications where user_id = $1', [leaver.id])
		).toBeUndefined();
		expect(
			await one('select 1 from public.invitations where email = $1', [leaver.email])
		).toBeUndefined();
		for (const table of [
			'notification_preferences',
			'notification_digests',
			'helper_profiles',
			'helper_slots'
		]) {
			expect(
				await one(`select 1 from public.${table} where user_id = $1`, [leaver.id])
			).toBeUndefined();
		}
	});

	it('removes the names and checks about them within their organisations’ circle only', async () => {
		const names = await people.query<{ name: string; added_by: string | null }>(
			'select name, added_by from public.agreement_volunteers where agreement_id = $1 order by name',
			[agreementId]
		);
		expect(names).toEqual([{ name: 'Andere Mentor', added_by: null }]);
		const checks = await people.query<{ organisation_id: string; volunteer_name: string }>(
			`select organisation_id, volunteer_name from public.volunteer_checks
			 where organisation_id = any($1::uuid[]) order by volunteer_name, organisation_id`,
			[[academy.id, elsewhere.id]]
		);
		expect(checks).toEqual([
			{ organisation_id: academy.id, volunteer_name: 'Andere Mentor' },
			{ organisation_id: elsewhere.id, volunteer_name: 'Lotte Vertrekker' },
			{ organisation_id: academy.id, volunteer_name: 'Oude Mentor' }
		]);
	});

	it('keeps the agreement, its history and thread with the author left out', async () => {
		expect(
			await one('select created_by from public.agreements where id = $1', [agreementId])
		).toEqual({ created_by: null });
		const messages = await people.query(
			'select body, author from public.agreement_messages where agreement_id = $1 order by id',
			[agreementId]
		);
		expect(messages).toEqual([
			{ body: 'Bericht van Lotte', author: null },
			{ body: 'Antwoord van Pieter', author: companyOwner.id },
			{ body: 'Nog een vraag van Pieter', author: companyOwner.id }
		]);
		const events = await people.query(
			'select status, actor from public.agreement_events where agreement_id = $1 order by id',
			[agreementId]
		);
		expect(events).toEqual([
			{ status: 'proposed', actor: null },
			{ status: 'accepted', actor: companyOwner.id }
		]);
	});

	it('lets the other side still read the thread', async () => {
		const { data, error } = await companyOwner.client
			.from('agreement_messages')
			.select('body, author')
			.eq('agreement_id', agreementId)
			.order('id');
		expect(error).toBeNull();
		expect(data?.[0]).toEqual({ body: 'Bericht van Lotte', author: null });
	});

	it('keeps a closed request, an old check and a reach report, without them', async () => {
		expect(
			await one('select status, created_by from public.requests where id = $1', [closedRequestId])
		).toEqual({ status: 'closed', created_by: null });
		expect(
			await one(
				`select recorded_by from public.volunteer_checks where volunteer_name = 'Oude Mentor' and organisation_id = $1`,
				[academy.id]
			)
		).toEqual({ recorded_by: null });
		expect(
			await one('select participants, reported_by from public.reach_reports where id = $1', [
				reachReportId
			])
		).toEqual({ participants: 12, reported_by: null });
	});

	it('keeps the academy with its other owner', async () => {
		expect(
			await people.query(
				'select user_id, role from public.memberships where organisation_id = $1',
				[academy.id]
			)
		).toEqual([{ user_id: cast.owner.id, role: 'owner' }]);
	});

	it('logs the deletion under a pseudonym with counts, without name or e-mail address', async () => {
		const row = await one<{ subject: string; removed: Record<string, number>; anonymised: object }>(
			'select subject, removed, anonymised from public.account_deletions where subject = $1',
			[pseudonym(leaver.id)]
		);
		expect(row?.removed).toMatchObject({ profile: 1, memberships: 2 });
		expect(row?.anonymised).toMatchObject({ agreement_messages: 1, agreement_events: 1 });
		const text = JSON.stringify(row);
		expect(text).not.toContain(leaver.id);
		expect(text).not.toContain(leaver.email);
		expect(text).not.toContain('Lotte');
	});

	it('answers already_deleted to a second call, with the first call’s counts', async () => {
		const { data, error } = await leaver.client.rpc('delete_own_account');
		expect(error).toBeNull();
		expect(data).toMatchObject({ already_deleted: true, removed: { profile: 1, memberships: 2 } });
	});

	it('lets the auth user go afterwards', async () => {
		const { error } = await serviceRole.auth.admin.deleteUser(leaver.id);
		expect(error).toBeNull();
		expect(await one('select 1 from auth.users where id = $1', [leaver.id])).toBeUndefined();
	});
});

describe('the log of deleted accounts', () => {
	it('is read by network staff', async () => {
		const { data, error } = await cast.staff.client
			.from('account_deletions')
			.select('subject, removed')
			.eq('subject', pseudonym(leaver.id));
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
	});

	it.each(['anonymous', 'a signed-in stranger', 'a member', 'an owner'] as const)(
		'is not read by %s',
		async (who) => {
			const logged = { subject: pseudonym(leaver.id) };
			const refusal = who === 'anonymous' ? '42501' : 'no rows';
			await expectHidden(cast.clients[who], 'account_deletions', logged, refusal);
		}
	);

	it('cannot be written through the API, not even by network staff or the service role', async () => {
		const forged = { subject: pseudonym('nep') };
		const logged = { subject: pseudonym(leaver.id) };
		for (const client of [cast.staff.client, serviceRole]) {
			await expectInsertRefused(client, 'account_deletions', { ...forged, removed: {} }, forged);
			await expectUpdateRefused(client, 'account_deletions', logged, { removed: {} });
			await expectDeleteRefused(client, 'account_deletions', logged);
		}
		expect(
			await one('select removed from public.account_deletions where subject = $1', [
				pseudonym(leaver.id)
			])
		).toMatchObject({ removed: { profile: 1 } });
	});

	it('refuses changes even by the database owner, and deletes only rows older than five years', async () => {
		await expect(
			people.query(`update public.account_deletions set removed = '{}' where subject = $1`, [
				pseudonym(leaver.id)
			])
		).rejects.toThrow('Het logboek van verwijderde accounts kan niet veranderen.');
		await expect(
			people.query('delete from public.account_deletions where subject = $1', [
				pseudonym(leaver.id)
			])
		).rejects.toThrow('Het logboek van verwijderde accounts kan niet veranderen.');
	});
});

describe('two tabs at once', () => {
	it('deletes once and answers the other call already_deleted, without an error', async () => {
		const twice = await people.signUp('twee-tabs');
		const secondTab = anonClient();
		const signIn = await secondTab.auth.signInWithPassword({
			email: twice.email,
			password: 'groeistoot-test-wachtwoord'
		});
		expect(signIn.error).toBeNull();
		const calls = await Promise.all([
			twice.client.rpc('delete_own_account'),
			secondTab.rpc('delete_own_account')
		]);
		expect(calls.map((call) => call.error)).toEqual([null, null]);
		expect(calls.map((call) => call.data.already_deleted).sort()).toEqual([false, true]);
		expect(
			await people.query('select 1 from public.account_deletions where subject = $1', [
				pseudonym(twice.id)
			])
		).toHaveLength(1);
	});
});

describe('deleting the auth user directly', () => {
	it('works for someone who created a closed request and recorded an old check', async () => {
		const founder = await people.signUp('oprichter');
		const school = await people.organisation([[cast.owner, 'owner']], { kind: 'academy' });
		await people.request(school.id, { status: 'closed', created_by: founder.id });
		await people.query('set session_replication_role = replica');
		await people.query(
			`insert into public.volunteer_checks (organisation_id, volunteer_name, seen_on, seen_by_name, recorded_by)
			 values ($1, 'Oude Naam', $2, 'Els', $3)`,
			[school.id, daysFromToday(-4 * 365), founder.id]
		);
		await people.query('set session_replication_role = origin');
		const { error } = await serviceRole.auth.admin.deleteUser(founder.id);
		expect(error).toBeNull();
	});
});
