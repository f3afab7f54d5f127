// @ts-check
// Builds the demo data as plain rows (no SQL yet): organisations spread over Flanders and Brussels the
// way the STEM-academy inventory describes them, the people behind them, their activities and reach.
// Everything comes from one seeded random generator, so the same input always gives the same rows.
import { apportion, createRandom } from './random.js';
import {
	checkPostalNames,
	distanceKm,
	INDUSTRIAL_STREETS,
	landline,
	mobile,
	postalCode,
	provinceKey,
	STREETS
} from './places.js';
import { CITY_FIRST_NAMES, CITY_SURNAMES, FIRST_NAMES, SURNAMES } from './names.js';
import {
	academyDescription,
	academyName,
	activityDescription,
	activityTitle,
	AFFINITY,
	companyDescription,
	companyName,
	fillTown,
	PARTNER_TEMPLATES,
	schoolDescription,
	schoolName,
	THEME_DOMAINS,
	THEME_SHARES,
	TOPICS,
	VENUES
} from './texts.js';

/** @typedef {import('./places.js').Municipality} Municipality */
/** @typedef {import('./random.js').Random} Random */
/** @typedef {import('./texts.js').Domain} Domain */
/** @typedef {import('./texts.js').Format} Format */
/** @typedef {import('./texts.js').Theme} Theme */
/** @typedef {'academy' | 'school' | 'company' | 'partner'} Kind */
/** @typedef {'owner' | 'admin' | 'member'} Role */
/** @typedef {'teacher' | 'volunteer' | 'coordinator' | 'company_rep' | 'school_staff'} Persona */

/**
 * @typedef {{ id: string, email: string, displayName: string, personas: Persona[], nis: string,
 *   bio: string | null, visibility: 'public' | 'members' | 'private', demo: boolean }} Person
 * @typedef {{ id: string, kind: Kind, partnerType: string | null, name: string, slug: string,
 *   description: string, website: string | null, publicEmail: string | null, publicPhone: string | null,
 *   streetAddress: string | null, postalCode: string | null, nis: string, lat: number | null,
 *   lng: number | null, verification: 'unverified' | 'verified' | 'withdrawn',
 *   createdDaysAgo: number, verifiedDaysAgo: number | null, createdBy: string | null,
 *   theme: Theme | null, town: Municipality, weight: number }} Organisation
 * @typedef {{ organisationId: string, contactName: string, email: string, phone: string | null }} Contact
 * @typedef {{ organisationId: string, stemLetters: string[], accentLetters: string[], creativeLink: boolean,
 *   domains: Domain[], ageMin: number, ageMax: number, languages: string[], officiallyRecognised: boolean,
 *   qualityLabel: 'none' | 'candidate' | 'awarded' }} AcademyProfile
 * @typedef {{ organisationId: string, userId: string, role: Role, daysAgo: number }} Membership
 * @typedef {{ organisationId: string, action: 'verified' | 'withdrawn', note: string | null, daysAgo: number }} VerificationEvent
 * @typedef {{ id: string, organisationId: string, title: string, description: string, domains: Domain[],
 *   format: Format, ageMin: number, ageMax: number, startOffset: number, weekday: number, span: number,
 *   sessionCount: number, venueName: string | null, venueAddress: string | null, nis: string,
 *   lat: number | null, lng: number | null, capacity: number | null, price: number, reducedPrice: number | null,
 *   registrationUrl: string | null, status: 'draft' | 'published' | 'cancelled',
 *   publishedOffset: number | null, cancelledOffset: number | null, createdOffset: number,
 *   createdBy: string | null }} Activity
 * @typedef {{ id: string, activityId: string, participants: number, girls: number,
 *   disadvantaged: number | null, nonDutchHomeLanguage: number | null, specialNeeds: number | null,
 *   reportedBy: string | null, reportedOffset: number }} ReachReport
 * @typedef {{ id: string, email: string, displayName: string, personas: Persona[], nis: string }} DemoAccount
 */

/**
 * The inventory counted about 190 academies for 1 866 activities; the demo has about 150 academies,
 * so coverage is scaled down while keeping the differences between provinces.
 */
const COVERAGE_SCALE = 0.7;

/** Cities with more than one academy: extra academies beyond the first. */
const CITY_EXTRAS = {
	Gent: 4,
	Antwerpen: 5,
	Leuven: 3,
	Brugge: 2,
	Hasselt: 2,
	Kortrijk: 2,
	Mechelen: 2,
	Brussel: 3,
	Genk: 1,
	Aalst: 1,
	Oostende: 1
};

export const TOTALS = { activities: 600, schools: 120, companies: 80, partners: 30, people: 300 };

/** uuid with a fixed prefix (8 hex digits) and a sequence number. @param {string} prefix @param {number} n */
export function seedId(prefix, n) {
	return `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const ID_PREFIXES = {
	person: 'd1000000',
	academy: 'c1000000',
	school: 'c2000000',
	company: 'c3000000',
	partner: 'c4000000',
	activity: 'e1000000',
	reach: 'e2000000'
};

/** @param {string} s */
export function slugify(s) {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' en ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 70)
		.replace(/-+$/g, '');
}

/** The persona demo accounts: their roles are exactly the ones below, nothing random. */
const PERSONA_EMAILS = [
	'leerkracht@groeistoot.test',
	'vrijwilliger@groeistoot.test',
	'coordinator@groeistoot.test',
	'bedrijf@groeistoot.test',
	'school@groeistoot.test',
	'netwerk@groeistoot.test'
];

/**
 * A short host name for an organisation's example addresses: long slugs get their first words
 * abbreviated ("stedelijke-basisschool-de-boomgaard-zaventem" -> "sb-de-boomgaard-zaventem").
 * @param {string} slug
 */
export function mailDomain(slug) {
	const words = slug.split('-');
	for (let i = 0; i < words.length - 1 && words.join('-').length > 32; i++) {
		words[i] = /** @type {string} */ (words[i]).slice(0, 1);
	}
	return words.join('-').replace(/\b([a-z0-9])-(?=[a-z0-9]\b)/g, '$1');
}

/** @param {string} s */
function emailPart(s) {
	return slugify(s).replace(/-/g, '');
}

/** @param {number} x */
const round2 = (x) => Math.round(x * 100) / 100;

/**
 * Organisations pinned to demo accounts (and a few names the issue mentions), so that every persona
 * finds something of its own when signing in.
 * @type {{ kind: Kind, name: string, town: string, theme?: Theme, partnerType?: string,
 *   people: { email: string, role: Role }[] }[]}
 */
const PINNED = [
	{
		kind: 'academy',
		name: 'STEM-academie De Uitvinders',
		town: 'Gent',
		theme: 'maker',
		people: [
			{ email: 'coordinator@groeistoot.test', role: 'owner' },
			{ email: 'leerkracht@groeistoot.test', role: 'member' }
		]
	},
	{
		kind: 'academy',
		name: 'Robotica Club Leuven',
		town: 'Leuven',
		theme: 'robotics',
		people: [{ email: 'vrijwilliger@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Sterrenwacht Urania Jeugdclub',
		town: 'Gent',
		theme: 'astronomy',
		people: [{ email: 'charlotte.goossens@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'academy',
		name: 'CoderDojo Gent',
		town: 'Gent',
		theme: 'coding',
		people: [{ email: 'marie.vandevelde@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'CoderDojo Turnhout',
		town: 'Turnhout',
		theme: 'coding',
		people: [{ email: 'bart.janssens@groeistoot.test', role: 'admin' }]
	},
	{
		kind: 'academy',
		name: 'Techniekacademie Genk',
		town: 'Genk',
		theme: 'maker',
		people: [{ email: 'ines.martens@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'academy',
		name: 'Jonge Natuuronderzoekers Lommel',
		town: 'Lommel',
		theme: 'nature',
		people: [{ email: 'nico.smets@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'academy',
		name: 'STEM-academie Schaarbeek',
		town: 'Schaarbeek',
		theme: 'broad',
		people: [{ email: 'rania.elamrani@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'academy',
		name: 'Creative Coding Vilvoorde',
		town: 'Vilvoorde',
		theme: 'steam',
		people: [{ email: 'veerle.michiels@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'academy',
		name: 'Weer- en Klimaatlab Herentals',
		town: 'Herentals',
		theme: 'science',
		people: [{ email: 'dorien.bogaerts@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'academy',
		name: 'STEM-academie Tielt',
		town: 'Tielt',
		theme: 'broad',
		people: [{ email: 'bieke.vanlaere@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'academy',
		name: 'Wiskundeclub Mechelen',
		town: 'Mechelen',
		theme: 'science',
		people: [{ email: 'an.peeters@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Technopolis Jongerenlab',
		town: 'Mechelen',
		theme: 'broad',
		people: []
	},
	{
		kind: 'academy',
		name: 'Waterlab Oostende',
		town: 'Oostende',
		theme: 'nature',
		people: [{ email: 'frederik.vandamme@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Jonge Ingenieurs Oudenaarde',
		town: 'Oudenaarde',
		theme: 'robotics',
		people: [{ email: 'griet.dewilde@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Makerslab Roeselare',
		town: 'Roeselare',
		theme: 'maker',
		people: [{ email: 'jonas.verstraete@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Codeclub Geel',
		town: 'Geel',
		theme: 'coding',
		people: [{ email: 'lars.wuyts@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Wetenschapsclub Ieper',
		town: 'Ieper',
		theme: 'science',
		people: [{ email: 'olivia.vanacker@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Proefjeslab Elsene',
		town: 'Elsene',
		theme: 'science',
		people: [{ email: 'quinten.desmedt@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'STEM-club Diest',
		town: 'Diest',
		theme: 'broad',
		people: [{ email: 'tine.hermans@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Volkssterrenwacht Lier Jongeren',
		town: 'Lier',
		theme: 'astronomy',
		people: [{ email: 'ugo.deroover@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'De Sleutelbende',
		town: 'Knokke-Heist',
		theme: 'maker',
		people: [{ email: 'wout.declercq@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Jeugd & Wetenschap Hasselt',
		town: 'Hasselt',
		theme: 'broad',
		people: [{ email: 'xavier.nijs@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Jeugd & Wetenschap Leuven',
		town: 'Leuven',
		theme: 'broad',
		people: []
	},
	{
		kind: 'academy',
		name: 'Robotica Club Kortrijk',
		town: 'Kortrijk',
		theme: 'robotics',
		people: []
	},
	{
		kind: 'academy',
		name: 'Coding Girls Anderlecht',
		town: 'Anderlecht',
		theme: 'coding',
		people: [{ email: 'yasmine.bakkali@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'RoboLab Dendermonde',
		town: 'Dendermonde',
		theme: 'robotics',
		people: [{ email: 'arne.coppens@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'academy',
		name: 'Kunst & Techniek Sint-Gillis',
		town: 'Sint-Gillis',
		theme: 'steam',
		people: [{ email: 'emiel.devos@groeistoot.test', role: 'member' }]
	},
	{
		kind: 'school',
		name: 'GO! atheneum Brugge',
		town: 'Brugge',
		people: [{ email: 'school@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'school',
		name: 'Sint-Jozefsinstituut Aalst',
		town: 'Aalst',
		people: [{ email: 'eva.desmet@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'school',
		name: 'Sint-Vincentiusinstituut Eeklo',
		town: 'Eeklo',
		people: [{ email: 'karolien.dhondt@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'school',
		name: 'VTI Sint-Niklaas',
		town: 'Sint-Niklaas',
		people: [{ email: 'stijn.vanhove@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'school',
		name: 'GO! atheneum Tienen',
		town: 'Tienen',
		people: [{ email: 'zoe.peeters@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'school',
		name: 'Vrije Basisschool Sint-Jan Tongeren-Borgloon',
		town: 'Tongeren-Borgloon',
		people: [{ email: 'fien.aerts@groeistoot.test', role: 'member' }]
	},
	{ kind: 'school', name: 'Sint-Jozefscollege Hasselt', town: 'Hasselt', people: [] },
	{
		kind: 'company',
		name: 'Leie Automation',
		town: 'Kortrijk',
		people: [{ email: 'bedrijf@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'company',
		name: 'Schelde Chemie',
		town: 'Beveren-Kruibeke-Zwijndrecht',
		people: [{ email: 'dirk.vermeulen@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'company',
		name: 'Zenne Aerospace',
		town: 'Zaventem',
		people: [{ email: 'hans.vandenbroeck@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'company',
		name: 'Lambrecht Automation',
		town: 'Waregem',
		people: [{ email: 'pieterjan.lambrecht@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'company',
		name: 'Maasland Logistics',
		town: 'Maasmechelen',
		people: [{ email: 'cedric.gielen@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'company',
		name: 'Noordzee Energie',
		town: 'Knokke-Heist',
		people: [{ email: 'wout.declercq@groeistoot.test', role: 'owner' }]
	},
	{
		kind: 'partner',
		partnerType: 'fablab',
		name: 'FabLab Gent',
		town: 'Gent',
		people: []
	},
	{
		kind: 'partner',
		partnerType: 'library',
		name: 'Bibliotheek Kortrijk',
		town: 'Kortrijk',
		people: []
	}
];

/** Sector of the pinned companies (for their descriptions). */
const PINNED_SECTORS = /** @type {Record<string, { sector: string, staff: string }>} */ ({
	'Leie Automation': { sector: 'industriële automatisering', staff: 'automatiseringsingenieurs' },
	'Schelde Chemie': { sector: 'chemie in de haven', staff: 'chemici en procesoperatoren' },
	'Zenne Aerospace': { sector: 'onderdelen voor de luchtvaart', staff: 'luchtvaartingenieurs' },
	'Lambrecht Automation': { sector: 'automatisering voor kmo’s', staff: 'technici' },
	'Maasland Logistics': { sector: 'logistiek en transport', staff: 'logistieke experten' },
	'Noordzee Energie': { sector: 'windenergie op zee', staff: 'energietechnici' }
});

/** Parses the demo accounts of 01_people.sql (id, email, municipality). @param {string} sql */
export function parseDemoAccounts(sql) {
	/** @type {DemoAccount[]} */
	const accounts = [];
	const row =
		/\('(d0000000-[0-9a-f-]+)', '([^']+@groeistoot\.test)', '((?:[^']|'')+)', '\{([^}]*)\}', '(\d{5})'/g;
	for (const match of sql.matchAll(row)) {
		accounts.push({
			id: String(match[1]),
			email: String(match[2]),
			displayName: String(match[3]).replaceAll("''", "'"),
			personas: /** @type {Persona[]} */ (String(match[4]).split(',').filter(Boolean)),
			nis: String(match[5])
		});
	}
	return accounts;
}

/**
 * @param {{ municipalities: Municipality[], demoAccounts: DemoAccount[],
 *   statistics: import('./statistics.js').Statistics, seed?: number }} input
 */
export function buildSeed({ municipalities, demoAccounts, statistics, seed = 20261127 }) {
	const PROVINCE_COVERAGE = statistics.provinceCoverage;
	const random = createRandom(seed);
	checkPostalNames(municipalities);

	const byName = new Map(municipalities.map((m) => [m.name, m]));
	const byNis = new Map(municipalities.map((m) => [m.nis, m]));
	/** @param {string} name */
	const town = (name) => {
		const m = byName.get(name);
		if (!m) throw new Error(`unknown municipality ${name}`);
		return m;
	};
	const demoByEmail = new Map(demoAccounts.map((a) => [a.email, a]));
	/** @param {string} email */
	const demo = (email) => {
		const a = demoByEmail.get(email);
		if (!a) throw new Error(`demo account ${email} not found in 01_people.sql`);
		return a;
	};
	const staff = demo('netwerk@groeistoot.test');

	/** Nearest municipalities (itself first), cached. */
	const nearestCache = new Map();
	/** @param {Municipality} m @returns {Municipality[]} */
	const nearest = (m) => {
		let list = nearestCache.get(m.nis);
		if (!list) {
			list = [...municipalities].sort((a, b) => distanceKm(m, a) - distanceKm(m, b));
			nearestCache.set(m.nis, list);
		}
		return list;
	};
	/** A municipality near m (m itself with probability pSelf). @param {Municipality} m @param {number} pSelf */
	const nearby = (m, pSelf) => (random.chance(pSelf) ? m : random.pick(nearest(m).slice(1, 7)));

	const usedSlugs = new Set();
	/** @param {string} name @param {Municipality} m */
	const uniqueSlug = (name, m) => {
		let slug = slugify(name);
		if (usedSlugs.has(slug)) slug = slugify(`${name} ${m.name}`);
		for (let i = 2; usedSlugs.has(slug); i++) slug = `${slugify(name)}-${i}`;
		usedSlugs.add(slug);
		return slug;
	};

	/** @type {Organisation[]} */
	const organisations = [];
	const counters = { academy: 0, school: 0, company: 0, partner: 0 };

	/**
	 * @param {Kind} kind @param {string} name @param {Municipality} m
	 * @param {{ description: string, theme?: Theme | null, partnerType?: string | null }} extra
	 */
	function addOrganisation(kind, name, m, extra) {
		counters[kind] += 1;
		const slug = uniqueSlug(name, m);
		const domain = mailDomain(slug);
		const exactPoint = random.chance(0.65);
		const streets = kind === 'company' ? INDUSTRIAL_STREETS : STREETS;
		/** @type {Organisation} */
		const org = {
			id: seedId(ID_PREFIXES[kind], counters[kind]),
			kind,
			partnerType: extra.partnerType ?? null,
			name,
			slug,
			description: extra.description,
			website: random.chance(0.75) ? `https://www.${domain}.example.test` : null,
			publicEmail: random.chance(0.85) ? `info@${domain}.example.test` : null,
			publicPhone: random.chance(0.55) ? landline(random, m) : null,
			streetAddress: random.chance(0.9) ? `${random.pick(streets)} ${random.int(1, 180)}` : null,
			postalCode: null,
			nis: m.nis,
			lat: exactPoint ? round6(m.lat + (random.next() - 0.5) * 0.02) : null,
			lng: exactPoint ? round6(m.lng + (random.next() - 0.5) * 0.03) : null,
			verification: 'verified',
			createdDaysAgo: random.int(120, 1100),
			verifiedDaysAgo: null,
			createdBy: null,
			theme: extra.theme ?? null,
			town: m,
			weight: 1
		};
		if (org.streetAddress || random.chance(0.5)) org.postalCode = postalCode(m);
		organisations.push(org);
		return org;
	}

	// Academies: where -------------------------------------------------------------------------------
	const provinces = Object.keys(PROVINCE_COVERAGE).sort();
	const pinnedAcademies = PINNED.filter((p) => p.kind === 'academy');
	/** Academies to place per municipality. @type {Map<string, number>} */
	const academySlots = new Map();
	for (const province of provinces) {
		const inProvince = municipalities.filter((m) => provinceKey(m) === province);
		const target = Math.round(
			((PROVINCE_COVERAGE[province] ?? 0) / 100) * inProvince.length * COVERAGE_SCALE
		);
		const covered = new Set(
			pinnedAcademies
				.map((p) => town(p.town))
				.filter((m) => provinceKey(m) === province)
				.map((m) => m.nis)
		);
		for (const [city] of Object.entries(CITY_EXTRAS)) {
			const m = town(city);
			if (provinceKey(m) === province) covered.add(m.nis);
		}
		// Larger towns are likelier to have an academy.
		let candidates = inProvince.filter((m) => !covered.has(m.nis));
		while (covered.size < target && candidates.length > 0) {
			const m = random.weighted(candidates, (c) => Math.sqrt(c.population));
			covered.add(m.nis);
			candidates = candidates.filter((c) => c !== m);
		}
		for (const nis of covered) academySlots.set(nis, 1);
	}
	for (const [city, extra] of Object.entries(CITY_EXTRAS)) {
		const nis = town(city).nis;
		academySlots.set(nis, (academySlots.get(nis) ?? 0) + extra);
	}
	// Pinned academies take slots first.
	for (const p of pinnedAcademies) {
		const nis = town(p.town).nis;
		const left = academySlots.get(nis) ?? 0;
		academySlots.set(nis, Math.max(0, left - 1));
	}
	const academyTowns = [...academySlots.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.flatMap(([nis, n]) =>
			Array.from({ length: n }, () => /** @type {Municipality} */ (byNis.get(nis)))
		);
	const academyCount = academyTowns.length + pinnedAcademies.length;

	// Academies: what --------------------------------------------------------------------------------
	const themeCounts = apportion(THEME_SHARES, academyCount);
	for (const p of pinnedAcademies) themeCounts[/** @type {Theme} */ (p.theme)] -= 1;
	const themes = random.shuffle(
		/** @type {Theme[]} */ (Object.keys(themeCounts)).flatMap((t) =>
			Array.from({ length: Math.max(0, themeCounts[t]) }, () => t)
		)
	);
	while (themes.length < academyTowns.length) themes.push('coding');

	/** @param {Theme} theme */
	const academyAges = (theme) => {
		const min =
			theme === 'nature' || theme === 'broad'
				? random.pick([6, 7, 8])
				: random.pick([8, 9, 10, 12]);
		return { min, max: Math.min(18, min + random.pick([4, 5, 6, 8])) };
	};

	/** @type {Map<string, { min: number, max: number }>} */
	const academyAgeRange = new Map();
	/** @param {string} name @param {Municipality} m @param {Theme} theme */
	function addAcademy(name, m, theme) {
		const ages = academyAges(theme);
		const org = addOrganisation('academy', name, m, {
			description: academyDescription(random, {
				name,
				theme,
				town: m.name,
				ageMin: ages.min,
				ageMax: ages.max,
				brussels: m.region === 'BRU'
			}),
			theme
		});
		academyAgeRange.set(org.id, ages);
		org.weight = 0.6 + random.next() * 1.4 + (m.population > 70000 ? 0.6 : 0);
		return org;
	}

	/** @type {Map<string, Organisation>} */
	const pinnedOrgs = new Map();
	for (const p of pinnedAcademies) {
		pinnedOrgs.set(p.name, addAcademy(p.name, town(p.town), /** @type {Theme} */ (p.theme)));
	}
	const usedNames = new Set(PINNED.map((p) => p.name));
	academyTowns.forEach((m, i) => {
		const theme = /** @type {Theme} */ (themes[i]);
		let name = academyName(random, theme, m.name, m.region === 'BRU');
		for (let tries = 0; usedNames.has(name) && tries < 20; tries++) {
			name = academyName(
				random,
				random.pick(/** @type {Theme[]} */ (Object.keys(THEME_SHARES))),
				m.name,
				m.region === 'BRU'
			);
		}
		if (usedNames.has(name)) name = `${name} ${m.name}`;
		usedNames.add(name);
		addAcademy(name, m, theme);
	});

	// Schools, companies, partners -------------------------------------------------------------------
	/** @param {Municipality} m */
	const townWeight = (m) => Math.pow(m.population, 0.8);
	for (const p of PINNED.filter((q) => q.kind === 'school')) {
		const m = town(p.town);
		const level = /basisschool/i.test(p.name) ? 'primary' : 'secondary';
		pinnedOrgs.set(
			p.name,
			addOrganisation('school', p.name, m, {
				description: schoolDescription(random, {
					name: p.name,
					town: m.name,
					level,
					pupils: random.int(300, 1200)
				})
			})
		);
	}
	while (counters.school < TOTALS.schools) {
		const m = random.weighted(municipalities, townWeight);
		const { name, level } = schoolName(random, m.name);
		if (usedNames.has(name)) continue;
		usedNames.add(name);
		const pupils = level === 'primary' ? random.int(120, 450) : random.int(350, 1400);
		addOrganisation('school', name, m, {
			description: schoolDescription(random, { name, town: m.name, level, pupils })
		});
	}
	for (const p of PINNED.filter((q) => q.kind === 'company')) {
		const m = town(p.town);
		const sector = /** @type {{ sector: string, staff: string }} */ (PINNED_SECTORS[p.name]);
		pinnedOrgs.set(
			p.name,
			addOrganisation('company', p.name, m, {
				description: companyDescription(random, { name: p.name, town: m.name, sector })
			})
		);
	}
	while (counters.company < TOTALS.companies) {
		const m = random.weighted(municipalities, (c) => Math.sqrt(c.population));
		const { name, sector } = companyName(random);
		if (usedNames.has(name)) continue;
		usedNames.add(name);
		addOrganisation('company', name, m, {
			description: companyDescription(random, { name, town: m.name, sector })
		});
	}
	for (const p of PINNED.filter((q) => q.kind === 'partner')) {
		const m = town(p.town);
		const template = /** @type {(typeof PARTNER_TEMPLATES)[number]} */ (
			PARTNER_TEMPLATES.find((t) => t.type === p.partnerType)
		);
		usedNames.add(p.name);
		pinnedOrgs.set(
			p.name,
			addOrganisation('partner', p.name, m, {
				description: fillTown(template.text, m.name),
				partnerType: p.partnerType ?? 'other'
			})
		);
	}
	while (counters.partner < TOTALS.partners) {
		const m = random.weighted(municipalities, townWeight);
		const template = random.pick(PARTNER_TEMPLATES);
		const name = fillTown(template.name, m.name);
		if (usedNames.has(name)) continue;
		usedNames.add(name);
		addOrganisation('partner', name, m, {
			description: fillTown(template.text, m.name),
			partnerType: template.type
		});
	}

	// The demo accounts' organisations have been around for a while (they have a history to show).
	for (const org of pinnedOrgs.values()) org.createdDaysAgo = random.int(420, 900);

	// Verification: most verified, some waiting for review, a couple withdrawn ----------------------
	/** @type {VerificationEvent[]} */
	const verificationEvents = [];
	const pinnedIds = new Set([...pinnedOrgs.values()].map((o) => o.id));
	const generated = organisations.filter((o) => !pinnedIds.has(o.id));
	const withdrawnNotes = [
		'De academie is gestopt; de website is offline en niemand reageert nog.',
		'Dubbele registratie: deze organisatie staat al op het platform onder een andere naam.',
		'Geen activiteiten meer sinds vorig schooljaar en geen contactpersoon bereikbaar.'
	];
	const withdrawn = new Set(random.sample(generated, withdrawnNotes.length).map((o) => o.id));
	let withdrawnIndex = 0;
	for (const org of organisations) {
		if (withdrawn.has(org.id)) {
			org.verification = 'withdrawn';
			const verifiedAgo = random.int(30, org.createdDaysAgo - 5);
			org.verifiedDaysAgo = random.int(2, verifiedAgo - 1);
			verificationEvents.push({
				organisationId: org.id,
				action: 'verified',
				note: null,
				daysAgo: verifiedAgo
			});
			verificationEvents.push({
				organisationId: org.id,
				action: 'withdrawn',
				note: withdrawnNotes[withdrawnIndex++] ?? null,
				daysAgo: org.verifiedDaysAgo
			});
		} else if (!pinnedIds.has(org.id) && random.chance(0.15)) {
			org.verification = 'unverified';
			org.createdDaysAgo = random.int(1, 45);
		} else {
			org.verification = 'verified';
			org.verifiedDaysAgo =
				org.createdDaysAgo - random.int(1, Math.min(30, org.createdDaysAgo - 1));
			verificationEvents.push({
				organisationId: org.id,
				action: 'verified',
				note: random.chance(0.3)
					? random.pick([
							'Gecontroleerd via het ondernemingsnummer en een telefoontje.',
							'Bekend bij het netwerk; activiteiten nagekeken.',
							'Erkenning en website nagekeken.'
						])
					: null,
				daysAgo: org.verifiedDaysAgo
			});
		}
	}

	// People and memberships -------------------------------------------------------------------------
	/** @type {Person[]} */
	const people = [];
	/** @type {Membership[]} */
	const memberships = [];
	const memberKeys = new Set();
	const usedEmails = new Set(demoAccounts.map((a) => a.email));
	const usedDisplayNames = new Set();
	/** @param {Organisation} org @param {string} userId @param {Role} role */
	const addMembership = (org, userId, role) => {
		const key = `${org.id}/${userId}`;
		if (memberKeys.has(key)) return false;
		memberKeys.add(key);
		memberships.push({
			organisationId: org.id,
			userId,
			role,
			daysAgo: role === 'owner' ? org.createdDaysAgo : random.int(0, org.createdDaysAgo)
		});
		return true;
	};

	for (const p of PINNED) {
		const org = /** @type {Organisation} */ (pinnedOrgs.get(p.name));
		for (const person of p.people) addMembership(org, demo(person.email).id, person.role);
		const owner = p.people.find((q) => q.role === 'owner');
		if (owner) org.createdBy = demo(owner.email).id;
	}

	const bios = /** @type {Record<Persona, string[]>} */ ({
		coordinator: [
			'Coördinator en vrijwilliger van het eerste uur. Altijd op zoek naar extra begeleiders.',
			'Trekt de academie samen met een team van vrijwilligers; overdag ingenieur.',
			'Vrijwillige coördinator: planning, inschrijvingen en contact met scholen.',
			'Mama van drie en coördinator van een STEM-academie in de buurt.'
		],
		school_staff: [
			'Directeur van een school die haar lokalen na de lesuren openstelt.',
			'STEM-coördinator op school; beheert het labo en de makerspace.',
			'ICT-coördinator, zoekt academies die met onze leerlingen willen werken.'
		],
		company_rep: [
			'Verantwoordelijke maatschappelijk engagement bij een technologiebedrijf.',
			'HR-medewerker; onze ingenieurs geven graag een workshop.',
			'Zaakvoerder van een kmo; kan materiaal en een werkplaats ter beschikking stellen.'
		],
		teacher: [
			'Leerkracht wetenschappen, helpt graag bij proefjesnamiddagen.',
			'Leerkracht informatica in het secundair.',
			'Leerkracht in het lager onderwijs met een passie voor techniek.'
		],
		volunteer: [
			'Student ingenieurswetenschappen, begeleidt op zaterdag een groep.',
			'Softwareontwikkelaar en mentor bij een codeerclub.',
			'Gepensioneerd technicus, deelt graag wat hij weet.',
			'Hobby-elektronicus, helpt bij soldeer- en robotworkshops.'
		]
	});

	/** @param {Municipality} m @param {Persona[]} personas */
	function addPerson(m, personas) {
		const city = m.region === 'BRU' || m.population > 100000;
		let displayName = '';
		let email = '';
		for (let tries = 0; tries < 50; tries++) {
			const first =
				city && random.chance(0.35) ? random.pick(CITY_FIRST_NAMES) : random.pick(FIRST_NAMES);
			const last = city && random.chance(0.35) ? random.pick(CITY_SURNAMES) : random.pick(SURNAMES);
			displayName = `${first} ${last}`;
			email = `${emailPart(first)}.${emailPart(last)}@groeistoot.test`;
			if (!usedEmails.has(email) && !usedDisplayNames.has(displayName)) break;
		}
		if (usedEmails.has(email)) email = email.replace('@', `${people.length + 1}@`);
		usedEmails.add(email);
		usedDisplayNames.add(displayName);
		const main = /** @type {Persona | undefined} */ (personas[0]);
		/** @type {Person} */
		const person = {
			id: seedId(ID_PREFIXES.person, people.length + 1),
			email,
			displayName,
			personas,
			nis: nearby(m, 0.7).nis,
			bio: main && random.chance(0.6) ? random.pick(bios[main]) : null,
			visibility: random.weighted(/** @type {const} */ (['public', 'members', 'private']), (v) =>
				v === 'public' ? 35 : v === 'members' ? 50 : 15
			),
			demo: false
		};
		people.push(person);
		return person;
	}

	/** Persona of the owner, per kind. @type {Record<Kind, () => Persona[]>} */
	const ownerPersonas = {
		academy: () =>
			random.pick([
				['coordinator'],
				['coordinator'],
				['coordinator', 'volunteer'],
				['coordinator', 'teacher']
			]),
		school: () => random.pick([['school_staff'], ['school_staff'], ['school_staff', 'teacher']]),
		company: () => random.pick([['company_rep'], ['company_rep'], ['company_rep', 'volunteer']]),
		partner: () => random.pick([[], ['coordinator'], ['volunteer']])
	};

	const generatedPeople = TOTALS.people - demoAccounts.length;
	const memberOnly = 40;
	const freshOwners = generatedPeople - memberOnly;
	const needOwner = organisations.filter(
		(o) => !memberships.some((m) => m.organisationId === o.id && m.role === 'owner')
	);
	// New owners for a share of each kind; the rest are run by a nearby person who already owns one.
	const freshShare = /** @type {Record<Kind, number>} */ ({
		academy: 0.8,
		school: 0.5,
		company: 0.6,
		partner: 0.65
	});
	const ordered = random.shuffle(needOwner);
	/** @type {Organisation[]} */
	const fresh = [];
	/** @type {Organisation[]} */
	const later = [];
	for (const org of ordered) {
		const sameKindFresh = fresh.filter((o) => o.kind === org.kind).length;
		const kindTotal = needOwner.filter((o) => o.kind === org.kind).length;
		if (fresh.length < freshOwners && sameKindFresh < Math.ceil(kindTotal * freshShare[org.kind]))
			fresh.push(org);
		else later.push(org);
	}
	// Fill up to the fresh-owner budget with the rest, academies first.
	later.sort((a, b) => Number(a.kind !== 'academy') - Number(b.kind !== 'academy'));
	while (fresh.length < freshOwners && later.length > 0)
		fresh.push(/** @type {Organisation} */ (later.shift()));

	/** @type {Map<Kind, { person: Person, town: Municipality }[]>} */
	const ownersByKind = new Map();
	for (const org of fresh.sort((a, b) => a.id.localeCompare(b.id))) {
		const person = addPerson(org.town, ownerPersonas[org.kind]());
		addMembership(org, person.id, 'owner');
		org.createdBy = person.id;
		const list = ownersByKind.get(org.kind) ?? [];
		list.push({ person, town: org.town });
		ownersByKind.set(org.kind, list);
	}
	for (const org of later.sort((a, b) => a.id.localeCompare(b.id))) {
		const candidates = ownersByKind.get(org.kind) ?? [];
		const closest = [...candidates]
			.sort((a, b) => distanceKm(a.town, org.town) - distanceKm(b.town, org.town))
			.slice(0, 3);
		const owner = random.pick(closest).person;
		addMembership(org, owner.id, 'owner');
		org.createdBy = owner.id;
	}

	// Volunteers and teachers who are members of academies near them.
	const academies = organisations.filter((o) => o.kind === 'academy');
	for (let i = 0; i < memberOnly; i++) {
		const home = random.weighted(academies, (a) => a.weight).town;
		const person = addPerson(
			home,
			random.pick([['volunteer'], ['teacher'], ['teacher', 'volunteer'], ['volunteer']])
		);
		const near = [...academies]
			.sort((a, b) => distanceKm(a.town, home) - distanceKm(b.town, home))
			.slice(0, 4);
		for (const org of random.sample(near, random.pick([1, 1, 2]))) {
			addMembership(org, person.id, random.chance(0.2) ? 'admin' : 'member');
		}
	}

	// Extra members: teachers and volunteers help academies; colleagues join schools and companies.
	// The persona demo accounts (leerkracht@, coordinator@, ...) keep exactly the roles PINNED gives them.
	const personaAccounts = new Set(
		demoAccounts.filter((a) => PERSONA_EMAILS.includes(a.email)).map((a) => a.id)
	);
	const allPeople = [
		...demoAccounts
			.filter((a) => !personaAccounts.has(a.id))
			.map((a) => ({ id: a.id, nis: a.nis, personas: a.personas })),
		...people
	];
	/** @param {Organisation} org @param {(p: { personas: Persona[] }) => boolean} fits */
	const peopleNear = (org, fits) =>
		allPeople
			.filter(fits)
			.map((p) => ({ p, d: distanceKm(/** @type {Municipality} */ (byNis.get(p.nis)), org.town) }))
			.sort((a, b) => a.d - b.d)
			.slice(0, 8)
			.map(({ p }) => p);
	for (const org of organisations) {
		const extra =
			org.kind === 'academy'
				? random.pick([0, 1, 1, 2, 2, 3])
				: org.kind === 'school'
					? random.pick([0, 0, 1, 2])
					: org.kind === 'company'
						? random.pick([0, 0, 1])
						: random.pick([0, 0, 0, 1]);
		if (extra === 0) continue;
		const fits =
			org.kind === 'academy'
				? (/** @type {{ personas: Persona[] }} */ p) =>
						p.personas.includes('volunteer') ||
						p.personas.includes('teacher') ||
						p.personas.includes('coordinator')
				: org.kind === 'school'
					? (/** @type {{ personas: Persona[] }} */ p) =>
							p.personas.includes('teacher') || p.personas.includes('school_staff')
					: org.kind === 'company'
						? (/** @type {{ personas: Persona[] }} */ p) => p.personas.includes('company_rep')
						: () => true;
		for (const p of random.sample(peopleNear(org, fits), extra)) {
			addMembership(org, p.id, random.chance(0.3) ? 'admin' : 'member');
		}
	}
	// About one organisation in seven has a second owner.
	for (const org of organisations) {
		if (!random.chance(0.15)) continue;
		const member = memberships.find(
			(m) => m.organisationId === org.id && m.role !== 'owner' && !personaAccounts.has(m.userId)
		);
		if (member) member.role = 'owner';
	}

	// Private contacts: the owner, for about half of the organisations -------------------------------
	/** @type {Contact[]} */
	const contacts = [];
	const personById = new Map(
		[...demoAccounts, ...people].map((p) => [p.id, { displayName: p.displayName }])
	);
	for (const org of organisations) {
		if (!random.chance(0.5)) continue;
		const owner = memberships.find((m) => m.organisationId === org.id && m.role === 'owner');
		const person = owner ? personById.get(owner.userId) : undefined;
		const name = person?.displayName ?? `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
		const [first, ...rest] = name.split(' ');
		const domain = mailDomain(org.slug);
		contacts.push({
			organisationId: org.id,
			contactName: name,
			email: `${emailPart(first ?? '')}.${emailPart(rest.join(' '))}@${domain}.example.test`,
			phone: random.chance(0.8) ? mobile(random) : null
		});
	}

	// Activities -------------------------------------------------------------------------------------
	const domainCounts = apportion(statistics.domains, TOTALS.activities);
	const formatCounts = apportion(statistics.formats, TOTALS.activities);
	const domainList = random.shuffle(
		/** @type {Domain[]} */ (Object.keys(domainCounts)).flatMap((d) =>
			Array.from({ length: domainCounts[d] }, () => d)
		)
	);
	const formatList = random.shuffle(
		/** @type {Format[]} */ (Object.keys(formatCounts)).flatMap((f) =>
			Array.from({ length: formatCounts[f] }, () => f)
		)
	);
	// Activities per province as in the inventory (Wallonia left out: the platform covers Flanders and Brussels).
	const provinceCounts = apportion(statistics.provinceActivities, TOTALS.activities);
	const provinceList = random.shuffle(
		Object.keys(provinceCounts)
			.sort()
			.flatMap((p) => Array.from({ length: /** @type {number} */ (provinceCounts[p]) }, () => p))
	);
	/** @type {{ domain: Domain, format: Format, province: string }[]} */
	const slots = domainList.map((domain, i) => ({
		domain,
		format: /** @type {Format} */ (formatList[i]),
		province: /** @type {string} */ (provinceList[i])
	}));

	/** @type {Map<string, { domain: Domain, format: Format, upcoming: boolean }[]>} */
	const assigned = new Map(academies.map((a) => [a.id, []]));
	/** @param {Organisation} a @param {Domain} d */
	const affinity = (a, d) => AFFINITY[/** @type {Theme} */ (a.theme)][d] ?? 0;
	/** @param {Organisation} a @param {{ domain: Domain, format: Format }} slot @param {boolean} upcoming */
	const assign = (a, slot, upcoming) => {
		/** @type {{ domain: Domain, format: Format, upcoming: boolean }[]} */ (
			assigned.get(a.id)
		).push({
			domain: slot.domain,
			format: slot.format,
			upcoming
		});
		slots.splice(slots.indexOf(/** @type {never} */ (slot)), 1);
	};
	const coordinatorAcademy = /** @type {Organisation} */ (
		pinnedOrgs.get('STEM-academie De Uitvinders')
	);
	// Every academy gets at least one activity, most of them an upcoming one; the coordinator's demo
	// academy gets a few to play with.
	for (const a of random.shuffle(academies)) {
		const wanted = a === coordinatorAcademy ? 5 : 1;
		for (let i = 0; i < wanted; i++) {
			const fitting = slots.filter((s) => s.province === provinceKey(a.town));
			const pool = fitting.length > 0 ? fitting : slots;
			const slot = random.weighted(pool, (s) => affinity(a, s.domain) + 0.01);
			assign(a, slot, a === coordinatorAcademy ? i < 3 : random.chance(0.8));
		}
	}
	for (const slot of [...slots]) {
		const inProvince = academies.filter((a) => provinceKey(a.town) === slot.province);
		const pool = inProvince.length > 0 ? inProvince : academies;
		const a = random.weighted(pool, (c) => {
			const count = /** @type {unknown[]} */ (assigned.get(c.id)).length;
			return ((affinity(c, slot.domain) + 0.02) * c.weight) / (1 + count / 3);
		});
		assign(a, slot, false);
	}

	const WEEKDAY = /** @type {Record<Format, number[]>} */ ({
		losse_activiteit: [3, 3, 6, 6, 7],
		korte_reeks: [3, 3, 6],
		lange_reeks_semester: [3, 3, 6, 5],
		lange_reeks_jaar: [3, 6],
		kamp_zonder_overnachting: [1],
		kamp_met_overnachting: [1, 1, 3]
	});
	const START_RANGE = /** @type {Record<Format, [number, number]>} */ ({
		losse_activiteit: [-365, 100],
		korte_reeks: [-365, 90],
		lange_reeks_semester: [-330, 45],
		lange_reeks_jaar: [-400, 30],
		kamp_zonder_overnachting: [-365, 150],
		kamp_met_overnachting: [-365, 150]
	});

	/** @type {Activity[]} */
	const activities = [];
	/** @type {ReachReport[]} */
	const reachReports = [];
	const membersOf = (/** @type {string} */ orgId) =>
		memberships.filter((m) => m.organisationId === orgId).map((m) => m.userId);

	for (const a of academies) {
		const list = /** @type {{ domain: Domain, format: Format, upcoming: boolean }[]} */ (
			assigned.get(a.id)
		);
		const ages = /** @type {{ min: number, max: number }} */ (academyAgeRange.get(a.id));
		const team = membersOf(a.id);
		const usedTitles = new Set();
		list.forEach((slot, index) => {
			const { domain, format } = slot;
			let topic = random.pick(TOPICS[domain]);
			for (let t = 0; t < 5 && usedTitles.has(topic.title); t++)
				topic = random.pick(TOPICS[domain]);
			usedTitles.add(topic.title);
			const ageMin = Math.max(topic.minAge, Math.min(ages.min + random.int(0, 2), 14), 5);
			const ageMax = Math.min(18, ageMin + random.pick([2, 2, 3, 3, 4, 6]));
			const girls =
				(domain === 'programmeren' && random.chance(0.04)) || a.name.startsWith('Coding Girls');
			const sessions =
				format === 'losse_activiteit'
					? 1
					: format === 'korte_reeks'
						? random.int(3, 6)
						: format === 'lange_reeks_semester'
							? random.int(10, 15)
							: format === 'lange_reeks_jaar'
								? random.int(24, 30)
								: format === 'kamp_zonder_overnachting'
									? random.pick([5, 5, 5, 4, 3])
									: random.pick([3, 4, 5, 5, 6]);
			const camp = format.startsWith('kamp');
			const span = sessions <= 1 ? 0 : camp ? sessions - 1 : 7 * (sessions - 1);
			// Nothing starts before the academy joined the platform (new academies only plan ahead).
			const earliest = -a.createdDaysAgo + 45;
			const [lo, hi] = START_RANGE[format];
			let startOffset = slot.upcoming
				? random.int(5, 120)
				: random.int(Math.max(lo, earliest), Math.max(hi, earliest + 60));
			if (a === coordinatorAcademy && !slot.upcoming) startOffset = random.int(-200, -60);
			const weekday = random.pick(WEEKDAY[format]);
			const past = startOffset + 6 + span < 0;
			const upcoming = startOffset >= 0;

			/** @type {'draft' | 'published' | 'cancelled'} */
			let status = 'published';
			const r = random.next();
			if (past) status = r < 0.04 ? 'cancelled' : 'published';
			else if (upcoming) status = r < 0.14 ? 'draft' : r < 0.19 ? 'cancelled' : 'published';
			if (a === coordinatorAcademy) {
				status = index === 2 ? 'draft' : 'published';
			}
			const lead = random.int(14, 40);
			const createdOffset = clamp(startOffset - lead - random.int(0, 10), -a.createdDaysAgo, -1);
			const publishedOffset =
				status === 'draft' ? null : clamp(startOffset - lead, createdOffset, -1);
			const cancelledOffset =
				status === 'cancelled'
					? clamp(startOffset - random.int(1, 10), publishedOffset ?? createdOffset, -1)
					: null;

			const venueTown = nearby(a.town, 0.8);
			const own = venueTown === a.town && random.chance(0.5);
			const venueKind = random.pick(VENUES.slice(1));
			const venueName = own ? `Lokaal ${a.name}` : `${venueKind} ${venueTown.name}`;
			const street =
				own && a.streetAddress ? a.streetAddress : `${random.pick(STREETS)} ${random.int(1, 150)}`;
			const venueAddress = `${street}, ${postalCode(venueTown)} ${venueTown.name}`;

			const capacity =
				domain === 'sterrenkunde' && format === 'losse_activiteit'
					? random.pick([30, 40, 60])
					: camp
						? random.pick([16, 20, 24, 30, 40])
						: random.pick([10, 12, 12, 14, 15, 16, 20, 24]);
			const free =
				a.name.startsWith('CoderDojo') ||
				random.chance(format === 'losse_activiteit' ? 0.35 : 0.05);
			const basePrice = /** @type {Record<Format, [number, number]>} */ ({
				losse_activiteit: [3, 15],
				korte_reeks: [20, 60],
				lange_reeks_semester: [60, 150],
				lange_reeks_jaar: [120, 260],
				kamp_zonder_overnachting: [80, 165],
				kamp_met_overnachting: [180, 340]
			})[format];
			const price = free ? 0 : random.int(basePrice[0], basePrice[1]);
			const reducedPrice =
				price === 0
					? null
					: random.chance(0.65)
						? round2(random.chance(0.6) ? price * 0.2 : price / 2)
						: null;

			const id = seedId(ID_PREFIXES.activity, activities.length + 1);
			const creator = team.length > 0 ? random.pick(team) : null;
			activities.push({
				id,
				organisationId: a.id,
				title: activityTitle(random, topic.title, format, ageMin, ageMax, girls),
				description: activityDescription(random, {
					what: topic.what,
					format,
					sessions,
					academy: a.name,
					girls
				}),
				domains: [domain],
				format,
				ageMin,
				ageMax,
				startOffset,
				weekday,
				span,
				sessionCount: sessions,
				venueName,
				venueAddress,
				nis: venueTown.nis,
				lat: own && a.lat !== null ? a.lat : null,
				lng: own && a.lng !== null ? a.lng : null,
				capacity,
				price,
				reducedPrice,
				registrationUrl: random.chance(0.7)
					? `https://www.${mailDomain(a.slug)}.example.test/inschrijven`
					: null,
				status,
				publishedOffset,
				cancelledOffset,
				createdOffset,
				createdBy: creator
			});

			// Reach: most finished activities have a report, with aggregates only.
			if (past && status === 'published' && (a === coordinatorAcademy || random.chance(0.88))) {
				const participants = Math.max(4, Math.round(capacity * (0.55 + random.next() * 0.45)));
				const share = girls
					? 0.8 + random.next() * 0.2
					: random.weighted([0, 1, 2], (k) => (k === 0 ? 78 : k === 1 ? 11 : 11)) === 0
						? 0.2 + random.next() * 0.15
						: random.chance(0.5)
							? 0.08 + random.next() * 0.12
							: 0.35 + random.next() * 0.2;
				let girlsCount = Math.round(participants * share);
				// Keep a 20–35 % draw in range after rounding.
				if (share >= 0.2 && share <= 0.35 && !girls) {
					while (girlsCount / participants < 0.2) girlsCount++;
					while (girlsCount / participants > 0.35) girlsCount--;
				}
				const brussels = a.town.region === 'BRU';
				const part = (/** @type {number} */ lo2, /** @type {number} */ hi2) =>
					Math.round(participants * (lo2 + random.next() * (hi2 - lo2)));
				reachReports.push({
					id: seedId(ID_PREFIXES.reach, reachReports.length + 1),
					activityId: id,
					participants,
					girls: girlsCount,
					disadvantaged: random.chance(0.6) ? part(0.05, brussels ? 0.45 : 0.3) : null,
					nonDutchHomeLanguage: random.chance(0.5) ? part(0.05, brussels ? 0.7 : 0.35) : null,
					specialNeeds: random.chance(0.3) ? part(0, 0.1) : null,
					reportedBy: creator,
					reportedOffset: Math.min(-1, startOffset + 6 + span + random.int(1, 20))
				});
			}
		});
	}

	// Academy profiles follow from their activities and theme ----------------------------------------
	/** @type {Record<Domain, string[]>} */
	const LETTERS = {
		techniek: ['T', 'E'],
		programmeren: ['T'],
		natuur: ['S'],
		sterrenkunde: ['S'],
		wiskunde_natuurwetenschappen: ['S', 'M'],
		life_sciences: ['S'],
		andere: ['T']
	};
	/** @type {Domain[]} */
	const DOMAIN_ORDER = [
		'techniek',
		'programmeren',
		'natuur',
		'sterrenkunde',
		'wiskunde_natuurwetenschappen',
		'life_sciences',
		'andere'
	];
	const labels = random.sample(academies, 20);
	/** @type {AcademyProfile[]} */
	const academyProfiles = academies.map((a) => {
		const own = activities.filter((x) => x.organisationId === a.id);
		const domainSet = new Set([
			...THEME_DOMAINS[/** @type {Theme} */ (a.theme)],
			...own.flatMap((x) => x.domains)
		]);
		const domains = DOMAIN_ORDER.filter((d) => domainSet.has(d));
		const letterSet = new Set(domains.flatMap((d) => LETTERS[d]));
		if (a.theme === 'coding' && random.chance(0.5)) letterSet.add('M');
		if (a.theme === 'robotics') letterSet.add('E');
		if (a.theme === 'broad') ['S', 'T', 'E', 'M'].forEach((l) => letterSet.add(l));
		const stemLetters = ['S', 'T', 'E', 'M'].filter((l) => letterSet.has(l));
		const main = THEME_DOMAINS[/** @type {Theme} */ (a.theme)].flatMap((d) => LETTERS[d]);
		const accentLetters = stemLetters
			.filter((l) => main.includes(l))
			.slice(0, stemLetters.length >= 3 && random.chance(0.4) ? 2 : 1);
		const ages =
			own.length > 0
				? { min: Math.min(...own.map((x) => x.ageMin)), max: Math.max(...own.map((x) => x.ageMax)) }
				: /** @type {{ min: number, max: number }} */ (academyAgeRange.get(a.id));
		const languages = ['nl'];
		if (a.town.region === 'BRU') {
			if (random.chance(0.7)) languages.push('fr');
			if (random.chance(0.4)) languages.push('en');
		} else if (random.chance(0.08)) languages.push('en');
		const labelIndex = labels.indexOf(a);
		return {
			organisationId: a.id,
			stemLetters,
			accentLetters: accentLetters.length > 0 ? accentLetters : stemLetters.slice(0, 1),
			creativeLink: a.theme === 'steam' || random.chance(0.12),
			domains,
			ageMin: ages.min,
			ageMax: ages.max,
			languages,
			officiallyRecognised: a.verification === 'verified' && random.chance(0.6),
			qualityLabel: labelIndex < 0 ? 'none' : labelIndex < 8 ? 'awarded' : 'candidate'
		};
	});

	return {
		people,
		organisations,
		contacts,
		academyProfiles,
		memberships,
		verificationEvents,
		activities,
		reachReports,
		staffId: staff.id
	};
}

/** @param {number} x @param {number} lo @param {number} hi */
function clamp(x, lo, hi) {
	return Math.min(hi, Math.max(lo, x));
}

/** @param {number} x */
function round6(x) {
	return Math.round(x * 1e6) / 1e6;
}
