// "Ik wil helpen": a person answers an academy's request for volunteers or expertise with offer_help(), which
// makes an agreement with the person as the other side. The person reads their agreement, its history and
// thread and writes in it; other people do not; the academy answers, fulfils and sets the first session
// only once it recorded the person's recent extract (model 2); notifications reach both sides; a person's
// account going withdraws their live agreements and removes the checks that name them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, serviceRole, testPeople, type Cast, type Person } from './people.js';
import { expectHidden, expectInsertRefused, expectUpdateRefused } from './rls.js';

const people = testPeople('hulp');
let cast: Cast;
let helper: Person;
let otherHelper: Person;
let academy: { id: string };

const helperName = 'Hanne Helpster';

async function volunteersRequest(values: Record<string, unknown> = {}) {
	return people.request(academy.id, {
		kind: 'volunteers',
		title: 'Begeleiders voor de robotica',
		people: 2,
		...values
	});
}

async function offerHelp(person: Person, requestId: string, message = 'Ik help graag mee.') {
	return person.client.rpc('offer_help', {
		p_request_id: requestId,
		p_message: message,
		p_availability: 'woensdagnamiddag'
	});
}

/** A fresh request with the helper's proposal on it; returns both ids. */
async function helpProposal(person: Person = helper) {
	const request = await volunteersRequest();
	const { data, error } = await offerHelp(person, request.id);
	expect(error).toBeNull();
	return { requestId: request.id, agreementId: data as string };
}

async function setStatus(person: Person, id: string, status: string) {
	return person.client.rpc('set_agreement_status', { p_agreement_id: id, p_status: status });
}

async function accepted(person: Person = helper) {
	const proposal = await helpProposal(person);
	const { error } = await setStatus(cast.member, proposal.agreementId, 'accepted');
	expect(error).toBeNull();
	return proposal;
}

async function notificationsFor(userId: string, agreementId: string) {
	return people.query<{ kind: string; params: Record<string, string> }>(
		'select kind, params from public.notifications where user_id = $1 and agreement_id = $2 order by id',
		[userId, agreementId]
	);
}

async function recordCheck(seenOn: string) {
	await people.query(
		`insert into public.volunteer_checks (organisation_id, volunteer_name, seen_on, seen_by_name)
		 values ($1, $2, $3, 'Ann Coördinator')`,
		[academy.id, helperName, seenOn]
	);
}

beforeAll(async () => {
	cast = await people.cast();
	[helper, otherHelper] = await Promise.all([
		people.signUp('helpster', { display_name: helperName }),
		people.signUp('andere-helper', { display_name: 'Omar Ander' })
	]);
	// The academy names the person whatever their profile's visibility.
	await people.query("update public.profiles set visibility = 'private' where id = $1", [
		helper.id
	]);
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy', name: 'Academie Hulp' }
	);
});

afterAll(() => people.remove());

describe('offering help', () => {
	it('makes a proposed agreement with the person as the other side, its event and message', async () => {
		const { agreementId } = await helpProposal();
		const [agreement] = await people.query('select * from public.agreements where id = $1', [
			agreementId
		]);
		expect(agreement).toMatchObject({
			status: 'proposed',
			helper_id: helper.id,
			helper_availability: 'woensdagnamiddag',
			academy_id: academy.id,
			offer_id: null,
			provider_id: null,
			proposed_by_organisation: null,
			created_by: helper.id
		});
		expect(
			await people.query(
				'select status, organisation_id, actor from public.agreement_events where agreement_id = $1',
				[agreementId]
			)
		).toEqual([{ status: 'proposed', organisation_id: null, actor: helper.id }]);
		expect(
			await people.query(
				'select body, organisation_id, author from public.agreement_messages where agreement_id = $1',
				[agreementId]
			)
		).toEqual([{ body: 'Ik help graag mee.', organisation_id: null, author: helper.id }]);
	});

	it('notifies the academy members with the person named', async () => {
		const { agreementId } = await helpProposal();
		const [notification] = await notificationsFor(cast.owner.id, agreementId);
		expect(notification).toMatchObject({
			kind: 'agreement_proposed',
			params: { person: helperName, organisation: helperName }
		});
		expect(await notificationsFor(helper.id, agreementId)).toEqual([]);
	});

	it('makes one agreement of a double submit and refuses a second live one', async () => {
		const request = await volunteersRequest();
		const results = await Promise.all([
			offerHelp(helper, request.id),
			offerHelp(helper, request.id)
		]);
		expect(results.filter((result) => result.error === null)).toHaveLength(1);
		const refused = results.find((result) => result.error !== null);
		expect(refused?.error).toMatchObject({ code: 'PT409', hint: 'agreements_one_live_help' });
		const rows = await people.query('select id from public.agreements where request_id = $1', [
			request.id
		]);
		expect(rows).toHaveLength(1);
		expect(refused?.error?.details).toBe(rows[0]!.id);

		const again = await offerHelp(helper, request.id);
		expect(again.error).toMatchObject({ code: 'PT409', hint: 'agreements_one_live_help' });
	});

	it('lets the person offer again once their agreement was withdrawn', async () => {
		const { requestId, agreementId } = await helpProposal();
		expect((await setStatus(helper, agreementId, 'withdrawn')).error).toBeNull();
		const { error } = await offerHelp(helper, requestId);
		expect(error).toBeNull();
	});

	it('accepts expertise requests too and refuses other kinds', async () => {
		const expertise = await volunteersRequest({ kind: 'expertise', people: null });
		expect((await offerHelp(helper, expertise.id)).error).toBeNull();
		const venue = await people.request(academy.id);
		const { error } = await offerHelp(helper, venue.id);
		expect(error).toMatchObject({ code: '23514', hint: 'agreements_help_request_kind' });
		expect(
			await people.query('select id from public.agreements where request_id = $1', [venue.id])
		).toEqual([]);
	});

	it('refuses anonymous visitors, the academy itself, closed requests and an empty message', async () => {
		const request = await volunteersRequest();
		const { anonymous } = cast.clients;
		const anonymousTry = await anonymous.rpc('offer_help', {
			p_request_id: request.id,
			p_message: 'Hallo'
		});
		expect(anonymousTry.error?.code).toBe('42501');
		expect(await offerHelp(cast.member, request.id)).toMatchObject({
			error: { code: '42501', hint: 'agreements_help_not_own_academy' }
		});
		expect(await offerHelp(helper, request.id, '   ')).toMatchObject({
			error: { code: '23514', hint: 'agreement_messages_body_length' }
		});
		const closed = await volunteersRequest({ status: 'closed' });
		expect(await offerHelp(helper, closed.id)).toMatchObject({
			error: { code: 'PT404', hint: 'request_not_found' }
		});
		expect(
			await people.query('select id from public.agreements where request_id = any($1::uuid[])', [
				[request.id, closed.id]
			])
		).toEqual([]);
	});
});

describe('who reads a person agreement', () => {
	let agreementId: string;

	beforeAll(async () => {
		({ agreementId } = await helpProposal());
	});

	it('lets the person, the academy members and network staff read it, its history and thread', async () => {
		for (const person of [helper, cast.member, cast.owner, cast.staff]) {
			for (const table of ['agreements', 'agreement_events', 'agreement_messages']) {
				const column = table === 'agreements' ? 'id' : 'agreement_id';
				const { data, error } = await person.client.from(table).select('*').eq(column, agreementId);
				expect(error).toBeNull();
				expect(data, `${person.email} reads ${table}`).toHaveLength(1);
			}
		}
	});

	it('hides it from other people and anonymous visitors', async () => {
		for (const db of [otherHelper.client, cast.stranger.client, cast.clients.anonymous]) {
			await expectHidden(db, 'agreements', { id: agreementId });
			await expectHidden(db, 'agreement_events', { agreement_id: agreementId });
			await expectHidden(db, 'agreement_messages', { agreement_id: agreementId });
		}
	});

	it('lets the person read the request also once it is closed', async () => {
		const closing = await helpProposal();
		await people.query("update public.requests set status = 'closed' where id = $1", [
			closing.requestId
		]);
		const mine = await helper.client.from('requests').select('id').eq('id', closing.requestId);
		expect(mine.data).toHaveLength(1);
		await expectHidden(otherHelper.client, 'requests', { id: closing.requestId });
	});

	it("lets the academy read the person's private profile, and nobody else", async () => {
		const academyRead = await cast.member.client
			.from('profiles')
			.select('display_name')
			.eq('id', helper.id);
		expect(academyRead.data).toEqual([{ display_name: helperName }]);
		await expectHidden(otherHelper.client, 'profiles', { id: helper.id });
		await expectHidden(cast.stranger.client, 'profiles', { id: helper.id });
	});

	it('shows the proposal on the academy home and the agreement on the person home', async () => {
		const academyHome = await cast.member.client.rpc('home_overview', { p_limit: 20 });
		expect(academyHome.error).toBeNull();
		const proposal = academyHome.data.proposals.items.find(
			(item: { id: string }) => item.id === agreementId
		);
		expect(proposal).toMatchObject({ proposer_name: helperName, offer_title: null });

		const helperHome = await helper.client.rpc('home_overview', { p_limit: 20 });
		expect(helperHome.data.proposals.items).toEqual([]);
		expect(helperHome.data.helping.items.map((item: { id: string }) => item.id)).toContain(
			agreementId
		);
		const strangerHome = await otherHelper.client.rpc('home_overview', { p_limit: 20 });
		expect(strangerHome.data.helping.count).toBe(0);
	});
});

describe('the thread', () => {
	let agreementId: string;

	beforeAll(async () => {
		({ agreementId } = await helpProposal());
	});

	it('lets the person write for themselves and notifies the academy', async () => {
		const { error } = await helper.client
			.from('agreement_messages')
			.insert({ agreement_id: agreementId, organisation_id: null, body: 'Wanneer beginnen we?' });
		expect(error).toBeNull();
		const kinds = (await notificationsFor(cast.admin.id, agreementId)).map((row) => row.kind);
		expect(kinds).toContain('agreement_message');
	});

	it('lets an academy member write for the academy and notifies the person', async () => {
		const { error } = await cast.member.client.from('agreement_messages').insert({
			agreement_id: agreementId,
			organisation_id: academy.id,
			body: 'Woensdag om 14 uur.'
		});
		expect(error).toBeNull();
		expect(await notificationsFor(helper.id, agreementId)).toContainEqual({
			kind: 'agreement_message',
			params: { organisation: 'Academie Hulp', request: 'Begeleiders voor de robotica' }
		});
	});

	it('refuses the person writing for the academy, the academy writing as the person, and strangers', async () => {
		const where = { agreement_id: agreementId };
		await expectInsertRefused(
			helper.client,
			'agreement_messages',
			{ agreement_id: agreementId, organisation_id: academy.id, body: 'Namens de academie' },
			where
		);
		await expectInsertRefused(
			cast.member.client,
			'agreement_messages',
			{ agreement_id: agreementId, organisation_id: null, body: 'Als de persoon' },
			where
		);
		for (const person of [otherHelper, cast.stranger]) {
			await expectInsertRefused(
				person.client,
				'agreement_messages',
				{ agreement_id: agreementId, organisation_id: null, body: 'Hallo' },
				where
			);
		}
	});
});

describe('status changes', () => {
	it('lets the academy accept or decline and refuses the person answering their own proposal', async () => {
		const first = await helpProposal();
		expect(await setStatus(helper, first.agreementId, 'accepted')).toMatchObject({
			error: { code: '42501', hint: 'agreements_answered_by_the_other_side' }
		});
		expect(await setStatus(otherHelper, first.agreementId, 'accepted')).toMatchObject({
			error: { code: 'PT404' }
		});
		expect((await setStatus(cast.member, first.agreementId, 'accepted')).error).toBeNull();
		const [request] = await people.query('select status from public.requests where id = $1', [
			first.requestId
		]);
		expect(request).toEqual({ status: 'in_progress' });
		expect(await notificationsFor(helper.id, first.agreementId)).toContainEqual({
			kind: 'agreement_status',
			params: {
				organisation: 'Academie Hulp',
				request: 'Begeleiders voor de robotica',
				status: 'accepted'
			}
		});

		const second = await helpProposal();
		expect((await setStatus(cast.owner, second.agreementId, 'declined')).error).toBeNull();
		const [row] = await people.query('select status from public.agreements where id = $1', [
			second.agreementId
		]);
		expect(row).toEqual({ status: 'declined' });
	});

	it('lets only the person withdraw a proposal', async () => {
		const { agreementId } = await helpProposal();
		expect(await setStatus(cast.member, agreementId, 'withdrawn')).toMatchObject({
			error: { code: '42501', hint: 'agreements_withdrawn_by_the_proposer' }
		});
		expect((await setStatus(helper, agreementId, 'withdrawn')).error).toBeNull();
		const kinds = await notificationsFor(cast.owner.id, agreementId);
		expect(kinds.map((row) => row.params.status)).toContain('withdrawn');
	});

	it('lets either side withdraw an accepted agreement and only the academy fulfil it', async () => {
		const byPerson = await accepted();
		expect(await setStatus(helper, byPerson.agreementId, 'fulfilled')).toMatchObject({
			error: { code: '42501', hint: 'agreements_fulfilled_by_the_academy' }
		});
		expect((await setStatus(helper, byPerson.agreementId, 'withdrawn')).error).toBeNull();
		const [request] = await people.query('select status from public.requests where id = $1', [
			byPerson.requestId
		]);
		expect(request).toEqual({ status: 'open' });

		const byAcademy = await accepted();
		expect((await setStatus(cast.admin, byAcademy.agreementId, 'withdrawn')).error).toBeNull();

		const fulfilled = await accepted();
		expect((await setStatus(cast.member, fulfilled.agreementId, 'fulfilled')).error).toBeNull();
		expect(
			await people.query(
				'select status, organisation_id from public.agreement_events where agreement_id = $1 order by id',
				[fulfilled.agreementId]
			)
		).toEqual([
			{ status: 'proposed', organisation_id: null },
			{ status: 'accepted', organisation_id: academy.id },
			{ status: 'fulfilled', organisation_id: academy.id }
		]);
	});
});

describe('the first session needs a recent extract', () => {
	it('is refused without a check, also when the check no longer counts on that day, and allowed with one', async () => {
		const { agreementId } = await accepted();
		const where = { id: agreementId };
		await expectUpdateRefused(
			cast.member.client,
			'agreements',
			where,
			{ first_session_on: daysFromToday(14) },
			'23514'
		);
		const refused = await cast.member.client
			.from('agreements')
			.update({ first_session_on: daysFromToday(14) })
			.eq('id', agreementId);
		expect(refused.error?.hint).toBe('agreements_first_session_check');

		// Seen almost 3 years ago: still recent today, but no longer on a session in two months.
		await recordCheck(daysFromToday(-(3 * 365 - 20)));
		await expectUpdateRefused(
			cast.member.client,
			'agreements',
			where,
			{ first_session_on: daysFromToday(60) },
			'23514'
		);

		await recordCheck(daysFromToday(-10));
		const { data, error } = await cast.member.client
			.from('agreements')
			.update({ first_session_on: daysFromToday(14) })
			.eq('id', agreementId)
			.select('first_session_on');
		expect(error).toBeNull();
		expect(data).toEqual([{ first_session_on: daysFromToday(14) }]);

		const helperHome = await helper.client.rpc('home_overview', { p_limit: 20 });
		expect(helperHome.data.first_sessions.items.map((item: { id: string }) => item.id)).toContain(
			agreementId
		);
	});

	it('is not the person’s to set', async () => {
		const { agreementId } = await accepted();
		await expectUpdateRefused(
			helper.client,
			'agreements',
			{ id: agreementId },
			{ first_session_on: daysFromToday(7) },
			'no rows'
		);
	});

	it("shows the academy's owners and admins whether the check is recorded, not its members", async () => {
		const owner = await cast.owner.client
			.from('volunteer_check_status')
			.select('volunteer_name, recent')
			.eq('organisation_id', academy.id)
			.ilike('volunteer_name', helperName);
		expect(owner.data).toEqual([{ volunteer_name: helperName, recent: true }]);
		const member = await cast.member.client
			.from('volunteer_check_status')
			.select('volunteer_name')
			.eq('organisation_id', academy.id);
		expect(member.data).toEqual([]);
	});
});

describe("the person's account goes", () => {
	it('withdraws their live agreements, keeps them for the academy and removes the checks naming them', async () => {
		const leaver = await people.signUp('vertrekt', { display_name: 'Lien Vertrek' });
		const request = await volunteersRequest();
		const { data: agreementId } = await offerHelp(leaver, request.id);
		expect((await setStatus(cast.member, agreementId as string, 'accepted')).error).toBeNull();
		await people.query(
			`insert into public.volunteer_checks (organisation_id, volunteer_name, seen_on, seen_by_name)
			 values ($1, 'Lien Vertrek', $2, 'Ann Coördinator')`,
			[academy.id, daysFromToday(-5)]
		);

		const deletion = await leaver.client.rpc('delete_own_account');
		expect(deletion.error).toBeNull();
		expect(deletion.data.removed.volunteer_checks).toBe(1);
		const { error } = await serviceRole.auth.admin.deleteUser(leaver.id);
		expect(error).toBeNull();

		const [agreement] = await people.query(
			'select status, helper_id, created_by from public.agreements where id = $1',
			[agreementId]
		);
		expect(agreement).toEqual({ status: 'withdrawn', helper_id: null, created_by: null });
		const history = await people.query(
			'select status, actor from public.agreement_events where agreement_id = $1 order by id',
			[agreementId]
		);
		expect(history.at(-1)).toEqual({ status: 'withdrawn', actor: null });
		const [reopened] = await people.query('select status from public.requests where id = $1', [
			request.id
		]);
		expect(reopened).toEqual({ status: 'open' });
		const messages = await people.query(
			'select author from public.agreement_messages where agreement_id = $1',
			[agreementId]
		);
		expect(messages).toEqual([{ author: null }]);
		const academyRead = await cast.member.client
			.from('agreements')
			.select('id')
			.eq('id', agreementId as string);
		expect(academyRead.data).toHaveLength(1);
	});
});
