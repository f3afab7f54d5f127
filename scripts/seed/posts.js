// @ts-check
// Community posts for the demo (supabase/seed/09_posts.sql): announcements by hosts (admins of an academy
// seated in the place) and questions by people who are members (part A's 06_communities.sql), with
// comments; one pinned announcement, one open report and one post hidden with its reason in Gent. Every
// post is more than a day old, so the new-account limit of the day counts none of them. Fixed ids, written
// again safely (on conflict do nothing); the notifications the comment and report triggers write are marked
// as mailed, so loading the seed sends no mail. Adults only: no data about children.
import { daysAgo, text, values } from './sql.js';

const LEERKRACHT = 'd0000000-0000-4000-8000-000000000001';
const VRIJWILLIGER = 'd0000000-0000-4000-8000-000000000002';
const COORDINATOR = 'd0000000-0000-4000-8000-000000000003';

const COMMUNITY = {
	gent: 'c0000000-0000-4000-8000-000000000001',
	leuven: 'c0000000-0000-4000-8000-000000000002',
	brugge: 'c0000000-0000-4000-8000-000000000003',
	westhoek: 'c0000000-0000-4000-8000-000000000010'
};

/** @param {number} n */
const postId = (n) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** @param {number} n */
const commentId = (n) => `b1000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** @param {number} n */
const reportId = (n) => `b2000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The seeded pinned announcement in Gent, the hidden post and the reported one (for tests and routes). */
export const PINNED_POST_ID = postId(1);
export const QUESTION_POST_ID = postId(2);
export const REPORTED_POST_ID = postId(3);
export const HIDDEN_POST_ID = postId(4);

/**
 * @typedef {{ id: string, author: string, kind: 'announcement' | 'question', title: string, body: string,
 *   daysAgo: number, communities: string[], pinnedIn?: string, pinnedBy?: string,
 *   hidden?: { reason: string, by: string } }} DemoPost
 * @typedef {{ id: string, post: string, author: string, body: string, daysAgo: number }} DemoComment
 * @typedef {{ id: string, post: string, reporter: string, reason: string, daysAgo: number }} DemoReport
 * @typedef {{ posts: DemoPost[], comments: DemoComment[], reports: DemoReport[] }} DemoPosts
 */

/**
 * @param {ReturnType<typeof import('./build.js').buildSeed>} seed
 * @param {ReturnType<typeof import('./communities.js').buildCommunities>} built
 * @returns {DemoPosts}
 */
export function buildPosts(seed, built) {
	/** The people who are members of a community themselves, in id order. */
	const people = (/** @type {string} */ community) =>
		built.members
			.filter((m) => m.communityId === community && m.userId)
			.map((m) => /** @type {string} */ (m.userId))
			.sort();
	/** An owner or admin of an academy that is a member of the community and seated in one of its places. */
	const host = (/** @type {string} */ community) => {
		const places = built.communities.find((c) => c.id === community)?.places ?? [];
		const academies = new Set(
			seed.organisations
				.filter((o) => o.kind === 'academy' && places.includes(o.nis))
				.map((o) => o.id)
				.filter((id) =>
					built.members.some((m) => m.communityId === community && m.organisationId === id)
				)
		);
		return seed.memberships
			.filter((m) => academies.has(m.organisationId) && (m.role === 'owner' || m.role === 'admin'))
			.map((m) => m.userId)
			.sort()[0];
	};

	const gentOther = built.members
		.filter((m) => m.communityId === COMMUNITY.gent && m.userId && m.role === 'member')
		.map((m) => /** @type {string} */ (m.userId))
		.sort()
		.find((id) => id !== LEERKRACHT && id !== VRIJWILLIGER);
	const brugge = people(COMMUNITY.brugge);
	const leuvenHost = host(COMMUNITY.leuven);
	const westhoekHost = host(COMMUNITY.westhoek);

	/** @type {DemoPost[]} */
	const posts = [
		{
			id: PINNED_POST_ID,
			author: COORDINATOR,
			kind: 'announcement',
			title: 'Welkom in de STEM-community van Gent',
			body: 'Hier delen leerkrachten, vrijwilligers, ouders en academies wat er in **Gent** rond STEM gebeurt.\n\n- Stel je vragen als *Vraag*\n- Deel wat werkt als goede praktijk\n- Houd het vriendelijk: de hosts modereren\n\nMeer over De Uitvinders: https://example.org/de-uitvinders',
			daysAgo: 20,
			communities: [COMMUNITY.gent],
			pinnedIn: COMMUNITY.gent,
			pinnedBy: COORDINATOR
		},
		{
			id: QUESTION_POST_ID,
			author: LEERKRACHT,
			kind: 'question',
			title: 'Wie heeft ervaring met micro:bit in het vijfde leerjaar?',
			body: 'Ik wil na de krokusvakantie starten met de micro:bit. Welke eerste les werkte bij jullie?\n\n1. Een naamkaartje dat scrolt\n2. Een stappenteller\n\nTips zijn welkom.',
			daysAgo: 6,
			communities: [COMMUNITY.gent]
		},
		{
			id: REPORTED_POST_ID,
			author: VRIJWILLIGER,
			kind: 'question',
			title: 'Zoekt iemand nog een vrijwilliger voor een codeerclub?',
			body: 'Ik ben gepensioneerd ingenieur en help graag op woensdagnamiddag, in Gent of in Leuven.',
			daysAgo: 4,
			communities: [COMMUNITY.gent, COMMUNITY.leuven]
		}
	];
	if (gentOther) {
		posts.push({
			id: HIDDEN_POST_ID,
			author: gentOther,
			kind: 'question',
			title: 'Betalende cursus robotica: nog plaatsen vrij',
			body: 'Schrijf je nu in voor onze cursus; de eerste tien krijgen korting.',
			daysAgo: 3,
			communities: [COMMUNITY.gent],
			hidden: {
				reason: 'Reclame voor een betalende cursus hoort niet in deze community.',
				by: COORDINATOR
			}
		});
	}
	if (leuvenHost) {
		posts.push({
			id: postId(5),
			author: leuvenHost,
			kind: 'announcement',
			title: 'Open labo in Leuven op zaterdag',
			body: 'Elke eerste zaterdag van de maand staat ons labo open voor leerkrachten die een proef willen voorbereiden.',
			daysAgo: 9,
			communities: [COMMUNITY.leuven]
		});
	}
	if (brugge.length > 0) {
		posts.push({
			id: postId(6),
			author: /** @type {string} */ (brugge[0]),
			kind: 'question',
			title: 'Lesmateriaal over getijden en de haven van Zeebrugge?',
			body: 'Voor een project in de tweede graad zoek ik materiaal over getijden. Kent iemand een goede bron?',
			daysAgo: 5,
			communities: [COMMUNITY.brugge]
		});
	}
	if (westhoekHost) {
		posts.push({
			id: postId(7),
			author: westhoekHost,
			kind: 'announcement',
			title: 'Westhoek: samen naar de STEM-dag in Ieper',
			body: 'We rijden samen vanuit Poperinge en Vleteren. Laat weten of je meegaat, dan regelen we het vervoer.',
			daysAgo: 7,
			communities: [COMMUNITY.westhoek]
		});
	}

	/** @type {DemoComment[]} */
	const comments = [
		{
			id: commentId(1),
			post: QUESTION_POST_ID,
			author: VRIJWILLIGER,
			body: 'Het naamkaartje werkt altijd: na tien minuten zien ze iets bewegen.',
			daysAgo: 5
		},
		{
			id: commentId(2),
			post: QUESTION_POST_ID,
			author: COORDINATOR,
			body: 'De Uitvinders leent een klasset van 30 micro:bits uit. Vraag het gerust aan.',
			daysAgo: 5
		},
		{
			id: commentId(3),
			post: PINNED_POST_ID,
			author: LEERKRACHT,
			body: 'Fijn dat dit er is!',
			daysAgo: 19
		}
	];
	if (brugge.length > 1) {
		comments.push({
			id: commentId(4),
			post: postId(6),
			author: /** @type {string} */ (brugge[1]),
			body: 'Het Vlaams Instituut voor de Zee heeft een lespakket over getijden.',
			daysAgo: 4
		});
	}

	/** @type {DemoReport[]} */
	const reports = [
		{
			id: reportId(1),
			post: REPORTED_POST_ID,
			reporter: LEERKRACHT,
			reason: 'Dit lijkt me eerder een aanbod dan een vraag; hoort het bij de vrijwilligers?',
			daysAgo: 2
		}
	];
	return { posts, comments, reports };
}

/** @param {DemoPosts} built */
export function postsSql({ posts, comments, reports }) {
	const postRows = posts.map((p) => [
		text(p.id),
		text(p.author),
		text(p.kind),
		text(p.title),
		text(p.body),
		text(p.hidden ? 'hidden' : 'visible'),
		p.hidden ? text(p.hidden.reason) : 'null',
		p.hidden ? text(p.hidden.by) : 'null',
		p.hidden ? daysAgo(p.daysAgo - 1) : 'null',
		daysAgo(p.daysAgo)
	]);
	const placeRows = posts.flatMap((p) =>
		p.communities.map((community) => [
			text(p.id),
			text(community),
			p.pinnedIn === community ? daysAgo(p.daysAgo) : 'null',
			p.pinnedIn === community && p.pinnedBy ? text(p.pinnedBy) : 'null',
			daysAgo(p.daysAgo)
		])
	);
	const commentRows = comments.map((c) => [
		text(c.id),
		text(c.post),
		text(c.author),
		text(c.body),
		daysAgo(c.daysAgo)
	]);
	const reportRows = reports.map((r) => [
		text(r.id),
		text(r.reporter),
		text(r.post),
		text(r.reason),
		daysAgo(r.daysAgo)
	]);
	const auditRows = posts.flatMap((p) => {
		const rows = [];
		if (p.pinnedIn && p.pinnedBy) {
			rows.push([
				text(p.pinnedIn),
				text(p.pinnedBy),
				text('pin'),
				text(p.id),
				'null',
				daysAgo(p.daysAgo)
			]);
		}
		if (p.hidden) {
			rows.push([
				text(p.communities[0] ?? ''),
				text(p.hidden.by),
				text('hide'),
				text(p.id),
				text(p.hidden.reason),
				daysAgo(p.daysAgo - 1)
			]);
		}
		return rows;
	});
	return `-- Generated by scripts/seed/generate.js; do not edit. Regenerate with \`node scripts/seed/generate.js\`.
-- Demo data only, deterministic (fixed ids). Safe to run again: existing rows are kept.
-- ${posts.length} posts (one pinned, one hidden), ${comments.length} comments, ${reports.length} open report; all more
-- than a day old. No personal data of children.

create temporary table seed_posts_notifications as
select coalesce(max(n.id), 0) as last_id from public.notifications n;

create temporary table seed_new_posts (id uuid primary key);

with inserted as (
	insert into public.posts (id, author_id, kind, title, body, status, hidden_reason, hidden_by, hidden_at,
		created_at, updated_at)
	select v.id::uuid, v.author_id::uuid, v.kind, v.title, v.body, v.status, v.hidden_reason,
		v.hidden_by::uuid, v.hidden_at::timestamptz, v.created_at::timestamptz, v.created_at::timestamptz
	from (
		values
${values(postRows)}
	) as v (id, author_id, kind, title, body, status, hidden_reason, hidden_by, hidden_at, created_at)
	where exists (select 1 from auth.users u where u.id = v.author_id::uuid)
	on conflict (id) do nothing
	returning id
)
insert into seed_new_posts (id) select id from inserted;

insert into public.post_communities (post_id, community_id, pinned_at, pinned_by, created_at)
select v.post_id::uuid, v.community_id::uuid, v.pinned_at::timestamptz, v.pinned_by::uuid,
	v.created_at::timestamptz
from (
	values
${values(placeRows)}
) as v (post_id, community_id, pinned_at, pinned_by, created_at)
where exists (select 1 from public.posts p where p.id = v.post_id::uuid)
	and exists (select 1 from public.communities c where c.id = v.community_id::uuid)
on conflict (post_id, community_id) do nothing;

insert into public.post_comments (id, post_id, author_id, body, created_at, updated_at)
select v.id::uuid, v.post_id::uuid, v.author_id::uuid, v.body, v.created_at::timestamptz,
	v.created_at::timestamptz
from (
	values
${values(commentRows)}
) as v (id, post_id, author_id, body, created_at)
where exists (select 1 from public.posts p where p.id = v.post_id::uuid)
	and exists (select 1 from auth.users u where u.id = v.author_id::uuid)
on conflict (id) do nothing;

insert into public.post_reports (id, reporter_id, post_id, reason, created_at)
select v.id::uuid, v.reporter_id::uuid, v.post_id::uuid, v.reason, v.created_at::timestamptz
from (
	values
${values(reportRows)}
) as v (id, reporter_id, post_id, reason, created_at)
where exists (select 1 from public.posts p where p.id = v.post_id::uuid)
	and exists (select 1 from auth.users u where u.id = v.reporter_id::uuid)
on conflict (id) do nothing;

-- The hosts' trail, only for posts new to the database.
insert into public.moderation_events (community_id, actor_id, action, post_id, reason, created_at)
select v.community_id::uuid, v.actor_id::uuid, v.action, v.post_id::uuid, v.reason, v.created_at::timestamptz
from (
	values
${values(auditRows)}
) as v (community_id, actor_id, action, post_id, reason, created_at)
join seed_new_posts n on n.id = v.post_id::uuid;

-- The comments and the report notified their post's author and the hosts: count those as sent, so loading
-- the seed mails no one.
update public.notifications n
set emailed_at = n.created_at, digested_at = n.created_at
where n.id > (select last_id from seed_posts_notifications)
	and n.kind in ('post_comment', 'post_report');

drop table seed_posts_notifications;
drop table seed_new_posts;
`;
}
