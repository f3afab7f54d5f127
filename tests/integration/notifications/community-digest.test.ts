// The weekly digest's community part: a person's digest tells what happened in their communities that week
// (new members, visible posts, events of the next two weeks, open requests nearby), in their language, with
// links; another community's news, hidden posts and cancelled events stay out; nobody with the community
// news turned off or blocked from the community gets it; two runs send it once; only the service role may
// read a person's news. Against the real stack and its mailbox.
import { sendWeeklyDigests } from '$lib/server/mail-jobs/digest.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, serviceRole, testPeople, type Person } from '../db/people.js';
import { digestClaimsFromNow, job, mailsTo, origin } from './support.js';

const people = testPeople('meld-community');
// The digest of the week that runs now: what the test writes today falls in it.
let at: Date;
let forgetClaims: (() => Promise<void>) | undefined;
let periodEnd: Date;
let home: { id: string; nis: string };
let elsewhere: { id: string; nis: string };
let ann: Person;
let eve: Person;
let otto: Person;
let ulla: Person;
let bea: Person;
let olaf: Person;
let host: Person;
const academyName = 'Digestacademie Noord';
const ids: Record<string, string> = {};

const daysAfterEnd = (days: number, hours = 0) =>
	new Date(periodEnd.getTime() + (days * 24 + hours) * 3600 * 1000).toISOString();

async function post(communityId: string, title: string, status: 'visible' | 'hidden' = 'visible') {
	const [row] = await people.query<{ id: string }>(
		`insert into public.posts (author_id, kind, title, body, status, hidden_reason)
		 values ($1, 'question', $2, 'Wie helpt?', $3, $4) returning id`,
		[host.id, title, status, status === 'hidden' ? 'Past hier niet' : null]
	);
	await people.query(
		'insert into public.post_communities (post_id, community_id) values ($1, $2)',
		[row!.id, communityId]
	);
	return row!.id;
}

async function event(
	community: { id: string; nis: string },
	title: string,
	startsAt: string,
	{ capacity = null as number | null, status = 'scheduled' } = {}
) {
	const [row] = await people.query<{ id: string }>(
		`insert into public.community_events
		 (community_id, organiser_id, title, address, municipality_nis, starts_at, ends_at, capacity, status)
		 values ($1, $2, $3, 'Markt 1', $4, $5, $5::timestamptz + interval '2 hours', $6, $7) returning id`,
		[community.id, host.id, title, community.nis, startsAt, capacity, status]
	);
	return row!.id;
}

async function join(communityId: string, person: Person) {
	await people.query(
		`insert into public.community_members (community_id, user_id, person_kind) values ($1, $2, 'teacher')`,
		[communityId, person.id]
	);
}

beforeAll(async () => {
	forgetClaims = await digestClaimsFromNow(people.query.bind(people));
	const { data, error } = await serviceRole.rpc('notification_digest_period').single();
	if (error) throw error;
	// next_at ends the week we are in now.
	periodEnd = new Date((data as { next_at: string }).next_at);
	at = new Date(periodEnd.getTime() + 3600 * 1000);

	[ann, eve, otto, ulla, bea, olaf, host] = await Promise.all([
		people.signUp('ann'),
		people.signUp('eve', { locale: 'en' }),
		people.signUp('otto'),
		people.signUp('ulla'),
		people.signUp('bea'),
		people.signUp('olaf'),
		people.signUp('host')
	]);

	// Two current municipalities no community, request or event uses yet.
	const places = await people.query<{ nis: string }>(
		`select m.nis from public.municipalities m
		 where m.valid_to is null and m.merged_into is null
			and not exists (select 1 from public.community_municipalities cm where cm.municipality_nis = m.nis)
			and not exists (select 1 from public.requests r where r.municipality_nis = m.nis)
			and not exists (select 1 from public.community_events e where e.municipality_nis = m.nis)
		 order by m.nis desc limit 2`
	);
	const made = [];
	for (const [index, place] of places.entries()) {
		const [community] = await people.query<{ id: string }>(
			`insert into public.communities (kind, municipality_nis, name) values ('municipality', $1, $2)
			 returning id`,
			[place.nis, index === 0 ? 'Digestdorp' : 'Elders']
		);
		await people.query(
			'insert into public.community_municipalities (community_id, municipality_nis) values ($1, $2)',
			[community!.id, place.nis]
		);
		made.push({ id: community!.id, nis: place.nis });
	}
	[home, elsewhere] = made as [typeof home, typeof elsewhere];

	for (const person of [ann, eve, otto, ulla, bea, host]) await join(home.id, person);
	await join(elsewhere.id, host);
	await people.query(
		`insert into public.community_blocks (community_id, user_id, reason) values ($1, $2, 'Spam gestuurd')`,
		[home.id, bea.id]
	);
	// An academy joins; olaf belongs to the community through it.
	const academy = await people.organisation([[olaf, 'member']], {
		kind: 'academy',
		name: academyName,
		municipality_nis: home.nis
	});
	await people.query(
		'insert into public.community_members (community_id, organisation_id) values ($1, $2)',
		[home.id, academy.id]
	);
	const other = await people.organisation([], {
		kind: 'academy',
		name: 'Academie Elders',
		municipality_nis: elsewhere.nis
	});

	ids.post = await post(home.id, 'Wie bouwt mee aan een zonnewagen?');
	ids.hidden = await post(home.id, 'Verborgen digestbericht', 'hidden');
	ids.otherPost = await post(elsewhere.id, 'Bericht uit een andere community');
	ids.event = await event(home, 'Robotcafé Digestdorp', daysAfterEnd(2, 10), { capacity: 10 });
	await people.query(
		`insert into public.event_rsvps (event_id, user_id, status) values ($1, $2, 'going')`,
		[ids.event, ann.id]
	);
	ids.cancelled = await event(home, 'Afgelast digestcafé', daysAfterEnd(3), {
		status: 'cancelled'
	});
	ids.far = await event(home, 'Digestcafé veel later', daysAfterEnd(20));
	ids.otherEvent = await event(elsewhere, 'Evenement elders', daysAfterEnd(2));
	ids.request = (
		await people.request(academy.id, {
			title: 'Een labo voor de zonnewagen',
			municipality_nis: home.nis
		})
	).id;
	ids.closed = (
		await people.request(academy.id, {
			title: 'Een gesloten digestvraag',
			municipality_nis: home.nis,
			status: 'closed'
		})
	).id;
	ids.otherRequest = (
		await people.request(other.id, {
			title: 'Een vraag van elders',
			municipality_nis: elsewhere.nis
		})
	).id;

	// Otto turned the community news off; Ulla used the digest's one-click unsubscribe.
	const { error: saveError } = await otto.client.rpc('save_notification_preferences', {
		p_choices: { community_digest: 'app' }
	});
	if (saveError) throw saveError;
	const { error: unsubscribeError } = await serviceRole.rpc('unsubscribe_notifications', {
		p_user_id: ulla.id,
		p_scope: 'digest'
	});
	if (unsubscribeError) throw unsubscribeError;
});

afterAll(async () => {
	await forgetClaims?.();
	const communities = [home?.id, elsewhere?.id].filter(Boolean);
	await people.query('delete from public.communities where id = any($1::uuid[])', [communities]);
	await people.remove();
});

describe('a person’s community news', () => {
	it('holds exactly the visible news of their own communities, with bounded lists', async () => {
		const { data, error } = await serviceRole.rpc('community_digest', {
			p_user_id: ann.id,
			p_at: at.toISOString()
		});
		expect(error).toBeNull();
		expect(data).toEqual([
			{
				id: home.id,
				name: 'Digestdorp',
				kind: 'municipality',
				municipality_nis: home.nis,
				slug: null,
				new_members: 7,
				new_organisations: [academyName],
				posts: [{ id: ids.post, title: 'Wie bouwt mee aan een zonnewagen?', kind: 'question' }],
				events: [
					{
						id: ids.event,
						title: 'Robotcafé Digestdorp',
						starts_at: expect.any(String),
						places_left: 9
					}
				],
				requests: [{ id: ids.request, title: 'Een labo voor de zonnewagen', academy: academyName }]
			}
		]);
	});

	it('is empty for someone blocked from the community or who turned it off', async () => {
		for (const person of [bea, otto, ulla]) {
			const { data, error } = await serviceRole.rpc('community_digest', {
				p_user_id: person.id,
				p_at: at.toISOString()
			});
			expect(error).toBeNull();
			expect(data).toEqual([]);
		}
	});

	it('is the service role’s only: anonymous and signed-in people cannot ask for it', async () => {
		for (const client of [anonymousClient(), ann.client]) {
			const { data, error } = await client.rpc('community_digest', {
				p_user_id: ann.id,
				p_at: at.toISOString()
			});
			expect(data).toBeNull();
			expect(error?.code).toBe('42501');
		}
	});
});

describe('the weekly digest with community news', () => {
	it('is sent once to each member, even by two jobs at once, in Dutch with links', async () => {
		const runs = await Promise.all([
			sendWeeklyDigests({ ...job(), at }),
			sendWeeklyDigests({ ...job(), at })
		]);
		expect(runs.reduce((sum, run) => sum + run.failed, 0)).toBe(0);

		const mails = await mailsTo(ann.email);
		expect(mails.map((mail) => mail.Subject)).toEqual(['Groeistoot: deze week in je communities']);
		const text = mails[0]!.Text;
		expect(text).toContain('in je communities op Groeistoot.');
		expect(text).toContain(
			`In je communities\n\nDigestdorp\nNaar de community: ${origin}/gemeenten/${home.nis}/community\n` +
				`7 nieuwe leden. Nieuw aangesloten: ${academyName}`
		);
		expect(text).toContain(
			`Nieuwe berichten:\n- Vraag: Wie bouwt mee aan een zonnewagen?\n  ${origin}/berichten/${ids.post}`
		);
		expect(text).toMatch(
			new RegExp(
				`Evenementen in de komende twee weken:\\n- Robotcafé Digestdorp \\(.+, nog 9 plaatsen\\)\\n  ${origin}/evenementen/${ids.event}`
			)
		);
		expect(text).toContain(
			`Open vragen in de buurt:\n- Een labo voor de zonnewagen, van ${academyName}\n  ${origin}/vragen/${ids.request}`
		);
		for (const absent of [
			'Verborgen digestbericht',
			'Bericht uit een andere community',
			'Afgelast digestcafé',
			'Digestcafé veel later',
			'Evenement elders',
			'Een gesloten digestvraag',
			'Een vraag van elders',
			'Elders\n'
		]) {
			expect(text).not.toContain(absent);
		}
		expect(mails[0]!.HTML).toContain(
			`<a href="${origin}/berichten/${ids.post}">Vraag: Wie bouwt mee aan een zonnewagen?</a>`
		);
		expect(text).toMatch(/\/meldingen\/uitschrijven\?\S+/);

		// Through the academy that joined, too.
		expect(await mailsTo(olaf.email)).toHaveLength(1);
		// On a new stack the jobs also mail every demo member with news: more than the default 20 s.
	}, 60_000);

	it('is in English for someone who reads Groeistoot in English', async () => {
		const [mail, ...more] = await mailsTo(eve.email);
		expect(more).toEqual([]);
		expect(mail!.Subject).toBe('Groeistoot: this week in your communities');
		expect(mail!.Text).toContain('in your communities on Groeistoot.');
		expect(mail!.Text).toContain(`Go to the community: ${origin}/gemeenten/${home.nis}/community`);
		expect(mail!.Text).toContain('7 new members. Newly joined: ' + academyName);
		expect(mail!.Text).toContain('New posts:\n- Question: Wie bouwt mee aan een zonnewagen?');
		expect(mail!.Text).toMatch(/- Robotcafé Digestdorp \(.+, 9 places left\)/);
		expect(mail!.Text).toContain(`- Een labo voor de zonnewagen, by ${academyName}`);
		expect(mail!.Text).not.toContain('Verborgen digestbericht');
	});

	it('reaches nobody who turned the news off, unsubscribed or is blocked', async () => {
		for (const person of [otto, ulla, bea]) expect(await mailsTo(person.email)).toEqual([]);
	});

	it('is not sent again by a later run', async () => {
		const again = await sendWeeklyDigests({ ...job(), at });
		expect(again.claimed).toBe(0);
		expect(await mailsTo(ann.email)).toHaveLength(1);
		expect(await mailsTo(eve.email)).toHaveLength(1);
	});
});
