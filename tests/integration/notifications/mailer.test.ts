// The mailer follows each person's choice: a school's members are told of an academy's proposal, and only
// those whose delivery is `email` (owners and admins by default, a member who chose it) get a mail at once,
// with a signed unsubscribe link in the text and the one-click headers; a plain member sees it in the app
// only, a `digest` one waits for the weekly digest and `none` is not written at all. Two mailers at once
// mail each notification once. Each mail is in its recipient's language. Against the real stack and its
// mailbox.
import { sendInstantMails } from '$lib/server/mail-jobs/instant.js';
import { verifyUnsubscribe } from '$lib/server/mail-jobs/links.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, testPeople, type Person } from '../db/people.js';
import { headersOf, job, linkSecret, mailsTo, origin } from './support.js';

const people = testPeople('meld-mail');
let owner: Person;
let admin: Person;
let member: Person;
let emailMember: Person;
let digestMember: Person;
let silentMember: Person;
let englishAdmin: Person;
let proposer: Person;
let school: { id: string };
let academy: { id: string };
let agreementId: string;

async function choose(person: Person, kind: string, delivery: string) {
	const { error } = await person.client.rpc('save_notification_preferences', {
		p_choices: { [kind]: delivery }
	});
	if (error) throw error;
}

async function delivered(person: Person, kind: string) {
	return people.query<{ delivery: string; emailed: boolean }>(
		`select delivery, emailed_at is not null as emailed from public.notifications
		 where user_id = $1 and agreement_id = $2 and kind = $3`,
		[person.id, agreementId, kind]
	);
}

beforeAll(async () => {
	[owner, admin, member, emailMember, digestMember, silentMember, proposer, englishAdmin] =
		await Promise.all([
			people.signUp('eigenaar'),
			people.signUp('beheerder'),
			people.signUp('lid'),
			people.signUp('lid-mail'),
			people.signUp('lid-overzicht'),
			people.signUp('lid-niets'),
			people.signUp('academie'),
			people.signUp('beheerder-en')
		]);
	school = await people.organisation(
		[
			[owner, 'owner'],
			[admin, 'admin'],
			[member, 'member'],
			[emailMember, 'member'],
			[digestMember, 'member'],
			[silentMember, 'member'],
			[englishAdmin, 'admin']
		],
		{ name: 'Sint-Jozefschool Meldingen' }
	);
	academy = await people.organisation([[proposer, 'member']], {
		kind: 'academy',
		name: 'Academie Meldingen'
	});
	await choose(emailMember, 'agreement_proposed', 'email');
	await choose(digestMember, 'agreement_proposed', 'digest');
	await choose(silentMember, 'agreement_proposed', 'none');
	// Switched to English while signed in (what /taal stores).
	const { error: localeError } = await englishAdmin.client
		.from('account_locales')
		.upsert({ user_id: englishAdmin.id, locale: 'en' }, { onConflict: 'user_id' });
	if (localeError) throw localeError;

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

describe('a new proposal for the school', () => {
	it('is written for each member with the delivery their choice or role decides, and not for `none`', async () => {
		expect(await delivered(owner, 'agreement_proposed')).toEqual([
			{ delivery: 'email', emailed: false }
		]);
		expect(await delivered(admin, 'agreement_proposed')).toEqual([
			{ delivery: 'email', emailed: false }
		]);
		expect(await delivered(member, 'agreement_proposed')).toEqual([
			{ delivery: 'app', emailed: false }
		]);
		expect(await delivered(emailMember, 'agreement_proposed')).toEqual([
			{ delivery: 'email', emailed: false }
		]);
		expect(await delivered(digestMember, 'agreement_proposed')).toEqual([
			{ delivery: 'digest', emailed: false }
		]);
		expect(await delivered(silentMember, 'agreement_proposed')).toEqual([]);
		// The in-app list shows it to everyone but the one who chose none.
		const { data } = await member.client
			.from('notifications')
			.select('kind')
			.eq('agreement_id', agreementId);
		expect(data).toEqual([{ kind: 'agreement_proposed' }]);
	});

	it('is mailed at once to the owner, the admin and the member who chose e-mail; not to the others', async () => {
		const result = await sendInstantMails(job());
		expect(result.failed).toBe(0);

		for (const person of [owner, admin, emailMember]) {
			const mails = await mailsTo(person.email);
			expect(mails.map((mail) => mail.Subject)).toEqual([
				expect.stringMatching(/^Groeistoot: Nieuw voorstel van Academie Meldingen/)
			]);
			expect(mails[0]!.Text).toContain(`${origin}/afspraken/${agreementId}`);
			expect(await delivered(person, 'agreement_proposed')).toEqual([
				{ delivery: 'email', emailed: true }
			]);
		}
		for (const person of [member, digestMember, silentMember]) {
			expect(await mailsTo(person.email)).toEqual([]);
		}
		expect(await delivered(digestMember, 'agreement_proposed')).toEqual([
			{ delivery: 'digest', emailed: false }
		]);
	});

	it('is written in English for the admin who reads Groeistoot in English', async () => {
		const [mail, ...others] = await mailsTo(englishAdmin.email);
		expect(others).toEqual([]);
		expect(mail!.Subject).toMatch(
			/^Groeistoot: New proposal from Academie Meldingen: “.+” for “Een labo voor onze robotica”$/
		);
		expect(mail!.Text).toContain(`See it on Groeistoot:\n${origin}/afspraken/${agreementId}`);
		expect(mail!.Text).toContain('No more e-mails about this kind of notification: ');
		expect(mail!.Text).not.toMatch(/Nieuw|voorstel|Bekijk|Kies hoe/);
		// The Dutch owner's mail of the same notification stays Dutch.
		const [dutch] = await mailsTo(owner.email);
		expect(dutch!.Text).toContain('Bekijk het op Groeistoot:');
	});

	it('carries a signed unsubscribe link for the person and kind, in the text and the one-click headers', async () => {
		const [mail] = await mailsTo(emailMember.email);
		const link = /https?:\/\/\S+\/meldingen\/uitschrijven\?\S+/.exec(mail!.Text)?.[0];
		expect(link, mail!.Text).toBeDefined();
		const url = new URL(link!);
		expect(url.origin).toBe(origin);
		expect(verifyUnsubscribe(url.searchParams, linkSecret)).toMatchObject({
			ok: true,
			userId: emailMember.id,
			scope: 'agreement_proposed'
		});

		const headers = await headersOf(mail!);
		expect(headers['List-Unsubscribe']).toEqual([`<${link}>`]);
		expect(headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click']);
	});

	it('is not mailed again by a later run', async () => {
		await sendInstantMails(job());
		expect(await mailsTo(owner.email)).toHaveLength(1);
	});
});

describe('two mailers at the same moment', () => {
	it('mail each notification once', async () => {
		for (let i = 0; i < 5; i += 1) {
			const { error } = await proposer.client.from('agreement_messages').insert({
				agreement_id: agreementId,
				organisation_id: academy.id,
				body: `Bericht ${i}`
			});
			if (error) throw error;
		}
		const [first, second] = await Promise.all([
			sendInstantMails({ ...job(), batch: 2 }),
			sendInstantMails({ ...job(), batch: 2 })
		]);
		expect(first.failed + second.failed).toBe(0);
		// Messages go by default to the owner and the admin only (the members chose for proposals).
		for (const person of [owner, admin]) {
			const messages = (await mailsTo(person.email)).filter((mail) =>
				mail.Subject.startsWith('Groeistoot: Nieuw bericht van Academie Meldingen')
			);
			expect(messages).toHaveLength(5);
		}
		expect(await mailsTo(emailMember.email)).toHaveLength(1);
		expect(await mailsTo(member.email)).toEqual([]);
	});
});

describe('a failed send', () => {
	it('gives the notification back, and the next run mails it', async () => {
		const { error } = await proposer.client.from('agreement_messages').insert({
			agreement_id: agreementId,
			organisation_id: academy.id,
			body: 'Nog een vraag'
		});
		if (error) throw error;
		const failing = await sendInstantMails({
			...job(),
			send: async () => {
				throw new Error('SMTP away');
			},
			log: () => {}
		});
		expect(failing.sent).toBe(0);
		expect(failing.failed).toBeGreaterThanOrEqual(2);
		const waiting = await people.query(
			`select 1 from public.notifications where agreement_id = $1 and delivery = 'email' and emailed_at is null`,
			[agreementId]
		);
		// The owner's and the two admins' mails about the message.
		expect(waiting).toHaveLength(3);

		await sendInstantMails(job());
		expect(
			(await mailsTo(owner.email)).filter((mail) => mail.Subject.includes('Nieuw bericht'))
		).toHaveLength(6);
	});
});

describe('changing a choice', () => {
	it('stops what still waits to be mailed for that kind, and never mails a backlog', async () => {
		// The digest member's proposal waits for the digest; switching to e-mail does not mail it now.
		await choose(digestMember, 'agreement_proposed', 'email');
		expect(await delivered(digestMember, 'agreement_proposed')).toEqual([
			{ delivery: 'app', emailed: false }
		]);
		await sendInstantMails(job());
		expect(await mailsTo(digestMember.email)).toEqual([]);
	});
});
