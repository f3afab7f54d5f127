// @ts-check
// "Ik wil helpen" in the demo (supabase/seed/08_help.sql): people who answered an academy's request for
// volunteers or expertise themselves, each an agreement with the person as the other side.
//   - vrijwilliger@ offered to help De Uitvinders (coordinator@'s academy): a proposal coordinator@ answers;
//   - vrijwilliger@ helps Coding Girls Leuven: accepted, the extract (model 2) seen, a first session planned;
//   - leerkracht@ offered to help Veldwerkclub Gent. leerkracht@ is a member of De Uitvinders (the seed
//     pins that), and nobody offers help to their own academy.
// Deterministic: fixed ids and times; the check and the first session are relative to the day it loads.
import { num, text, values } from './sql.js';

export const LEERKRACHT_ID = 'd0000000-0000-4000-8000-000000000001';
export const VRIJWILLIGER_ID = 'd0000000-0000-4000-8000-000000000002';

/**
 * @typedef {{ id: string, requestId: string, academyId: string, helperId: string, availability: string | null,
 *   status: 'proposed' | 'accepted', firstSessionInDays: number | null, createdAt: string, updatedAt: string,
 *   log: ({ at: string, type: 'event', status: string, organisationId: string | null, actor: string }
 *     | { at: string, type: 'message', organisationId: string | null, actor: string, body: string })[] }} HelpAgreement
 * @typedef {{ id: string, organisationId: string, volunteerName: string, agreementId: string,
 *   seenDaysAgo: number, seenByName: string, recordedBy: string }} HelpCheck
 */

/**
 * @param {{ organisations: { id: string, name: string }[], memberships: { organisationId: string,
 *   userId: string, role: string }[], people: { id: string, displayName: string }[] }} seed
 * @param {{ requests: { id: string, organisationId: string, kind: string, status: string }[] }} exchange
 * @param {{ id: string, displayName: string }[]} demoAccounts
 */
export function buildHelp(seed, exchange, demoAccounts) {
	const academy = (/** @type {string} */ name) => {
		const org = seed.organisations.find((o) => o.name === name);
		if (!org) throw new Error(`no organisation ${name}`);
		return org;
	};
	/** The academy's first open request a person can answer (volunteers or expertise). @param {string} id */
	const openHelpRequest = (id) => {
		const request = exchange.requests
			.filter((r) => r.organisationId === id && r.status === 'open')
			.filter((r) => r.kind === 'volunteers' || r.kind === 'expertise')
			.sort((a, b) => a.id.localeCompare(b.id))[0];
		if (!request) throw new Error(`no open volunteers or expertise request of ${id}`);
		return request;
	};
	const names = new Map([...seed.people, ...demoAccounts].map((p) => [p.id, p.displayName]));
	/** @param {string} id */
	const ownerOf = (id) => {
		const owner = seed.memberships.find((m) => m.organisationId === id && m.role === 'owner');
		if (!owner) throw new Error(`no owner of ${id}`);
		return { id: owner.userId, name: names.get(owner.userId) ?? 'De coördinator' };
	};

	const uitvinders = academy('STEM-academie De Uitvinders');
	const codingGirls = academy('Coding Girls Leuven');
	const veldwerk = academy('Veldwerkclub Gent');
	const codingGirlsOwner = ownerOf(codingGirls.id);
	const tom = names.get(VRIJWILLIGER_ID) ?? 'Tom Jacobs';

	/** @type {HelpAgreement[]} */
	const agreements = [
		{
			id: 'f5000000-0000-4000-8000-000000000001',
			requestId: openHelpRequest(uitvinders.id).id,
			academyId: uitvinders.id,
			helperId: VRIJWILLIGER_ID,
			availability: 'woensdagnamiddag, om de twee weken',
			status: 'proposed',
			firstSessionInDays: null,
			createdAt: '2026-11-25 19:30:00+01',
			updatedAt: '2026-11-25 19:30:00+01',
			log: [
				{
					at: '2026-11-25 19:30:00+01',
					type: 'event',
					status: 'proposed',
					organisationId: null,
					actor: VRIJWILLIGER_ID
				},
				{
					at: '2026-11-25 19:30:00+01',
					type: 'message',
					organisationId: null,
					actor: VRIJWILLIGER_ID,
					body: 'Dag! Ik ben ingenieur en begeleid al twee jaar een robotica-team in Leuven. Ik kom graag mentor zijn bij jullie team.'
				}
			]
		},
		{
			id: 'f5000000-0000-4000-8000-000000000002',
			requestId: openHelpRequest(codingGirls.id).id,
			academyId: codingGirls.id,
			helperId: VRIJWILLIGER_ID,
			availability: 'zaterdagvoormiddag',
			status: 'accepted',
			firstSessionInDays: 12,
			createdAt: '2026-11-10 20:00:00+01',
			updatedAt: '2026-11-12 18:05:00+01',
			log: [
				{
					at: '2026-11-10 20:00:00+01',
					type: 'event',
					status: 'proposed',
					organisationId: null,
					actor: VRIJWILLIGER_ID
				},
				{
					at: '2026-11-10 20:00:00+01',
					type: 'message',
					organisationId: null,
					actor: VRIJWILLIGER_ID,
					body: 'Ik help graag bij jullie programmeerlessen. Ik kan op zaterdagvoormiddag.'
				},
				{
					at: '2026-11-12 18:00:00+01',
					type: 'event',
					status: 'accepted',
					organisationId: codingGirls.id,
					actor: codingGirlsOwner.id
				},
				{
					at: '2026-11-12 18:05:00+01',
					type: 'message',
					organisationId: codingGirls.id,
					actor: codingGirlsOwner.id,
					body: 'Welkom! Breng je uittreksel uit het strafregister (model 2) mee naar de eerste sessie.'
				}
			]
		},
		{
			id: 'f5000000-0000-4000-8000-000000000003',
			requestId: openHelpRequest(veldwerk.id).id,
			academyId: veldwerk.id,
			helperId: LEERKRACHT_ID,
			availability: 'woensdagnamiddag',
			status: 'proposed',
			firstSessionInDays: null,
			createdAt: '2026-11-24 16:00:00+01',
			updatedAt: '2026-11-24 16:00:00+01',
			log: [
				{
					at: '2026-11-24 16:00:00+01',
					type: 'event',
					status: 'proposed',
					organisationId: null,
					actor: LEERKRACHT_ID
				},
				{
					at: '2026-11-24 16:00:00+01',
					type: 'message',
					organisationId: null,
					actor: LEERKRACHT_ID,
					body: 'Ik geef fysica en help graag met de elektronica. Woensdagnamiddag past het best.'
				}
			]
		}
	];

	/** @type {HelpCheck[]} */
	const checks = [
		{
			id: 'f5100000-0000-4000-8000-000000000001',
			organisationId: codingGirls.id,
			volunteerName: tom,
			agreementId: 'f5000000-0000-4000-8000-000000000002',
			seenDaysAgo: 14,
			seenByName: codingGirlsOwner.name,
			recordedBy: codingGirlsOwner.id
		}
	];
	return { agreements, checks };
}

const HEADER = `-- Generated by scripts/seed/generate.js; do not edit. Regenerate with \`node scripts/seed/generate.js\`.
-- "Ik wil helpen": agreements with a person as the other side (scripts/seed/help.js). Safe to run again:
-- existing rows are kept, and the history and thread are only written for agreements new to the database.`;

/** @param {ReturnType<typeof buildHelp>} help */
export function helpSql({ agreements, checks }) {
	const log = agreements.flatMap((a) => a.log.map((entry) => ({ agreementId: a.id, ...entry })));
	return `${HEADER}

create temporary table seed_new_help (id uuid primary key);

with inserted as (
	insert into public.agreements (
		id, request_id, academy_id, helper_id, helper_availability, status, first_session_on, created_by,
		created_at, updated_at
	)
	select v.id::uuid, v.request_id::uuid, v.academy_id::uuid, v.helper_id::uuid, v.availability, v.status,
		private.today_in_belgium() + v.first_session_in_days, v.helper_id::uuid, v.created_at::timestamptz,
		v.updated_at::timestamptz
	from (
		values
${values(
	agreements.map((a) => [
		text(a.id),
		text(a.requestId),
		text(a.academyId),
		text(a.helperId),
		text(a.availability),
		text(a.status),
		num(a.firstSessionInDays),
		text(a.createdAt),
		text(a.updatedAt)
	])
)}
	) as v (id, request_id, academy_id, helper_id, availability, status, first_session_in_days, created_at,
		updated_at)
	on conflict (id) do nothing
	returning id
)
insert into seed_new_help (id) select id from inserted;

-- One entry at a time, so that the notifications its trigger writes get the entry's time.
do $$
declare
	entry record;
	last_id bigint;
begin
	for entry in
		select l.*
		from (
			values
${values(
	log.map((entry, index) => [
		num(index + 1),
		text(entry.agreementId),
		text(entry.at),
		text(entry.type),
		text(entry.type === 'event' ? entry.status : null),
		text(entry.organisationId),
		text(entry.actor),
		text(entry.type === 'message' ? entry.body : null)
	])
).replace(/^/gm, '\t')}
		) as l (seq, agreement_id, at, entry, status, organisation_id, actor, body)
		join seed_new_help n on n.id = l.agreement_id::uuid
		order by l.at::timestamptz, l.seq
	loop
		select coalesce(max(x.id), 0) into last_id from public.notifications x;
		if entry.entry = 'event' then
			insert into public.agreement_events (agreement_id, status, organisation_id, actor, created_at)
			values (entry.agreement_id::uuid, entry.status, entry.organisation_id::uuid, entry.actor::uuid,
				entry.at::timestamptz);
		else
			insert into public.agreement_messages (agreement_id, author, organisation_id, body, created_at)
			values (entry.agreement_id::uuid, entry.actor::uuid, entry.organisation_id::uuid, entry.body,
				entry.at::timestamptz);
		end if;
		update public.notifications x
		set created_at = entry.at::timestamptz,
			emailed_at = entry.at::timestamptz,
			read_at = case when entry.at::timestamptz < '2026-11-20 00:00:00+01' then entry.at::timestamptz + interval '1 day' end
		where x.id > last_id and x.agreement_id = entry.agreement_id::uuid;
	end loop;
end;
$$;

-- An accepted agreement puts its request in progress.
update public.requests r set status = 'in_progress'
from seed_new_help n
join public.agreements a on a.id = n.id
where r.id = a.request_id and a.status = 'accepted' and r.status = 'open';

drop table seed_new_help;

-- The extract (model 2) the academy saw before the first session: "gezien op DATUM door NAAM".
insert into public.volunteer_checks (
	id, organisation_id, volunteer_name, agreement_id, seen_on, seen_by_name, recorded_by, created_at
)
select v.id::uuid, v.organisation_id::uuid, v.volunteer_name, v.agreement_id::uuid,
	private.today_in_belgium() - v.days_ago, v.seen_by_name, v.recorded_by::uuid,
	now() - make_interval(days => v.days_ago, hours => -2)
from (
	values
${values(
	checks.map((c) => [
		text(c.id),
		text(c.organisationId),
		text(c.volunteerName),
		text(c.agreementId),
		num(c.seenDaysAgo),
		text(c.seenByName),
		text(c.recordedBy)
	])
)}
) as v (id, organisation_id, volunteer_name, agreement_id, days_ago, seen_by_name, recorded_by)
on conflict (id) do nothing;
`;
}
