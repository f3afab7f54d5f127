// The signed-in home (home_overview): a proposal waits for the side that did not make it, and only for its
// members; a stranger (also network staff, who may read every agreement) sees none of it, and an anonymous
// caller may not call it at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';

const people = testPeople('thuis');
let schoolOwner: Person;
let proposer: Person;
let stranger: Person;
let staff: Person;
let agreementId: string;

type Overview = {
	organisations: { name: string; role: string }[];
	proposals: { count: number; items: { id: string; proposer_name: string }[] };
	unread: { count: number; items: { kind: string; params: Record<string, string> }[] };
};

async function overview(person: Person): Promise<Overview> {
	const { data, error } = await person.client.rpc('home_overview', { p_limit: 5 });
	if (error) throw error;
	return data as Overview;
}

beforeAll(async () => {
	[schoolOwner, proposer, stranger, staff] = await Promise.all([
		people.signUp('school'),
		people.signUp('academie'),
		people.signUp('vreemde'),
		people.signUp('staf')
	]);
	await people.makeNetworkStaff(staff);
	const school = await people.organisation([[schoolOwner, 'owner']], { name: 'School Thuis' });
	const academy = await people.organisation([[proposer, 'member']], {
		kind: 'academy',
		name: 'Academie Thuis'
	});
	const room = await people.offer(school.id);
	const request = await people.request(academy.id);
	const { data, error } = await proposer.client.rpc('propose_agreement', {
		p_request_id: request.id,
		p_offer_id: room.id,
		p_booking_weekday: 3,
		p_booking_starts: '14:00',
		p_booking_ends: '16:00',
		p_booking_from: daysFromToday(1),
		p_booking_until: daysFromToday(60)
	});
	if (error) throw error;
	agreementId = data as string;
});

afterAll(() => people.remove());

describe('home_overview', () => {
	it('shows the proposal to the side that must answer, with its notification as kind and params', async () => {
		const home = await overview(schoolOwner);
		expect(home.organisations).toEqual([
			expect.objectContaining({ name: 'School Thuis', role: 'owner' })
		]);
		expect(home.proposals.count).toBe(1);
		expect(home.proposals.items).toEqual([
			expect.objectContaining({ id: agreementId, proposer_name: 'Academie Thuis' })
		]);
		expect(home.unread.items).toEqual([
			expect.objectContaining({
				kind: 'agreement_proposed',
				params: expect.objectContaining({ organisation: 'Academie Thuis' })
			})
		]);
	});

	it('does not ask the proposer to answer their own proposal', async () => {
		expect((await overview(proposer)).proposals.count).toBe(0);
	});

	it('shows a stranger and network staff nothing of other organisations', async () => {
		for (const person of [stranger, staff]) {
			const home = await overview(person);
			expect(home.organisations).toEqual([]);
			expect(home.proposals).toEqual({ count: 0, items: [] });
			expect(home.unread).toEqual({ count: 0, items: [] });
		}
	});

	it('refuses an anonymous caller', async () => {
		const { error } = await anonymousClient().rpc('home_overview', { p_limit: 5 });
		expect(error?.code).toBe('42501');
	});
});
