// @ts-check
// Local communities for the demo (supabase/seed/06_communities.sql): the communities of Gent, Leuven,
// Brugge, Kortrijk, Antwerpen, Poperinge and Vleteren, the active region Westhoek and a region waiting for
// network staff, with organisations and people of every kind. leerkracht@ is in Gent as a teacher (in the
// directory), vrijwilliger@ in Leuven and Gent as a volunteer. GO! atheneum Brugge (school@'s school) and
// bedrijf@'s company stay out, so the demo admins can let them join. Deterministic: no randomness, no clock.
import { bool, daysAgo, text, values } from './sql.js';

/** @typedef {import('./build.js').Organisation} Organisation */
/** @typedef {import('./build.js').Person} Person */
/**
 * @typedef {{ id: string, kind: 'municipality' | 'region', nis: string | null, slug: string | null,
 *   name: string, description: string, status: 'active' | 'proposed', places: string[],
 *   proposedBy: string | null, decided: boolean, daysAgo: number }} Community
 * @typedef {{ id: string, communityId: string, userId: string | null, organisationId: string | null,
 *   personKind: string | null, role: 'member' | 'host', inDirectory: boolean, daysAgo: number }} Member
 */

export const LEERKRACHT_ID = 'd0000000-0000-4000-8000-000000000001';
export const VRIJWILLIGER_ID = 'd0000000-0000-4000-8000-000000000002';
/** Left out so that school@ and bedrijf@ can let their organisation join in the demo. */
const LEFT_OUT = new Set([
	'c2000000-0000-4000-8000-000000000001' // GO! atheneum Brugge (school@)
]);
const LEFT_OUT_ADMINS = new Set(['bedrijf@groeistoot.test', 'school@groeistoot.test']);

const communityId = (/** @type {number} */ n) =>
	`c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const memberId = (/** @type {number} */ n) =>
	`cc000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const MUNICIPALITIES = [
	{ n: 1, nis: '44021', name: 'Gent' },
	{ n: 2, nis: '24062', name: 'Leuven' },
	{ n: 3, nis: '31005', name: 'Brugge' },
	{ n: 4, nis: '34022', name: 'Kortrijk' },
	{ n: 5, nis: '11002', name: 'Antwerpen' },
	{ n: 6, nis: '33021', name: 'Poperinge' },
	{ n: 7, nis: '33041', name: 'Vleteren' }
];
const WESTHOEK = ['33021', '33041', '33011', '33039', '33040', '32003', '33016'];
const MEETJESLAND = ['43005', '43010', '43002', '43014'];

/** How many organisations of each kind join their municipality's community. */
const PER_KIND = { academy: 4, school: 3, company: 3, partner: 2 };

/** @param {Person} person @param {number} index */
function personKind(person, index) {
	if (index % 9 === 4) return 'parent';
	if (index % 11 === 6) return 'officer';
	if (person.personas.includes('teacher') || person.personas.includes('school_staff'))
		return 'teacher';
	if (person.personas.includes('volunteer')) return 'volunteer';
	return 'other';
}

/**
 * @param {{ people: Person[], organisations: Organisation[], memberships: import('./build.js').Membership[] }} seed
 */
export function buildCommunities(seed) {
	/** @type {Community[]} */
	const communities = MUNICIPALITIES.map(({ n, nis, name }) => ({
		id: communityId(n),
		kind: /** @type {const} */ ('municipality'),
		nis,
		slug: null,
		name,
		description:
			n === 1
				? 'Leerkrachten, vrijwilligers, academies, scholen en bedrijven in Gent die samen STEM-activiteiten mogelijk maken. Iedereen welkom!'
				: '',
		status: /** @type {const} */ ('active'),
		places: [nis],
		proposedBy: null,
		decided: false,
		daysAgo: 60 - n
	}));
	const academyIn = (/** @type {string[]} */ places) =>
		seed.organisations.find((o) => o.kind === 'academy' && places.includes(o.nis)) ??
		seed.organisations.find((o) => o.kind === 'academy');
	const westhoekAcademy = academyIn(WESTHOEK);
	const meetjeslandAcademy = academyIn(MEETJESLAND);
	communities.push({
		id: communityId(10),
		kind: 'region',
		nis: null,
		slug: 'westhoek',
		name: 'Westhoek',
		description:
			'De STEM-community van de Westhoek: kleine gemeenten die samen sterker staan, van Poperinge tot Diksmuide.',
		status: 'active',
		places: WESTHOEK,
		proposedBy: westhoekAcademy?.id ?? null,
		decided: true,
		daysAgo: 40
	});
	communities.push({
		id: communityId(11),
		kind: 'region',
		nis: null,
		slug: 'meetjesland',
		name: 'Meetjesland',
		description: 'Academies, scholen en bedrijven van het Meetjesland die samen STEM aanbieden.',
		status: 'proposed',
		places: MEETJESLAND,
		proposedBy: meetjeslandAcademy?.id ?? null,
		decided: false,
		daysAgo: 3
	});

	const leftOutOrganisations = new Set(LEFT_OUT);
	const emailOf = new Map(seed.people.map((p) => [p.id, p.email]));
	for (const membership of seed.memberships) {
		if (LEFT_OUT_ADMINS.has(emailOf.get(membership.userId) ?? '')) {
			leftOutOrganisations.add(membership.organisationId);
		}
	}

	/** @type {Member[]} */
	const members = [];
	const add = (/** @type {Omit<Member, 'id'>} */ member) =>
		members.push({ id: memberId(members.length + 1), ...member });

	for (const community of communities) {
		if (community.status !== 'active') continue;
		for (const [kind, count] of Object.entries(PER_KIND)) {
			const local = seed.organisations
				.filter(
					(o) =>
						o.kind === kind && community.places.includes(o.nis) && !leftOutOrganisations.has(o.id)
				)
				.sort((a, b) => a.id.localeCompare(b.id))
				.slice(0, community.kind === 'region' ? 1 : count);
			for (const organisation of local) {
				add({
					communityId: community.id,
					userId: null,
					organisationId: organisation.id,
					personKind: null,
					role: organisation.id === community.proposedBy ? 'host' : 'member',
					inDirectory: false,
					daysAgo: community.daysAgo - 1
				});
			}
		}
		if (
			community.proposedBy &&
			!members.some(
				(m) => m.communityId === community.id && m.organisationId === community.proposedBy
			)
		) {
			add({
				communityId: community.id,
				userId: null,
				organisationId: community.proposedBy,
				personKind: null,
				role: 'host',
				inDirectory: false,
				daysAgo: community.daysAgo
			});
		}
	}
	// The waiting region's proposer is its host, as propose_region() makes it.
	const waiting = communities.find((c) => c.status === 'proposed');
	if (waiting?.proposedBy) {
		add({
			communityId: waiting.id,
			userId: null,
			organisationId: waiting.proposedBy,
			personKind: null,
			role: 'host',
			inDirectory: false,
			daysAgo: waiting.daysAgo
		});
	}

	const byNis = new Map(communities.filter((c) => c.nis).map((c) => [c.nis, c.id]));
	add({
		communityId: communityId(1),
		userId: LEERKRACHT_ID,
		organisationId: null,
		personKind: 'teacher',
		role: 'member',
		inDirectory: true,
		daysAgo: 20
	});
	for (const n of [2, 1]) {
		add({
			communityId: communityId(n),
			userId: VRIJWILLIGER_ID,
			organisationId: null,
			personKind: 'volunteer',
			role: 'member',
			inDirectory: true,
			daysAgo: 18 + n
		});
	}
	const generated = seed.people
		.filter((p) => !p.demo && p.personas.length > 0 && byNis.has(p.nis))
		.sort((a, b) => a.id.localeCompare(b.id));
	generated.forEach((person, index) => {
		const id = byNis.get(person.nis);
		if (!id) return;
		add({
			communityId: id,
			userId: person.id,
			organisationId: null,
			personKind: personKind(person, index),
			role: index === 0 ? 'host' : 'member',
			inDirectory: index % 3 !== 2,
			daysAgo: 30 - (index % 25)
		});
	});
	return { communities, members };
}

/** @param {ReturnType<typeof buildCommunities>} built @param {string} staffId */
export function communitiesSql({ communities, members }, staffId) {
	const out = [];
	out.push(`-- Generated by scripts/seed/generate.js; do not edit. Regenerate with \`node scripts/seed/generate.js\`.
-- Demo data only, deterministic (fixed ids). Safe to run again: existing rows are kept.
-- ${communities.length} communities (${communities.filter((c) => c.kind === 'region').length} regions, one waiting for staff), ${members.length} members.
-- No personal data of children: a parent joins as a person, never with a child's details.`);
	out.push(`insert into public.communities (id, kind, municipality_nis, slug, name, description, status,
	proposed_by_organisation, decided_by, decided_at, created_at, updated_at)
values
${values(
	communities.map((c) => [
		text(c.id),
		text(c.kind),
		text(c.nis),
		text(c.slug),
		text(c.name),
		text(c.description),
		text(c.status),
		text(c.proposedBy),
		c.decided ? text(staffId) : 'null',
		c.decided ? daysAgo(c.daysAgo - 2) : 'null',
		daysAgo(c.daysAgo),
		daysAgo(c.daysAgo)
	])
)}
on conflict do nothing;`);
	out.push(`insert into public.community_municipalities (community_id, municipality_nis)
values
${values(communities.flatMap((c) => c.places.map((nis) => [text(c.id), text(nis)])))}
on conflict do nothing;`);
	out.push(`insert into public.community_members (id, community_id, user_id, organisation_id, person_kind, role,
	in_directory, joined_by, created_at)
values
${values(
	members.map((m) => [
		text(m.id),
		text(m.communityId),
		text(m.userId),
		text(m.organisationId),
		text(m.personKind),
		text(m.role),
		bool(m.inDirectory),
		text(m.userId),
		daysAgo(m.daysAgo)
	])
)}
on conflict do nothing;`);
	return out.join('\n\n') + '\n';
}
