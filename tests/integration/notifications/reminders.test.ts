// The day-before event reminders as the scheduled job runs them (service role, SMTP to the stack's
// mailbox): a person going to tomorrow's event gets one reminder and one mail however often the job runs;
// someone who cancelled gets none. Against the real stack and its mailbox.
import { sendEventReminders } from '$lib/server/mail-jobs/reminders.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPeople, type Person } from '../db/people.js';
import { job, mailsTo } from './support.js';

const people = testPeople('herinnering');
let communityId: string;
let organiser: Person;
let guest: Person;
let cancelled: Person;
let eventId: string;

/** Tomorrow in Brussels at `time`, as the RPC takes it (no zone). */
function tomorrowAt(time: string) {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
		new Date(Date.now() + 24 * 3600 * 1000)
	);
	return `${day}T${time}:00`;
}

beforeAll(async () => {
	[organiser, guest, cancelled] = await Promise.all([
		people.signUp('organisator'),
		people.signUp('gast'),
		people.signUp('afgemeld')
	]);
	const [community] = await people.query<{ id: string }>(
		`insert into public.communities (kind, slug, name) values ('region', $1, 'Herinneringen test') returning id`,
		[people.slug('herinnering')]
	);
	communityId = community!.id;
	await people.query(
		`insert into public.community_municipalities (community_id, municipality_nis) values ($1, '38014')`,
		[communityId]
	);
	await people.query(
		`insert into public.community_members (community_id, user_id, person_kind)
		 select $1, unnest($2::uuid[]), 'teacher'`,
		[communityId, [organiser.id, guest.id, cancelled.id]]
	);
	const { data, error } = await organiser.client.rpc('create_community_event', {
		p_community_id: communityId,
		p_kind: 'meetup',
		p_title: 'Robotavond morgen',
		p_description: 'We bouwen een robot',
		p_address: 'Zeedijk 1',
		p_municipality_nis: '38014',
		p_starts_local: tomorrowAt('19:00'),
		p_ends_local: tomorrowAt('21:00')
	});
	if (error) throw error;
	eventId = data as string;
	for (const person of [guest, cancelled]) {
		const { error: rsvpError } = await person.client.rpc('rsvp_event', { p_event_id: eventId });
		if (rsvpError) throw rsvpError;
	}
	const { error: cancelError } = await cancelled.client.rpc('cancel_event_rsvp', {
		p_event_id: eventId
	});
	if (cancelError) throw cancelError;
});

afterAll(async () => {
	if (communityId)
		await people.query('delete from public.communities where id = $1', [communityId]);
	await people.remove();
});

describe('the event reminder job', () => {
	it('writes one reminder per person going and mails it once, however often it runs', async () => {
		await Promise.all([sendEventReminders(job()), sendEventReminders(job())]);
		await sendEventReminders(job());

		const reminders = await people.query<{ user_id: string; emailed: boolean }>(
			`select user_id, emailed_at is not null as emailed from public.notifications
			 where event_id = $1 and kind = 'event_reminder'`,
			[eventId]
		);
		expect(reminders).toEqual([{ user_id: guest.id, emailed: true }]);

		const mails = await mailsTo(guest.email);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.Text).toContain('Robotavond morgen');
		expect(mails[0]!.Text).toContain(`/evenementen/${eventId}`);
		expect(await mailsTo(cancelled.email)).toEqual([]);
	});
});
