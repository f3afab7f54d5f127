// Generated bad input against every form of the built app, as an attacker would send it: each form found on the
// pages a signed-in owner (and a visitor) sees is posted with its fields replaced by wrong types, huge and empty
// values, NUL bytes, other organisations' ids, malformed ids and dates, repeated or missing fields. No answer
// may be a 5xx, and an answer that refuses (4xx) must leave the database exactly as it was.
import type { Page } from '@playwright/test';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import {
	badValue,
	changedTables,
	databaseFingerprint,
	endpoints,
	formsOn,
	routesWithActions,
	type FormShape
} from './attack-support';
import { SEARCH_PARAMS } from '../../src/lib/search/params';
import { apiUrl, serviceRoleKey } from '../../stack/config.js';
import { emailLinkSecret, signUnsubscribe } from '../../src/lib/server/mail-jobs/links.js';
import { exchangeFixture, type Person } from './exchange-support';
import { addConfirmedTotp, expect, gotoHydrated, test } from './support';

const { run, password, db, person, organisation, clientFor, pageFor, cleanUp } =
	exchangeFixture('fuzz');

/** Runs per form: enough to try every kind of bad value on every field a few times in CI's time. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

let owner: Person;
let other: Person;
let staff: Person;
const ids: Record<string, string> = {};

test.beforeAll(async () => {
	await db.connect();
	[owner, other, staff] = await Promise.all([
		person('eigenaar', 'Fien Fuzz'),
		person('ander', 'Otto Ander'),
		person('netwerk', 'Nora Netwerk')
	]);
	await db.query('insert into public.network_staff (user_id) values ($1)', [staff.id]);
	// Network staff pages need two-factor sign-in: signIn() passes the code step with this factor.
	await addConfirmedTotp(db, staff.id);
	const academy = await organisation('academy', `Fuzz-academie ${run}`, owner);
	const school = await organisation('school', `Fuzz-school ${run}`, owner);
	const company = await organisation('company', `Fuzz-bedrijf ${run}`, owner);
	const otherCompany = await organisation('company', `Ander bedrijf ${run}`, other);
	Object.assign(ids, {
		academyId: academy.id,
		schoolId: school.id,
		companyId: company.id,
		otherCompanyId: otherCompany.id
	});

	const ownerClient = await clientFor(owner);
	const otherClient = await clientFor(other);
	const insert = async (client: typeof ownerClient, table: string, values: object) => {
		const { data, error } = await client.from(table).insert(values).select('id').single();
		if (error) throw error;
		return (data as { id: string }).id;
	};
	const offer = (client: typeof ownerClient, organisationId: string, title: string) =>
		insert(client, 'offers', {
			organisation_id: organisationId,
			kind: 'materials',
			title,
			municipality_nis: '44021',
			radius_km: 25,
			materials: 'Laptops met Linux',
			quantity: 40
		});
	ids.offer = await offer(ownerClient, company.id, `Eigen laptops ${run}`);
	ids.otherOffer = await offer(otherClient, otherCompany.id, `Andermans laptops ${run}`);
	// An open request nobody answered yet: its page suggests the other company's laptops to propose.
	ids.openRequest = await insert(ownerClient, 'requests', {
		organisation_id: academy.id,
		kind: 'materials',
		title: `Nog meer laptops gezocht ${run}`,
		quantity: '5 laptops',
		municipality_nis: '44021'
	});

	// An accepted agreement that brings people: its page offers withdraw, fulfil, names and a first session.
	const mentors = await insert(otherClient, 'offers', {
		organisation_id: otherCompany.id,
		kind: 'volunteers',
		title: `Ingenieurs als mentor ${run}`,
		municipality_nis: '44021',
		radius_km: 25,
		people: 3
	});
	const mentorRequest = await insert(ownerClient, 'requests', {
		organisation_id: academy.id,
		kind: 'volunteers',
		title: `Mentoren gezocht ${run}`,
		people: 2,
		municipality_nis: '44021'
	});
	const { data: accepted, error: proposeError } = await otherClient.rpc('propose_agreement', {
		p_request_id: mentorRequest,
		p_offer_id: mentors,
		p_message: 'Twee mentoren.'
	});
	if (proposeError) throw proposeError;
	ids.accepted = accepted as string;
	const { error: acceptError } = await ownerClient.rpc('set_agreement_status', {
		p_agreement_id: ids.accepted,
		p_status: 'accepted'
	});
	if (acceptError) throw acceptError;
	await insert(ownerClient, 'agreement_volunteers', {
		agreement_id: ids.accepted,
		name: 'Mo Mentor'
	});
	// A person's agreement ("Ik wil helpen"), accepted: its page offers recording the person's extract
	// (model 2) and the first session. Before the other person joins the academy below: nobody offers help
	// to their own academy.
	const { data: help, error: helpError } = await otherClient.rpc('offer_help', {
		p_request_id: mentorRequest,
		p_message: 'Ik help graag zelf mee.'
	});
	if (helpError) throw helpError;
	ids.help = help as string;
	const { error: helpAcceptError } = await ownerClient.rpc('set_agreement_status', {
		p_agreement_id: ids.help,
		p_status: 'accepted'
	});
	if (helpAcceptError) throw helpAcceptError;
	// Someone else's academy asking for volunteers: its request's page offers "Ik wil helpen".
	const otherAcademy = await organisation('academy', `Andere academie ${run}`, other);
	ids.helpRequest = await insert(otherClient, 'requests', {
		organisation_id: otherAcademy.id,
		kind: 'volunteers',
		title: `Begeleiders gezocht ${run}`,
		people: 2,
		municipality_nis: '44021'
	});

	// Community events: a region around Gent (the owner's academy hosts it); the other person, a member,
	// organises one (the owner's page offers RSVP and, as host, cancelling it); the owner organises and
	// takes a place in another (its page offers cancelling the RSVP).
	const { rows: region } = await db.query<{ id: string }>(
		`insert into public.communities (kind, slug, name) values ('region', $1, $2) returning id`,
		[`fuzz-${run}`, `Fuzzregio ${run}`]
	);
	ids.community = region[0]!.id;
	await db.query(
		`insert into public.community_municipalities (community_id, municipality_nis) values ($1, '44021')`,
		[ids.community]
	);
	await db.query(
		`insert into public.community_members (community_id, user_id, person_kind) values ($1, $2, 'other')`,
		[ids.community, other.id]
	);
	// Community pages: the owner is not in the region above nor in Gent (their pages offer joining, letting
	// an organisation join and, as host, the description and roles); in Leuven (seed community
	// c0000000-…-02) and in a second region the owner and their company are members (leave, change, take
	// the company out).
	const { rows: memberRegion } = await db.query<{ id: string }>(
		`insert into public.communities (kind, slug, name) values ('region', $1, $2) returning id`,
		[`fuzz-lid-${run}`, `Fuzzregio lid ${run}`]
	);
	ids.memberCommunity = memberRegion[0]!.id;
	// A white spot where the owner registered interest (its page offers change and withdraw) and an
	// academy offers coaching (staff's detail page offers connect and link a coach).
	const { rows: spot } = await db.query<{ nis: string }>(
		`select m.nis from public.municipalities m
		 where m.valid_to is null and m.region = 'VLG'
			and not exists (select 1 from public.organisations o where o.municipality_nis = m.nis and o.kind = 'academy')
		 order by m.nis desc offset 1 limit 1`
	);
	ids.whiteSpot = spot[0]!.nis;
	await db.query(
		`insert into public.starter_interests (municipality_nis, user_id, role, offers, shown_as)
		 values ($1, $2, 'person', '{room}', 'name')`,
		[ids.whiteSpot, owner.id]
	);
	const { rows: coach } = await db.query<{ organisation_id: string }>(
		`insert into public.academy_coaching_offers (organisation_id)
		 select a.id from private.counted_academies() a
		 where not exists (select 1 from public.academy_coaching_offers c where c.organisation_id = a.id)
		 order by a.id limit 1
		 returning organisation_id`
	);
	ids.coachingAcademy = coach[0]!.organisation_id;
	// A verified academy of the owner's that offers coaching: its coaching page offers save and withdraw.
	const coaching = await organisation('academy', `Fuzz-coach ${run}`, owner);
	await db.query(
		`update public.organisations set verification_status = 'verified', verified_at = now() where id = $1`,
		[coaching.id]
	);
	await db.query(
		`insert into public.academy_coaching_offers (organisation_id, note) values ($1, 'Hulp bij de start')`,
		[coaching.id]
	);
	ids.coachingSlug = coaching.slug;
	// An academy's quality label application waiting for review: staff's review page offers its form.
	const { rows: review } = await db.query<{ id: string; organisation_id: string }>(
		`with academy as (
			insert into public.organisations (kind, name, slug, municipality_nis, lat, lng)
			values ('academy', $1, $2, '44021', 51.05, 3.72) returning id
		)
		insert into public.quality_applications (organisation_id, status, submitted_at)
		select id, 'submitted', now() from academy returning id, organisation_id`,
		[`Fuzzlabel ${run}`, `fuzzlabel-${run}`]
	);
	ids.qualityApplication = review[0]!.id;
	ids.qualityAcademy = review[0]!.organisation_id;
	await db.query(
		`insert into public.quality_assessments (application_id, criterion, self_assessment)
		 select $1, c, 'Zo doen we het.' from unnest(array['stem_integration', 'declared_accents',
			'creative_link', 'safeguarding', 'inclusion_plan', 'evaluation']) c`,
		[ids.qualityApplication]
	);
	// A region waiting for staff: /netwerk/regios offers approve and decline.
	const { rows: proposal } = await db.query<{ id: string }>(
		`insert into public.communities (kind, slug, name, status) values ('region', $1, $2, 'proposed')
		 returning id`,
		[`fuzz-voorstel-${run}`, `Fuzzvoorstel ${run}`]
	);
	ids.proposedCommunity = proposal[0]!.id;
	await db.query(
		`insert into public.community_municipalities (community_id, municipality_nis) values ($1, '44021')`,
		[ids.memberCommunity]
	);
	for (const community of [ids.memberCommunity, 'c0000000-0000-4000-8000-000000000002']) {
		await db.query(
			`insert into public.community_members (community_id, user_id, person_kind) values ($1, $2, 'teacher')`,
			[community, owner.id]
		);
		await db.query(
			`insert into public.community_members (community_id, organisation_id) values ($1, $2)`,
			[community, company.id]
		);
	}
	const event = async (client: typeof ownerClient, title: string) => {
		const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
		const { data, error } = await client.rpc('create_community_event', {
			p_community_id: ids.community,
			p_kind: 'meetup',
			p_title: title,
			p_description: '',
			p_address: 'Kouter 1',
			p_municipality_nis: '44021',
			p_starts_local: `${day}T19:00:00`,
			p_ends_local: `${day}T21:00:00`,
			p_capacity: 5
		});
		if (error) throw error;
		return data as string;
	};
	ids.otherEvent = await event(otherClient, `Andermans evenement ${run}`);
	ids.ownEvent = await event(ownerClient, `Eigen evenement ${run}`);
	const { error: rsvpError } = await ownerClient.rpc('rsvp_event', { p_event_id: ids.ownEvent });
	if (rsvpError) throw rsvpError;

	// Posts in the region the owner hosts, by the other person: a visible one with a comment (its page
	// offers comment, report, hide, pin and block), a hidden one (restore), an open report and a block
	// (/moderatie offers dismiss and unblock).
	const { rows: posts } = await db.query<{ id: string }>(
		`insert into public.posts (author_id, kind, title, body, status, hidden_reason)
		 values ($1, 'question', $2, 'Wie helpt?', 'visible', null),
		        ($1, 'question', $3, 'Reclame.', 'hidden', 'Reclame hoort hier niet.')
		 returning id`,
		[other.id, `Fuzzvraag ${run}`, `Verborgen fuzzvraag ${run}`]
	);
	ids.post = posts[0]!.id;
	ids.hiddenPost = posts[1]!.id;
	await db.query(
		`insert into public.post_communities (post_id, community_id) values ($1, $3), ($2, $3)`,
		[ids.post, ids.hiddenPost, ids.community]
	);
	await db.query(
		`insert into public.post_comments (post_id, author_id, body) values ($1, $2, 'Ik!')`,
		[ids.post, other.id]
	);
	await db.query(
		`insert into public.post_reports (reporter_id, post_id, reason) values ($1, $2, 'Dubbel gepost.')`,
		[other.id, ids.post]
	);
	await db.query(
		`insert into public.community_blocks (community_id, user_id, reason, blocked_by)
		 values ($1, 'd0000000-0000-4000-8000-000000000002', 'Fuzzblokkering.', $2)`,
		[ids.community, owner.id]
	);

	const { data: request, error: requestError } = await ownerClient
		.from('requests')
		.insert({
			organisation_id: academy.id,
			kind: 'materials',
			title: `Laptops gezocht ${run}`,
			quantity: '10 laptops',
			municipality_nis: '44021'
		})
		.select('id')
		.single();
	if (requestError) throw requestError;
	ids.request = (request as { id: string }).id;

	const { data: agreement, error: agreementError } = await otherClient.rpc('propose_agreement', {
		p_request_id: ids.request,
		p_offer_id: ids.otherOffer,
		p_message: 'Wij hebben laptops.'
	});
	if (agreementError) throw agreementError;
	ids.agreement = agreement as string;

	const { rows } = await db.query<{ id: string }>(
		`insert into public.activities (organisation_id, title, domains, format, age_min, age_max,
		 start_date, end_date, municipality_nis, status)
		 values ($1, $2, '{techniek}', 'korte_reeks', 10, 14, current_date + 30, current_date + 60, '44021', 'published')
		 returning id`,
		[academy.id, `Fuzz-robotica ${run}`]
	);
	ids.activity = rows[0]!.id;
	// A logo and a photo, so that the edit pages offer "remove" as well as "upload" (no file is needed:
	// removing a picture whose files are gone still clears it).
	await db.query(
		`update public.organisations set logo_path = id::text || '/fuzz-logo' where id = $1`,
		[academy.id]
	);
	await db.query(
		`update public.activities set photo_path = organisation_id::text || '/' || id::text || '/fuzz-photo',
		 photo_alt = 'Fuzz' where id = $1`,
		[ids.activity]
	);
	// A draft (its page offers "publish") and one that has taken place (its page takes a reach report).
	const { rows: more } = await db.query<{ id: string }>(
		`insert into public.activities (organisation_id, title, domains, format, age_min, age_max,
		 start_date, end_date, municipality_nis, status)
		 values ($1, $2, '{techniek}', 'korte_reeks', 10, 14, current_date + 30, current_date + 60, '44021', 'draft'),
		        ($1, $3, '{techniek}', 'korte_reeks', 10, 14, current_date - 60, current_date - 30, '44021', 'published')
		 returning id`,
		[academy.id, `Fuzz-ontwerp ${run}`, `Fuzz-voorbij ${run}`]
	);
	ids.draft = more[0]!.id;
	ids.past = more[1]!.id;
	// Last, so that their proposals above are the company's: someone to change the role of or remove, and an open invitation to revoke.
	await db.query(
		`insert into public.memberships (organisation_id, user_id, role) values ($1, $2, 'member')`,
		[academy.id, other.id]
	);
	const { error: inviteError } = await ownerClient.rpc('create_invitation', {
		p_organisation_id: academy.id,
		p_email: `uitgenodigd-${run}@groeistoot.test`,
		p_role: 'member'
	});
	if (inviteError) throw inviteError;

	// A good practice of the owner's in the community they join: the share form, its edit page and, for
	// staff, feature and then unfeature are fuzzed.
	const { data: communityId, error: joinError } = await ownerClient.rpc('join_community', {
		p_nis: '44021',
		p_person_kind: 'teacher'
	});
	if (joinError) throw joinError;
	const { data: practice, error: practiceError } = await ownerClient.rpc('share_good_practice', {
		p_title: `Fuzz-praktijk ${run}`,
		p_body: 'Wat werkte.',
		p_community_ids: [communityId],
		p_stem_letters: ['T'],
		p_domains: ['techniek'],
		p_age_min: 10,
		p_age_max: 12,
		p_format: 'losse_activiteit'
	});
	if (practiceError) throw practiceError;
	ids.practice = practice as string;

	// A teacher asking to be linked to the owner's school: its Leerkrachten page offers confirm and refuse.
	const { error: teacherError } = await otherClient.rpc('save_helper_profile', {
		p_profile: { interests: ['guest_lesson'], visibility: 'public' },
		p_slots: [],
		p_school_id: ids.schoolId
	});
	if (teacherError) throw teacherError;

	ids.unsubscribe = signUnsubscribe({
		userId: owner.id,
		scope: 'agreement_message',
		secret: emailLinkSecret({ supabaseUrl: apiUrl, serviceRoleKey })
	}).toString();

	const { data: token, error: tokenError } = await otherClient.rpc('create_invitation', {
		p_organisation_id: otherCompany.id,
		p_email: owner.email,
		p_role: 'member'
	});
	if (tokenError) throw tokenError;
	ids.invitation = token as string;
});

test.afterAll(async () => {
	if (ids.qualityAcademy)
		await db.query('delete from public.organisations where id = $1', [ids.qualityAcademy]);
	await db.query('delete from public.starter_coaches where municipality_nis = $1', [ids.whiteSpot]);
	await db.query('delete from public.academy_coaching_offers where organisation_id = $1', [
		ids.coachingAcademy
	]);
	// A post outlives its author's account (author_id null): the fuzz run's good practice goes first.
	if (ids.practice) await db.query('delete from public.posts where id = $1', [ids.practice]);
	// The posts in the fuzz regions (the seeded ones and any a valid fuzzed form wrote).
	await db.query(
		`delete from public.posts p where exists (select 1 from public.post_communities pc
		 where pc.post_id = p.id and pc.community_id = any($1::uuid[]))`,
		[[ids.community, ids.memberCommunity].filter(Boolean)]
	);
	if (ids.community)
		await db.query('delete from public.communities where id = $1', [ids.community]);
	for (const id of [ids.memberCommunity, ids.proposedCommunity])
		if (id) await db.query('delete from public.communities where id = $1', [id]);
	await cleanUp();
});

/**
 * The pages whose forms are fuzzed, as the owner of an academy, a school and a company sees them. `{academy}`,
 * `{school}` and `{company}` are the organisations' slugs at the moment the page is opened: a fuzzed edit that
 * happens to be valid may rename one.
 */
function ownerPages(): FuzzPage[] {
	return [
		'/profiel',
		// Set-up started: the confirmation form, and the unconfirmed app's removal. Then a fresh start.
		{
			path: '/profiel/tweestapsverificatie',
			before: async (page) => {
				await page.getByRole('button', { name: 'QR-code tonen' }).click();
				await expect(page.locator('form[action="?/confirm"]')).toBeVisible();
			}
		},
		'/profiel/tweestapsverificatie',
		'/profiel/meldingen',
		'/profiel/wachtwoord',
		'/profiel/leerkracht',
		`/meldingen/uitschrijven?${ids.unsubscribe}`,
		'/mijn-organisaties',
		'/organisaties/nieuw',
		// Before the request's own page, whose "close" may succeed (a closed request has no public page and
		// its agreements end).
		'/afspraken',
		`/afspraken/${ids.agreement}`,
		`/afspraken/${ids.accepted}`,
		`/vragen/${ids.request}`,
		`/vragen/${ids.openRequest}`,
		`/afspraken/${ids.help}`,
		`/vragen/${ids.helpRequest}`,
		'/organisaties/{academy}',
		'/organisaties/{academy}/bewerken',
		'/organisaties/{academy}/leden',
		'/organisaties/{academy}/academieprofiel',
		'/organisaties/{academy}/activiteiten',
		'/organisaties/{academy}/activiteiten/nieuw',
		'/organisaties/{academy}/activiteiten/importeren',
		`/organisaties/{academy}/activiteiten/${ids.activity}/bewerken`,
		`/organisaties/{academy}/activiteiten/${ids.past}/bereik`,
		`/organisaties/{academy}/activiteiten/${ids.draft}/bewerken`,
		'/organisaties/{academy}/vragen',
		'/organisaties/{academy}/vragen/nieuw',
		`/organisaties/{academy}/vragen/${ids.request}`,
		'/organisaties/{academy}/vrijwilligers',
		'/organisaties/{academy}/kwaliteitslabel',
		`/organisaties/${ids.coachingSlug}/coaching`,
		'/organisaties/{school}/aanbod/nieuw',
		'/organisaties/{school}/leerkrachten',
		'/organisaties/{company}/aanbod',
		`/organisaties/{company}/aanbod/${ids.offer}`,
		'/meldingen',
		`/uitnodiging/${ids.invitation}`,
		'/wachtwoord-herstellen',
		'/zoeken',
		'/academies',
		'/activiteiten',
		'/goede-praktijken/nieuw',
		`/goede-praktijken/${ids.practice}/bewerken`,
		`/evenementen/nieuw?community=${ids.community}`,
		`/evenementen/${ids.otherEvent}`,
		`/evenementen/${ids.ownEvent}`,
		'/agenda',
		'/gemeenten/44021/community',
		'/gemeenten/44021/community/leden',
		'/gemeenten/24062/community',
		`/regios/fuzz-${run}`,
		`/regios/fuzz-${run}/leden`,
		`/regios/fuzz-lid-${run}`,
		'/organisaties/{academy}/regios',
		`/gemeenten/${ids.whiteSpot}`,
		// Last: a valid fuzzed block takes the other person out of the region.
		`/berichten/nieuw?community=${ids.community}`,
		'/moderatie',
		`/berichten/${ids.hiddenPost}`,
		`/berichten/${ids.post}`
	];
}

/** A page path with the organisations' current slugs filled in. */
async function currentPath(path: string): Promise<string> {
	const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
	if (names.length === 0) return path;
	const { rows } = await db.query<{ id: string; slug: string }>(
		'select id, slug from public.organisations where id = any($1::uuid[])',
		[names.map((name) => ids[`${name}Id`])]
	);
	return path.replace(
		/\{(\w+)\}/g,
		(_, name: string) => rows.find((r) => r.id === ids[`${name}Id`])!.slug
	);
}

const guestPages = [
	'/aanmelden',
	'/aanmelden/link',
	'/registreren',
	'/wachtwoord-vergeten',
	'/',
	'/zoeken',
	'/dekking',
	'/dekking/witte-vlekken'
];

/** Forms that end the session under test rather than change data: fuzzed separately by their own specs. */
const sessionEnders = /^\/afmelden/;

/** One request built from a form: some fields bad, some missing, some repeated, the rest as rendered. */
function requestFor(form: FormShape, otherIds: string[]) {
	const names = [...new Set(form.fields.map((f) => f.name))];
	return fc
		.record({
			changes: fc.array(
				fc.record({
					name: fc.constantFrom(...(names.length > 0 ? names : ['x'])),
					how: fc.constantFrom('bad', 'bad', 'bad', 'missing', 'repeated'),
					value: badValue(otherIds)
				}),
				{ minLength: 1, maxLength: Math.max(1, Math.min(6, names.length)) }
			),
			extra: fc.option(fc.tuple(fc.string({ maxLength: 20 }), badValue(otherIds)), {
				nil: undefined
			})
		})
		.map(({ changes, extra }) => {
			const body = new URLSearchParams();
			const done = new Set<string>();
			for (const field of form.fields) {
				const change = changes.filter((c) => c.name === field.name);
				if (change.some((c) => c.how === 'missing')) continue;
				const bad = change.filter((c) => c.how !== 'missing');
				if (bad.length === 0) {
					// Checkboxes and radio buttons are sent unchecked; other fields as the page rendered them.
					if (!['checkbox', 'radio'].includes(field.type)) body.append(field.name, field.value);
					continue;
				}
				if (done.has(field.name)) continue;
				done.add(field.name);
				for (const c of bad) {
					body.append(field.name, c.value);
					if (c.how === 'repeated') body.append(field.name, c.value);
				}
			}
			if (extra) body.append(extra[0], extra[1]);
			return body;
		});
}

/**
 * Sends generated bad input to every form on the given pages, as the page's person. Returns the forms it fuzzed
 * (path + action), so the caller can check that every action in the app was reached.
 */
/**
 * A page to fuzz: its path, or its path and a step in the browser that brings up forms a page shows only
 * after one of its own forms was sent (the two-factor set-up's confirmation, the recovery code).
 */
type FuzzPage = string | { path: string; before: (page: Page) => Promise<void> };

async function fuzzForms(page: Page, paths: FuzzPage[], origin: string): Promise<Set<string>> {
	const reached = new Set<string>();
	const fuzzed = new Set<string>();
	const otherIds = [ids.otherOffer!, ids.otherCompanyId!, ids.agreement!, randomUUID()];
	for (const entry of paths) {
		const { path: template, before } = typeof entry === 'string' ? { path: entry } : entry;
		const path = await currentPath(template);
		const response = await page.goto(path);
		expect(response?.status(), `GET ${path}`).toBeLessThan(400);
		await before?.(page);
		const forms = (await formsOn(page)).filter((f) => !sessionEnders.test(f.action));
		for (const form of forms) {
			// The header's search box is on every page: one form, fuzzed once.
			const key = `${form.method} ${form.action} ${form.fields.map((f) => f.name).join(',')}`;
			if (fuzzed.has(key)) continue;
			fuzzed.add(key);
			reached.add(
				`${form.method} ${form.action.replace(/\?.*$/, '')} ${/\?\/(\w+)/.exec(form.action)?.[1] ?? 'default'}`
			);
			await fc.assert(
				fc.asyncProperty(requestFor(form, otherIds), async (body) => {
					const before = await databaseFingerprint(db);
					const answer =
						form.method === 'post'
							? await page.request.post(form.action, {
									headers: {
										origin,
										'content-type': 'application/x-www-form-urlencoded',
										accept: 'text/html'
									},
									data: body.toString(),
									maxRedirects: 0,
									failOnStatusCode: false
								})
							: await page.request.get(`${form.action.replace(/\?.*$/, '')}?${body}`, {
									maxRedirects: 0,
									failOnStatusCode: false
								});
					const status = answer.status();
					const label = `${form.method.toUpperCase()} ${form.action} ${body.toString().slice(0, 300)}`;
					expect(status, `5xx for ${label}`).toBeLessThan(500);
					if (status >= 400) {
						const changed = changedTables(before, await databaseFingerprint(db));
						expect(
							changed,
							`refused (${status}) but wrote to ${changed.join(', ')}: ${label}`
						).toEqual([]);
					}
				}),
				{ numRuns: RUNS, endOnFailure: true }
			);
		}
	}
	return reached;
}

test('generated bad input to every form of a signed-in owner: no 5xx, nothing written when refused', async ({
	browser,
	baseURL
}) => {
	// About 150 forms, 12 runs each, every refused one followed by a fingerprint of the database: on a busy
	// 2-core machine the whole walk took more than 15 minutes once the network's pages joined.
	test.setTimeout(30 * 60_000);
	const page = await pageFor(browser, owner);
	const reached = await fuzzForms(page, ownerPages(), baseURL!);

	// Staff after their password only (aal1): the code step.
	const halfway = await (await browser.newContext()).newPage();
	await gotoHydrated(halfway, '/aanmelden');
	await halfway.getByLabel('E-mailadres').fill(staff.email);
	await halfway.getByLabel('Wachtwoord').fill(password);
	await halfway.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(halfway).toHaveURL(/\/aanmelden\/code/);
	for (const form of await fuzzForms(halfway, [halfway.url().replace(baseURL!, '')], baseURL!))
		reached.add(form);

	const staffPage = await pageFor(browser, staff);
	for (const form of await fuzzForms(
		staffPage,
		// Network staff own no organisation, so their data page offers the deletion form.
		// A good practice's page twice: it offers feature, and once featured, unfeature.
		[
			'/netwerk/verificatie',
			'/netwerk/regios',
			'/netwerk/inclusie',
			'/netwerk/import',
			`/netwerk/kwaliteitslabel/${ids.qualityApplication}`,
			`/netwerk/witte-vlekken/${ids.whiteSpot}`,
			'/profiel/gegevens',
			`/goede-praktijken/${ids.practice}`,
			`/goede-praktijken/${ids.practice}`,
			// Last, since a fuzzed removal may succeed: the confirmed app's removal and the recovery by mail.
			{
				path: '/profiel/tweestapsverificatie',
				before: async (page) => {
					await page.getByRole('button', { name: 'Stuur me een code per e-mail' }).click();
					await expect(page.locator('form[action="?/recoverConfirm"]')).toBeVisible();
				}
			}
		],
		baseURL!
	))
		reached.add(form);

	const guest = await (await browser.newContext()).newPage();
	for (const form of await fuzzForms(guest, guestPages, baseURL!)) reached.add(form);

	// Every action the app defines was reached by at least one fuzzed form (add its page above when not).
	const missing = routesWithActions()
		.flatMap(({ route, id, actions }) =>
			actions
				.filter(
					(action) =>
						![...reached].some((r) => {
							const [method, path, name] = r.split(' ');
							return method === 'post' && route.test(path!) && name === action;
						})
				)
				.map((action) => `${id} ?/${action}`)
		)
		.filter((entry) => !/^afmelden /.test(entry));
	expect(missing, 'form actions no fuzzed page offers').toEqual([]);
});

/** Where each `+server` endpoint is reached (its route id with the groups and parameters filled in). */
const endpointPaths: Record<string, string> = {
	'(app)/profiel/gegevens/downloaden': '/profiel/gegevens/downloaden',
	'(public)/agenda/[token].ics': `/agenda/${'0f'.repeat(24)}.ics`,
	'(public)/auth/confirm': '/auth/confirm',
	// The seed's Gent workshop, Gent's community and the region Westhoek (supabase/seed/06, 11).
	'(public)/evenementen/[id=uuid]/agenda.ics':
		'/evenementen/e5000000-0000-4000-8000-000000000002/agenda.ics',
	'(public)/gemeenten/[nis=nis]/community/agenda.ics': '/gemeenten/44021/community/agenda.ics',
	'(public)/regios/[slug=slug]/agenda.ics': '/regios/westhoek/agenda.ics',
	'(app)/netwerk/statistieken/[file]': '/netwerk/statistieken/domeinen.csv',
	'(app)/netwerk/import/[file]': '/netwerk/import/sjabloon.csv',
	// The seed's academy of the demo coordinator: the fuzz owner is no member (a 403, never a 5xx).
	'(app)/organisaties/[slug=slug]/activiteiten/importeren/[file]':
		'/organisaties/stem-academie-de-uitvinders/activiteiten/importeren/sjabloon.csv',
	'(public)/statistieken/[file]': '/statistieken/provincies.csv',
	'(public)/open-data/[file]': '/open-data/formaten.json',
	'(public)/zoeken/kaart.svg': '/zoeken/kaart.svg',
	'api/gemeenten': '/api/gemeenten',
	'api/health': '/api/health',
	'api/search': '/api/search',
	taal: '/taal'
};

test('generated bad query strings and bodies to every endpoint: no 5xx, nothing written', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(10 * 60_000);
	const all = endpoints();
	expect(
		all.map((e) => e.id).filter((id) => !(id in endpointPaths)),
		'endpoints this test does not know'
	).toEqual([]);

	// The names the app reads from query strings, and some it does not.
	const names = [
		...Object.values(SEARCH_PARAMS),
		'code',
		'token_hash',
		'type',
		'next',
		'redirectTo',
		'locale',
		'fout',
		'toon',
		'zoek',
		'u',
		'k',
		'e',
		's',
		'__proto__',
		'x',
		// The statistics pages' and open-data files' periods and filters.
		'van',
		'tot',
		'van1',
		'tot2',
		'provincie',
		'academie',
		'basis',
		'schooljaar'
	];
	const otherIds = [ids.otherOffer!, ids.otherCompanyId!, randomUUID()];
	const query = fc
		.array(fc.tuple(fc.constantFrom(...names), badValue(otherIds)), { minLength: 1, maxLength: 6 })
		.map((pairs) => new URLSearchParams(pairs));

	for (const page of [
		await pageFor(browser, owner),
		await (await browser.newContext()).newPage()
	]) {
		for (const { id, methods } of all) {
			const path = endpointPaths[id]!;
			for (const method of methods) {
				await fc.assert(
					fc.asyncProperty(query, async (params) => {
						const before = await databaseFingerprint(db);
						const answer = await page.request.fetch(method === 'GET' ? `${path}?${params}` : path, {
							method,
							headers: {
								origin: baseURL!,
								'content-type': 'application/x-www-form-urlencoded'
							},
							data: method === 'GET' ? undefined : params.toString(),
							maxRedirects: 0,
							failOnStatusCode: false
						});
						const label = `${method} ${path} ${params.toString().slice(0, 300)}`;
						expect(answer.status(), `5xx for ${label}`).toBeLessThan(500);
						if (answer.status() >= 400) {
							const changed = changedTables(before, await databaseFingerprint(db));
							expect(changed, `refused but wrote to ${changed.join(', ')}: ${label}`).toEqual([]);
						}
					}),
					{ numRuns: RUNS * 2, endOnFailure: true }
				);
			}
		}
	}
});
