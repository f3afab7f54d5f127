// "Mijn gegevens downloaden": the file holds the person's own rows, also those the policies hide from them
// now (an organisation they left, invitations only admins read), every notification however many, a note
// per section, and nothing of anyone else: not their rows, not their names, not hashes or tokens.
import type { User } from '@supabase/supabase-js';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	EXPORT_SECTIONS,
	exportFileName,
	exportPersonalData,
	type PersonalData
} from '$lib/server/db/account';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';

const people = testPeople('account-export');
let person: Person;
let other: Person;
let academy: { id: string };
let company: { id: string };
let leftBehind: { id: string };
let agreementId: string;
let file: PersonalData;
let text: string;
let communityId: string | undefined;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
type Row = Record<string, unknown>;
const rows = (section: keyof PersonalData) => file[section] as Row[];

beforeAll(async () => {
	[person, other] = await Promise.all([
		people.signUp('noor', { display_name: 'Noor Exporteur' }),
		people.signUp('ander', { display_name: 'Arne Ander' })
	]);
	academy = await people.organisation(
		[
			[other, 'owner'],
			[person, 'member']
		],
		{ kind: 'academy', name: 'Academie Export', created_by: person.id }
	);
	company = await people.organisation(
		[
			[person, 'owner'],
			[other, 'member']
		],
		{ kind: 'company', name: 'Bedrijf Export' }
	);
	leftBehind = await people.organisation([[other, 'owner']], {
		kind: 'academy',
		name: 'Academie Verlaten'
	});

	const offer = await people.offer(company.id, { kind: 'volunteers' });
	const request = await people.request(academy.id, { kind: 'volunteers' });
	agreementId = (
		await people.query<{ id: string }>(
			`insert into public.agreements
				(request_id, offer_id, academy_id, provider_id, proposed_by_organisation, status, created_by)
			 values ($1, $2, $3, $4, $4, 'accepted', $5) returning id`,
			[request.id, offer.id, academy.id, company.id, person.id]
		)
	)[0]!.id;
	await people.query(
		`insert into public.agreement_events (agreement_id, status, organisation_id, actor)
		 values ($1, 'proposed', $2, $3), ($1, 'accepted', $4, $5)`,
		[agreementId, company.id, person.id, academy.id, other.id]
	);
	await people.query(
		`insert into public.agreement_messages (agreement_id, author, organisation_id, body)
		 values ($1, $2, $3, 'Noor schrijft'), ($1, $4, $5, 'Arne antwoordt')`,
		[agreementId, person.id, company.id, other.id, academy.id]
	);
	await people.query(
		`insert into public.agreement_volunteers (agreement_id, name, added_by)
		 values ($1, 'noor exporteur', $2), ($1, 'Arne Ander', $2), ($1, 'Mentor Door Noor', $3)`,
		[agreementId, other.id, person.id]
	);
	await people.query(
		`insert into public.volunteer_checks (organisation_id, volunteer_name, seen_on, seen_by_name, recorded_by)
		 values ($1, 'Noor Exporteur', $2, 'Els', $3), ($1, 'Arne Ander', $2, 'Els', $3),
			($1, 'Mentor Door Noor', $2, 'Els', $4), ($5, 'Noor Exporteur', $2, 'Els', $3)`,
		[academy.id, daysFromToday(-5), other.id, person.id, leftBehind.id]
	);
	const activity = await people.activity(academy.id, {
		start_date: daysFromToday(-10),
		end_date: daysFromToday(-5),
		title: 'Activiteit van Noor',
		created_by: person.id
	});
	await people.query(
		`insert into public.reach_reports (activity_id, participants, girls, reported_by)
		 values ($1, 20, 8, $2)`,
		[activity.id, person.id]
	);
	// Sent as admin of the academy, since demoted to member: the policies no longer show it to them.
	await people.query(
		`insert into public.invitations (organisation_id, email, role, token_hash, invited_by)
		 values ($1, 'uitgenodigd-door-noor@groeistoot.test', 'member', $2, $3),
			($1, 'uitgenodigd-door-arne@groeistoot.test', 'member', $4, $5)`,
		[academy.id, hash(`${person.id}-noor`), person.id, hash(`${person.id}-arne`), other.id]
	);
	// A thread in an organisation they have left since.
	const [leftRequest, leftOffer] = [
		await people.request(leftBehind.id, { kind: 'volunteers' }),
		await people.offer(company.id, { kind: 'volunteers', title: 'Nog een aanbod' })
	];
	const leftAgreement = (
		await people.query<{ id: string }>(
			`insert into public.agreements (request_id, offer_id, academy_id, provider_id, proposed_by_organisation)
			 values ($1, $2, $3, $4, $3) returning id`,
			[leftRequest!.id, leftOffer!.id, leftBehind.id, company.id]
		)
	)[0]!.id;
	await people.query(
		`insert into public.memberships (organisation_id, user_id, role) values ($1, $2, 'member')`,
		[leftBehind.id, person.id]
	);
	await people.query(
		`insert into public.agreement_messages (agreement_id, author, organisation_id, body)
		 values ($1, $2, $3, 'Noor schreef dit voor ze vertrok')`,
		[leftAgreement, person.id, leftBehind.id]
	);
	await people.query('delete from public.memberships where organisation_id = $1 and user_id = $2', [
		leftBehind.id,
		person.id
	]);
	await people.query(
		`insert into public.notification_preferences (user_id, kind, delivery)
		 values ($1, 'agreement_message', 'digest'), ($2, 'agreement_status', 'none')`,
		[person.id, other.id]
	);
	await people.query(
		`insert into public.notification_digests (user_id, period_end, sent_at, notification_count)
		 values ($1, now() - interval '3 days', now() - interval '3 days', 4),
			($2, now() - interval '3 days', now() - interval '3 days', 9)`,
		[person.id, other.id]
	);
	// More notifications than PostgREST answers in one request.
	await people.query(
		`insert into public.notifications (user_id, kind, title, link, agreement_id)
		 select $1, 'agreement_message', 'Melding ' || n, '/afspraken/' || $2, $2::uuid
		 from generate_series(1, 1005) as n`,
		[person.id, agreementId]
	);

	// A teacher profile with a weekly moment and a school link.
	await person.client.rpc('save_helper_profile', {
		p_profile: { subjects: ['fysica'], interests: ['guest_lesson'], visibility: 'private' },
		p_slots: [{ weekday: 2, starts_at: '16:00', ends_at: '18:00' }],
		p_school_id: null
	});

	// Posts: one of theirs visible and one hidden by a host, their comments (one hidden) on someone else's
	// post, and a report they made about it.
	const written = await people.query<{ id: string; title: string }>(
		`insert into public.posts (author_id, kind, title, body, status, hidden_reason)
		 values ($1, 'question', 'Vraag van Noor', 'Wie helpt?', 'visible', null),
			($1, 'question', 'Verborgen vraag van Noor', 'Reclame', 'hidden', 'Reclame hoort hier niet.'),
			($2, 'question', 'Vraag van Arne', 'Arne vraagt iets', 'visible', null)
		 returning id, title`,
		[person.id, other.id]
	);
	const arnesPost = written.find((post) => post.title === 'Vraag van Arne')!.id;
	await people.query(
		`insert into public.post_comments (post_id, author_id, body, status, hidden_reason)
		 values ($1, $2, 'Noor reageert', 'visible', null),
			($1, $2, 'Noor reageerde te fel', 'hidden', 'Blijf vriendelijk.'),
			($1, $3, 'Arne reageert', 'visible', null)`,
		[arnesPost, person.id, other.id]
	);
	await people.query(
		`insert into public.post_reports (reporter_id, post_id, reason) values ($1, $2, 'Noor meldt dit'),
			($3, $2, 'Arne meldt dit')`,
		[person.id, arnesPost, other.id]
	);

	// Events: Noor goes to one and cancelled another; Arne goes to the first too.
	const [community] = await people.query<{ id: string }>(
		`insert into public.communities (kind, slug, name) values ('region', $1, 'Export test') returning id`,
		[people.slug('export')]
	);
	communityId = community!.id;
	await people.query(
		`insert into public.community_members (community_id, user_id, person_kind)
		 select $1, unnest($2::uuid[]), 'teacher'`,
		[communityId, [person.id, other.id]]
	);
	const events = await people.query<{ id: string }>(
		`insert into public.community_events
			(community_id, organiser_id, title, address, municipality_nis, starts_at, ends_at)
		 values ($1, $2, 'Robotcafé', 'Markt 1', '44021', '2027-03-04T18:00:00Z', '2027-03-04T20:00:00Z'),
			($1, $2, 'Sterrenkijkavond', 'Markt 1', '44021', '2027-03-11T19:00:00Z', '2027-03-11T21:00:00Z')
		 returning id`,
		[communityId, other.id]
	);
	await people.query(
		`insert into public.event_rsvps (event_id, user_id, status)
		 values ($1, $3, 'going'), ($2, $3, 'cancelled'), ($1, $4, 'going')`,
		[events[0]!.id, events[1]!.id, person.id, other.id]
	);

	// A good practice of theirs, and their offer to help the academy's request ("Ik wil helpen").
	const [practice] = await people.query<{ id: string }>(
		`insert into public.posts (author_id, kind, title, body)
		 values ($1, 'good_practice', 'Praktijk van Noor', 'Zo deden we het') returning id`,
		[person.id]
	);
	await people.query(
		`insert into public.good_practices (post_id, stem_letters, domains, age_min, age_max, format, what_worked)
		 values ($1, '{T}', '{techniek}', 10, 12, 'losse_activiteit', 'Kleine groepjes')`,
		[practice!.id]
	);
	await people.query(
		`insert into public.agreements (request_id, academy_id, helper_id, helper_availability, status)
		 values ($1, $2, $3, 'Woensdagnamiddag', 'proposed')`,
		[request.id, academy.id, person.id]
	);

	const { data } = await person.client.auth.getUser();
	file = await exportPersonalData(person.client as unknown as Db, data.user as User);
	text = JSON.stringify(file);
});

afterAll(async () => {
	if (communityId)
		await people.query('delete from public.communities where id = $1', [communityId]);
	await people.remove();
});

describe('the download of one’s own data', () => {
	it('is JSON with the account, without hashes or tokens', () => {
		expect(JSON.parse(text)).toEqual(file);
		expect(file.account).toMatchObject({ id: person.id, email: person.email });
		expect(file.account).toHaveProperty('last_sign_in_at');
		expect(file.account).toHaveProperty('email_confirmed_at');
		expect(text).not.toMatch(/encrypted_password|refresh_token|access_token|token_hash|\$2[aby]\$/);
	});

	it('explains every section in notes', () => {
		for (const section of EXPORT_SECTIONS) {
			expect(file).toHaveProperty(section);
			expect(file.notes[section]).toBeTruthy();
		}
		expect(file.notes.file).toBeTruthy();
	});

	it('holds the profile, memberships and what they created', () => {
		expect(file.profile).toMatchObject({ id: person.id, display_name: 'Noor Exporteur' });
		expect(rows('memberships').map((row) => row.role)).toEqual(['member', 'owner']);
		expect(rows('organisations_created').map((row) => row.name)).toEqual(['Academie Export']);
		expect(rows('activities_created').map((row) => row.title)).toEqual(['Activiteit van Noor']);
		expect(rows('reach_reports')).toEqual([
			expect.objectContaining({ participants: 20, girls: 8 })
		]);
		expect(file.network_staff).toBeNull();
	});

	it('holds what the policies hide from them now: invitations sent, a thread they left', () => {
		expect(rows('invitations_sent').map((row) => row.email)).toEqual([
			'uitgenodigd-door-noor@groeistoot.test'
		]);
		expect(rows('agreement_messages').map((row) => row.body)).toEqual([
			'Noor schrijft',
			'Noor schreef dit voor ze vertrok'
		]);
		expect(rows('agreements_proposed').map((row) => row.id)).toEqual([agreementId]);
		expect(rows('agreement_events').map((row) => row.status)).toEqual(['proposed']);
	});

	it('holds every notification, also past the first thousand', async () => {
		const own = await people.query<{ id: number }>(
			'select id from public.notifications where user_id = $1 order by id',
			[person.id]
		);
		expect(own.length).toBeGreaterThan(1000);
		expect(rows('notifications').map((row) => row.id)).toEqual(own.map((row) => Number(row.id)));
	});

	it('holds their notification choices and the weekly digests mailed to them', () => {
		expect(rows('notification_preferences')).toEqual([
			expect.objectContaining({ kind: 'agreement_message', delivery: 'digest' })
		]);
		expect(rows('notification_digests')).toEqual([
			expect.objectContaining({ notification_count: 4 })
		]);
	});

	it('holds the names and checks that name them, and those they recorded, not the rest', () => {
		expect(
			rows('volunteer_names')
				.map((row) => [row.name, row.names_you, row.added_by_you])
				.sort()
		).toEqual([
			['Mentor Door Noor', false, true],
			['noor exporteur', true, false]
		]);
		// The academy they left still has an agreement with their company: its check names them too.
		expect(
			rows('volunteer_checks')
				.map((row) => [
					row.organisation_name,
					row.volunteer_name,
					row.names_you,
					row.recorded_by_you
				])
				.sort()
		).toEqual([
			['Academie Export', 'Mentor Door Noor', false, true],
			['Academie Export', 'Noor Exporteur', true, false],
			['Academie Verlaten', 'Noor Exporteur', true, false]
		]);
	});

	it('holds their teacher or volunteer profile with its weekly moments', () => {
		expect(file.helper_profile).toMatchObject({
			subjects: ['fysica'],
			interests: ['guest_lesson'],
			visibility: 'private',
			helper_slots: [{ weekday: 2, starts_at: '16:00:00', ends_at: '18:00:00' }],
			helper_school_links: null
		});
	});

	it('holds their posts, comments and reports, hidden ones with the reason too', () => {
		// Written in one statement, so at the same moment: compared in any order.
		expect(
			rows('posts')
				.map((row) => [row.title, row.status, row.hidden_reason])
				.sort()
		).toEqual([
			['Praktijk van Noor', 'visible', null],
			['Verborgen vraag van Noor', 'hidden', 'Reclame hoort hier niet.'],
			['Vraag van Noor', 'visible', null]
		]);
		expect(
			rows('post_comments')
				.map((row) => [row.body, row.status])
				.sort()
		).toEqual([
			['Noor reageerde te fel', 'hidden'],
			['Noor reageert', 'visible']
		]);
		expect(rows('post_reports').map((row) => [row.reason, row.status])).toEqual([
			['Noor meldt dit', 'open']
		]);
		expect(text).not.toContain('Arne reageert');
		expect(text).not.toContain('Arne meldt dit');
		expect(text).not.toContain('Arne vraagt iets');
	});

	it('holds the communities they joined, their good practice and their offer to help', () => {
		expect(rows('community_memberships')).toEqual([
			expect.objectContaining({
				community_id: communityId,
				person_kind: 'teacher',
				role: 'member',
				community: { name: 'Export test', kind: 'region' }
			})
		]);
		expect(
			rows('posts').find((row) => row.title === 'Praktijk van Noor')?.good_practice
		).toMatchObject({
			stem_letters: ['T'],
			domains: ['techniek'],
			what_worked: 'Kleine groepjes'
		});
		expect(rows('help_agreements')).toEqual([
			expect.objectContaining({
				status: 'proposed',
				helper_availability: 'Woensdagnamiddag',
				academy: { name: 'Academie Export' }
			})
		]);
	});

	it('holds their own answers to events with the title, time and status', () => {
		expect(
			rows('event_rsvps')
				.map((row) => {
					const event = row.event as { title: string; starts_at: string };
					return [event.title, new Date(event.starts_at).toISOString(), row.status];
				})
				.sort()
		).toEqual([
			['Robotcafé', '2027-03-04T18:00:00.000Z', 'going'],
			['Sterrenkijkavond', '2027-03-11T19:00:00.000Z', 'cancelled']
		]);
	});

	it('holds nothing of anyone else', () => {
		expect(text).not.toContain(other.id);
		expect(text).not.toContain(other.email);
		expect(text).not.toContain('Arne antwoordt');
		expect(text).not.toContain('Arne Ander');
		expect(text).not.toContain('uitgenodigd-door-arne');
	});

	it('is named after the day in Belgium', () => {
		expect(exportFileName(new Date('2026-12-01T23:30:00Z'))).toBe(
			'groeistoot-mijn-gegevens-2026-12-02.json'
		);
	});
});

describe('export_my_contributions', () => {
	it('refuses an anonymous visitor', async () => {
		const { data, error } = await anonymousClient().rpc('export_my_contributions');
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});
});
