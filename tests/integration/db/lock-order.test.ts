// The one-writer locks of the kept rows come before any row (migration 20261224000000): a click or a
// deletion that locks rows and then writes a table with kept rows waits for the lock first, so that a
// transaction holding the lock and then wanting those rows goes on instead of meeting it in a deadlock
// (40P01). Each case: the first transaction takes the lock (a statement on a table with kept rows) and
// stays open; the second waits; the first then writes a row the second used to lock before it waited;
// both must commit. On the migrations before 20261224000000 each case failed with 40P01.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs } from './as-caller.js';
import { testPeople, type Person } from './people.js';
import { twoWritersAtOnce } from './two-writers.js';

const people = testPeople('slotvolgorde');
let academyOwner: Person;
let companyOwner: Person;
let academy: { id: string };
let company: { id: string };
/** An offer and an organisation no case is about: a statement on them takes the matching or coverage lock. */
let elsewhere: { offer: string; organisation: string };

/** Runs SQL in the transaction as the person, the way PostgREST runs their request. */
async function asPerson(db: pg.Client, person: Person, text: string, values: unknown[]) {
	await actAs(db, person);
	return db.query(text, values);
}

const takesTheMatchingLock = (db: pg.Client) =>
	db.query('update public.offers set title = title where id = $1', [elsewhere.offer]);
const takesTheCoverageLock = (db: pg.Client) =>
	db.query('update public.organisations set name = name where id = $1', [elsewhere.organisation]);

/** An agreement between the academy and the company about volunteers, with the given status and author. */
async function agreement(status: string, createdBy: Person | null = null) {
	const offer = await people.offer(company.id, { kind: 'volunteers' });
	const request = await people.request(academy.id, { kind: 'volunteers', people: 2 });
	const [row] = await people.query<{ id: string }>(
		`insert into public.agreements
			(request_id, offer_id, academy_id, provider_id, proposed_by_organisation, status, created_by)
		 values ($1, $2, $3, $4, $3, $5, $6) returning id`,
		[request.id, offer.id, academy.id, company.id, status, createdBy?.id ?? null]
	);
	return { id: row!.id, request: request.id };
}

beforeAll(async () => {
	[academyOwner, companyOwner] = await Promise.all([
		people.signUp('academie'),
		people.signUp('bedrijf')
	]);
	academy = await people.organisation([[academyOwner, 'owner']], { kind: 'academy' });
	company = await people.organisation([[companyOwner, 'owner']], { kind: 'company' });
	const other = await people.organisation([], { kind: 'school' });
	elsewhere = { offer: (await people.offer(other.id)).id, organisation: other.id };
});

afterAll(() => people.remove());

describe('a click that writes a request waits for the matching lock before it locks any row', () => {
	it('accepting an agreement while its request is saved: both go through, in turn', async () => {
		const proposal = await agreement('proposed');
		const failed = await twoWritersAtOnce(
			takesTheMatchingLock,
			(db) =>
				asPerson(db, companyOwner, `select public.set_agreement_status($1, 'accepted')`, [
					proposal.id
				]),
			(db) =>
				db.query(`update public.requests set title = 'Twee mentoren, dringend' where id = $1`, [
					proposal.request
				])
		);
		expect(failed).toBeNull();
		const [request] = await people.query(
			'select r.status, r.title, a.status as agreement from public.requests r join public.agreements a on a.request_id = r.id where r.id = $1',
			[proposal.request]
		);
		expect(request).toEqual({
			status: 'in_progress',
			title: 'Twee mentoren, dringend',
			agreement: 'accepted'
		});
	});
});

describe('deleting one’s account takes both locks before it locks any row', () => {
	it('while a request of an agreement they proposed is deleted (its agreements by cascade)', async () => {
		const leaver = await people.signUp('vertrekker');
		await people.query(
			`insert into public.memberships (organisation_id, user_id, role) values ($1, $2, 'member')`,
			[academy.id, leaver.id]
		);
		const proposal = await agreement('proposed', leaver);
		const failed = await twoWritersAtOnce(
			takesTheMatchingLock,
			(db) => asPerson(db, leaver, 'select public.delete_own_account()', []),
			(db) => db.query('delete from public.requests where id = $1', [proposal.request])
		);
		expect(failed).toBeNull();
		expect(await people.query('select 1 from public.profiles where id = $1', [leaver.id])).toEqual(
			[]
		);
		expect(
			await people.query('select 1 from public.agreements where id = $1', [proposal.id])
		).toEqual([]);
	});

	it('while a co-owner renames an organisation they own', async () => {
		const leaver = await people.signUp('mede-eigenaar');
		const shared = await people.organisation(
			[
				[companyOwner, 'owner'],
				[leaver, 'owner']
			],
			{ kind: 'company' }
		);
		const failed = await twoWritersAtOnce(
			takesTheCoverageLock,
			(db) => asPerson(db, leaver, 'select public.delete_own_account()', []),
			(db) =>
				db.query(`update public.organisations set name = 'Nieuwe naam' where id = $1`, [shared.id])
		);
		expect(failed).toBeNull();
		const owners = await people.query<{ user_id: string }>(
			'select user_id from public.memberships where organisation_id = $1',
			[shared.id]
		);
		expect(owners).toEqual([{ user_id: companyOwner.id }]);
	});
});

describe('deleting an organisation takes the matching lock before it locks its row', () => {
	it('while an offer is added for it: the offer goes with it', async () => {
		const leaving = await people.organisation([], { kind: 'company' });
		const failed = await twoWritersAtOnce(
			takesTheMatchingLock,
			(db) => db.query('delete from public.organisations where id = $1', [leaving.id]),
			(db) =>
				db.query(
					`insert into public.offers (organisation_id, kind, title, municipality_nis, radius_km, people)
					 values ($1, 'volunteers', 'Twee mentoren', '44021', 25, 2)`,
					[leaving.id]
				)
		);
		expect(failed).toBeNull();
		expect(
			await people.query('select 1 from public.offers where organisation_id = $1', [leaving.id])
		).toEqual([]);
	});
});

// The auth admin API deletes a user with one statement; its foreign keys' cascades take the locks in the
// order of their triggers' names, after the statement locked the user's row.
describe('deleting an auth user takes both locks before it locks the user’s row', () => {
	it('while the person creates an organisation: it stays, without its creator', async () => {
		const leaver = await people.signUp('weg');
		const slug = people.slug('net-op-tijd');
		const failed = await twoWritersAtOnce(
			takesTheCoverageLock,
			(db) => db.query('delete from auth.users where id = $1', [leaver.id]),
			(db) =>
				db.query(
					`insert into public.organisations (kind, name, slug, municipality_nis, created_by)
					 values ('school', 'Net op tijd', $1, '44021', $2)`,
					[slug, leaver.id]
				)
		);
		expect(failed).toBeNull();
		const [organisation] = await people.query<{ id: string; created_by: string | null }>(
			'select id, created_by from public.organisations where slug = $1',
			[slug]
		);
		people.track(organisation!.id);
		expect(organisation!.created_by).toBeNull();
	});

	it('while the person adds an offer: it stays, without its creator', async () => {
		const leaver = await people.signUp('ook-weg');
		const failed = await twoWritersAtOnce(
			takesTheMatchingLock,
			(db) => db.query('delete from auth.users where id = $1', [leaver.id]),
			(db) =>
				db.query(
					`insert into public.offers
						(organisation_id, kind, title, municipality_nis, radius_km, people, created_by)
					 values ($1, 'volunteers', 'Nog twee mentoren', '44021', 25, 2, $2)`,
					[company.id, leaver.id]
				)
		);
		expect(failed).toBeNull();
		expect(
			await people.query(
				`select created_by from public.offers where organisation_id = $1 and title = 'Nog twee mentoren'`,
				[company.id]
			)
		).toEqual([{ created_by: null }]);
	});
});
