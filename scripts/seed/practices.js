// @ts-check
// Good practices for the demo (supabase/seed/10_practices.sql): a dozen across domains and provinces, in
// the seeded communities (part A's ids), each written by one of the community's members; two featured by
// netwerk@. Reach is a number of participants only. Deterministic: fixed ids and texts, no clock.
import { num, text, textArray, values } from './sql.js';

const LEERKRACHT = 'd0000000-0000-4000-8000-000000000001';
const VRIJWILLIGER = 'd0000000-0000-4000-8000-000000000002';
const COORDINATOR = 'd0000000-0000-4000-8000-000000000003';
const BEDRIJF = 'd0000000-0000-4000-8000-000000000004';
const SCHOOL = 'd0000000-0000-4000-8000-000000000005';
const NETWERK = 'd0000000-0000-4000-8000-000000000006';

/** Part A's seeded communities. */
const COMMUNITY = {
	gent: 'c0000000-0000-4000-8000-000000000001',
	leuven: 'c0000000-0000-4000-8000-000000000002',
	brugge: 'c0000000-0000-4000-8000-000000000003',
	kortrijk: 'c0000000-0000-4000-8000-000000000004',
	antwerpen: 'c0000000-0000-4000-8000-000000000005',
	westhoek: 'c0000000-0000-4000-8000-000000000010'
};

/**
 * @typedef {{ title: string, body: string, communities: (keyof typeof COMMUNITY)[], author: string,
 *   letters: string[], domains: string[], ages: [number, number], format: string, whatWorked: string,
 *   materials: string, links: string[], participants: number | null, featured: boolean }} Practice
 */

/** @type {Omit<Practice, 'author'>[]} */
const PRACTICES = [
	{
		title: 'Robots bouwen met afvalmateriaal',
		body: 'In drie namiddagen bouwden leerlingen van het vijfde leerjaar kleine robots uit dozen, flessendoppen en een motortje.\n\nElke groep kreeg een opdracht: **rij een parcours** zonder de lijn te verlaten.',
		communities: ['gent'],
		letters: ['T', 'E'],
		domains: ['techniek'],
		ages: [10, 12],
		format: 'korte_reeks',
		whatWorked: 'Groepjes van drie met vaste rollen (bouwer, tester, verslaggever).',
		materials: 'Kartonnen dozen, dc-motortjes, batterijhouders, lijm.',
		links: ['https://www.wetenschapsweek.be/robots'],
		participants: 48,
		featured: true
	},
	{
		title: 'Scratch-verhalen over onze buurt',
		body: 'Leerlingen programmeerden in Scratch een verhaal over een plek in hun buurt, met foto’s die ze zelf namen.',
		communities: ['gent'],
		letters: ['T', 'M'],
		domains: ['programmeren'],
		ages: [9, 11],
		format: 'lange_reeks_semester',
		whatWorked: 'Eerst op papier een storyboard, dan pas naar de computer.',
		materials: 'Laptops, Scratch (gratis), tablets voor foto’s.',
		links: ['https://scratch.mit.edu'],
		participants: 26,
		featured: false
	},
	{
		title: 'Waterdiertjes in de Leie',
		body: 'Een voormiddag aan de oever: stalen nemen, diertjes determineren en de waterkwaliteit inschatten.',
		communities: ['gent'],
		letters: ['S'],
		domains: ['natuur'],
		ages: [8, 12],
		format: 'losse_activiteit',
		whatWorked: 'Een zoekkaart per duo en een vergrootglas voor iedereen.',
		materials: 'Schepnetjes, witte bakjes, zoekkaarten, laarzen.',
		links: [],
		participants: 22,
		featured: false
	},
	{
		title: 'Sterrenkijken op de speelplaats',
		body: 'Op een heldere avond in december keken ouders en kinderen samen naar de maan en Jupiter.',
		communities: ['leuven'],
		letters: ['S'],
		domains: ['sterrenkunde'],
		ages: [6, 14],
		format: 'losse_activiteit',
		whatWorked: 'Een reservedatum afspreken voor als het bewolkt is.',
		materials: 'Twee telescopen (uitgeleend door de volkssterrenwacht), rode zaklampen.',
		links: ['https://www.vvs.be'],
		participants: 60,
		featured: true
	},
	{
		title: 'Bruggen uit spaghetti',
		body: 'Welke brug houdt het meeste gewicht? Leerlingen ontwierpen, bouwden en testten bruggen uit spaghetti en marshmallows.',
		communities: ['leuven', 'gent'],
		letters: ['E', 'M'],
		domains: ['wiskunde_natuurwetenschappen', 'techniek'],
		ages: [11, 14],
		format: 'losse_activiteit',
		whatWorked: 'Een vast budget aan materiaal maakte het een echte ontwerpopdracht.',
		materials: 'Spaghetti, marshmallows, gewichtjes, een weegschaal.',
		links: [],
		participants: 30,
		featured: false
	},
	{
		title: 'DNA uit een aardbei halen',
		body: 'Met afwasmiddel, zout en alcohol haalden leerlingen zichtbaar DNA uit aardbeien.',
		communities: ['brugge'],
		letters: ['S'],
		domains: ['life_sciences'],
		ages: [12, 16],
		format: 'losse_activiteit',
		whatWorked: 'Koude alcohol uit de diepvries: het DNA wordt veel beter zichtbaar.',
		materials: 'Aardbeien, diepvrieszakjes, afwasmiddel, zout, koude alcohol, koffiefilters.',
		links: [],
		participants: 18,
		featured: false
	},
	{
		title: 'Een weerstation voor de school',
		body: 'Leerlingen bouwden met een microcontroller een weerstation en zetten de metingen op een scherm in de inkomhal.',
		communities: ['brugge'],
		letters: ['T', 'E', 'M'],
		domains: ['programmeren', 'techniek'],
		ages: [13, 16],
		format: 'lange_reeks_jaar',
		whatWorked: 'Elke klas nam één sensor voor haar rekening.',
		materials: 'Microcontrollers, temperatuur- en luchtvochtigheidssensoren, een oud scherm.',
		links: ['https://microbit.org'],
		participants: 75,
		featured: false
	},
	{
		title: 'Bedrijfsbezoek: hoe werkt een productielijn?',
		body: 'Een klas bezocht een productielijn en bouwde daarna op school een eigen mini-lopende band na.',
		communities: ['kortrijk'],
		letters: ['T', 'E'],
		domains: ['techniek'],
		ages: [12, 15],
		format: 'korte_reeks',
		whatWorked: 'Vooraf vragen laten opstellen, zodat het bezoek een onderzoek werd.',
		materials: 'Busvervoer, bouwpakket met rolletjes en een motortje.',
		links: [],
		participants: 24,
		featured: false
	},
	{
		title: 'Kamp: uitvinders van de toekomst',
		body: 'Vijf dagen lang bedachten kinderen een uitvinding voor een probleem uit hun eigen leven, van idee tot prototype.',
		communities: ['antwerpen'],
		letters: ['S', 'T', 'E', 'M'],
		domains: ['techniek', 'andere'],
		ages: [9, 12],
		format: 'kamp_zonder_overnachting',
		whatWorked: 'Elke dag eindigen met een korte pitch voor de groep.',
		materials: 'Makerspace-materiaal, 3D-printer, knutselgerief.',
		links: [],
		participants: 32,
		featured: false
	},
	{
		title: 'Wiskunde in de stad: een fotozoektocht',
		body: 'Leerlingen zochten symmetrie, hoeken en patronen in gebouwen en maakten er een tentoonstelling van.',
		communities: ['antwerpen'],
		letters: ['M'],
		domains: ['wiskunde_natuurwetenschappen'],
		ages: [10, 13],
		format: 'losse_activiteit',
		whatWorked: 'Een lijst met tien opdrachten en een tijdslimiet.',
		materials: 'Tablets of smartphones van school, plattegrond.',
		links: [],
		participants: 27,
		featured: false
	},
	{
		title: 'Hop en bodem: landbouw en wetenschap',
		body: 'Samen met een hopboer onderzochten leerlingen de bodem: pH meten, wormen tellen, water vasthouden.',
		communities: ['westhoek'],
		letters: ['S'],
		domains: ['natuur', 'life_sciences'],
		ages: [10, 14],
		format: 'korte_reeks',
		whatWorked: 'Werken op het veld zelf, niet in de klas.',
		materials: 'pH-strips, bodemboor, loepen.',
		links: [],
		participants: 20,
		featured: false
	},
	{
		title: 'Coderen met ouders en grootouders',
		body: 'Op een woensdagnamiddag leerden kinderen hun (groot)ouders programmeren met kleine robotjes.',
		communities: ['westhoek'],
		letters: ['T'],
		domains: ['programmeren'],
		ages: [7, 10],
		format: 'losse_activiteit',
		whatWorked: 'De kinderen waren de lesgevers: dat gaf hen veel zelfvertrouwen.',
		materials: 'Zes programmeerbare robotjes, opdrachtkaarten.',
		links: [],
		participants: 34,
		featured: false
	}
];

/**
 * The authors: demo accounts where they live, else a generated person of the community's place.
 * @param {{ people: import('./build.js').Person[] }} seed
 * @returns {Practice[]}
 */
export function buildPractices(seed) {
	/** @param {string} nis */
	const localPerson = (nis) => {
		const person = seed.people.find((p) => p.nis === nis && !p.demo);
		if (!person) throw new Error(`the seed has nobody in ${nis}`);
		return person.id;
	};
	/** @type {Record<keyof typeof COMMUNITY, string[]>} */
	const authors = {
		gent: [LEERKRACHT, COORDINATOR, LEERKRACHT],
		leuven: [VRIJWILLIGER, VRIJWILLIGER],
		brugge: [SCHOOL, SCHOOL],
		kortrijk: [BEDRIJF],
		antwerpen: [localPerson('11002'), localPerson('11002')],
		westhoek: [localPerson('33021'), localPerson('33021')]
	};
	/** @type {Record<string, number>} */
	const used = {};
	return PRACTICES.map((practice) => {
		const place = practice.communities[0];
		const index = used[place] ?? 0;
		used[place] = index + 1;
		return { ...practice, author: authors[place][index % authors[place].length] };
	});
}

/** @param {number} n */
const practiceId = (n) => `9a000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** @param {Practice[]} practices */
export function practicesSql(practices) {
	const rows = practices.map((practice, index) => ({ ...practice, id: practiceId(index + 1) }));
	const memberships = new Map();
	for (const row of rows) {
		for (const place of row.communities)
			memberships.set(`${row.author}/${place}`, [row.author, place]);
	}
	return `-- Generated by scripts/seed/generate.js; do not edit. Regenerate with \`node scripts/seed/generate.js\`.
-- Demo good practices (${rows.length}, two featured) in the seeded communities (06_communities.sql), each by a member
-- of its community. Reach is a number of participants only. Safe to run again: existing rows are kept.
-- A community missing from the database is skipped, and so is a good practice without one.

-- Every author belongs to the communities they share in (most already do through 06_communities.sql).
insert into public.community_members (community_id, user_id, person_kind, joined_by)
select v.community_id::uuid, v.user_id::uuid, 'teacher', v.user_id::uuid
from (values
${values([...memberships.values()].map(([author, place]) => [text(COMMUNITY[/** @type {keyof typeof COMMUNITY} */ (place)]), text(author)]))}
) as v (community_id, user_id)
where exists (select 1 from public.communities c where c.id = v.community_id::uuid)
	and exists (select 1 from auth.users u where u.id = v.user_id::uuid)
on conflict do nothing;

create temporary table seed_practices (
	id uuid primary key,
	author_id uuid not null,
	title text not null,
	body text not null,
	communities uuid[] not null,
	stem_letters text[] not null,
	domains text[] not null,
	age_min int not null,
	age_max int not null,
	format text not null,
	what_worked text not null,
	materials text not null,
	links text[] not null,
	participants int,
	featured boolean not null,
	days_ago int not null
);

insert into seed_practices values
${values(
	rows.map((row, index) => [
		text(row.id),
		text(row.author),
		text(row.title),
		text(row.body),
		`array[${row.communities.map((place) => text(COMMUNITY[place])).join(', ')}]::uuid[]`,
		textArray(row.letters),
		textArray(row.domains),
		num(row.ages[0]),
		num(row.ages[1]),
		text(row.format),
		text(row.whatWorked),
		text(row.materials),
		`array[${row.links.map(text).join(', ')}]::text[]`,
		num(row.participants),
		row.featured ? 'true' : 'false',
		num(40 - index * 3)
	])
)};

-- Only good practices with at least one community in the database.
delete from seed_practices s
where not exists (select 1 from public.communities c where c.id = any (s.communities));

insert into public.posts (id, author_id, kind, title, body, created_at, updated_at)
select s.id, s.author_id, 'good_practice', s.title, s.body,
	now() - make_interval(days => s.days_ago), now() - make_interval(days => s.days_ago)
from seed_practices s
where exists (select 1 from auth.users u where u.id = s.author_id)
on conflict (id) do nothing;

insert into public.post_communities (post_id, community_id, created_at)
select s.id, c.id, now() - make_interval(days => s.days_ago)
from seed_practices s
join public.communities c on c.id = any (s.communities)
where exists (select 1 from public.posts p where p.id = s.id)
on conflict do nothing;

insert into public.good_practices (
	post_id, stem_letters, domains, age_min, age_max, format, what_worked, materials, links, participants,
	featured_at, featured_by, created_at
)
select s.id, s.stem_letters, s.domains, s.age_min, s.age_max, s.format, s.what_worked, s.materials,
	s.links, s.participants,
	case when s.featured then now() - make_interval(days => greatest(s.days_ago - 1, 0)) end,
	case when s.featured then ${text(NETWERK)}::uuid end,
	now() - make_interval(days => s.days_ago)
from seed_practices s
where exists (select 1 from public.posts p where p.id = s.id)
on conflict (post_id) do nothing;

drop table seed_practices;
`;
}
