// @ts-check
// Demo data for the resource exchange (issue 4), built from the organisations of build.js: schools lend
// rooms after school hours (woensdagnamiddag, avonden, zaterdag) within the school year 2026–2027, minus
// the school holidays; companies pledge mentors, materials, money, visits and expertise; academies ask;
// and about forty agreements in every status with their history, a thread, the room bookings of the
// accepted ones and the academies' volunteer checks. Its own seeded random generator, so that 02 and 03
// do not change when this file does.
//
// The Westhoek (arrondissements Diksmuide, Ieper and Veurne) stays empty: the matching tests and the e2e
// specs make their own schools and academies there and expect to be the only ones in reach.
import { createRandom } from './random.js';
import { distanceKm } from './places.js';
import { FIRST_NAMES, SURNAMES } from './names.js';
import { seedId } from './build.js';
import { bool, num, text, textArray, values } from './sql.js';

/** @typedef {import('./places.js').Municipality} Municipality */
/** @typedef {ReturnType<typeof import('./build.js').buildSeed>} Seed */
/** @typedef {Seed['organisations'][number]} Organisation */

export const EXCHANGE_PREFIXES = {
	offer: 'f1000000',
	offerSlot: 'f1100000',
	request: 'f2000000',
	requestSlot: 'f2100000',
	agreement: 'f3000000',
	check: 'f4000000',
	person: 'f4100000'
};

/** The school year the rooms are lent in. */
export const TERM = { start: '2026-09-01', end: '2027-06-30' };

/** Flemish school holidays 2026–2027 and the days off in between (first and last day, both included). */
export const HOLIDAYS = [
	['2026-11-02', '2026-11-08'], // herfstvakantie
	['2026-11-11', '2026-11-11'], // Wapenstilstand
	['2026-12-21', '2027-01-03'], // kerstvakantie
	['2027-02-08', '2027-02-14'], // krokusvakantie
	['2027-03-29', '2027-04-11'], // paasvakantie
	['2027-05-01', '2027-05-01'], // Dag van de Arbeid
	['2027-05-06', '2027-05-07'], // Hemelvaart en brugdag
	['2027-05-17', '2027-05-17'] // Pinkstermaandag
];

/** Arrondissements kept free of exchange data (see above). */
const QUIET_ARRONDISSEMENTS = ['32000', '33000', '38000'];

/** The day the demo's story is told from: agreements happen before it, bookings around it. */
const STORY_DAY = '2026-11-27';

/** @param {string} day @param {number} n */
export function addDays(day, n) {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a day. @param {string} day */
export function isoWeekday(day) {
	const w = new Date(`${day}T12:00:00Z`).getUTCDay();
	return w === 0 ? 7 : w;
}

/** Every day from first to last (both included). @param {string} first @param {string} last */
function daysBetween(first, last) {
	const out = [];
	for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
	return out;
}

/** The days of a weekly booking: every weekday between from and until, minus the days off. */
export function sessionDays(
	/** @type {number} */ weekday,
	/** @type {string} */ from,
	/** @type {string} */ until,
	/** @type {Set<string>} */ daysOff
) {
	return daysBetween(from, until).filter((d) => isoWeekday(d) === weekday && !daysOff.has(d));
}

/** "HH:MM" to minutes. @param {string} t */
const minutes = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** A timestamp literal on a fixed day and hour, Brussels time. @param {string} day @param {number} hour @param {number} [minute] */
export function at(day, hour, minute = 0) {
	return `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+01`;
}

// Vocabularies and texts ---------------------------------------------------------------------------------

/** Weekly windows a school lends a room in, mostly after school hours. */
const ROOM_WINDOWS = [
	{ weekday: 3, starts: '13:00', ends: '17:00', weight: 30, phrase: 'op woensdagnamiddag' },
	{ weekday: 3, starts: '13:30', ends: '16:30', weight: 8, phrase: 'op woensdagnamiddag' },
	{ weekday: 1, starts: '18:00', ends: '21:30', weight: 6, phrase: "'s avonds" },
	{ weekday: 2, starts: '18:30', ends: '21:30', weight: 8, phrase: "'s avonds" },
	{ weekday: 4, starts: '18:00', ends: '21:00', weight: 8, phrase: "'s avonds" },
	{ weekday: 2, starts: '16:00', ends: '18:00', weight: 4, phrase: 'na de lesuren' },
	{ weekday: 5, starts: '16:00', ends: '18:30', weight: 4, phrase: 'na de lesuren' },
	{ weekday: 6, starts: '09:00', ends: '12:30', weight: 16, phrase: 'op zaterdag' },
	{ weekday: 6, starts: '13:00', ends: '17:00', weight: 8, phrase: 'op zaterdag' }
];

/** @type {Record<string, { titles: string[], equipment: string[], capacity: number[], domains: string[], weight: number }>} */
const ROOM_TYPES = {
	labo_wetenschappen: {
		titles: ['Labo wetenschappen', 'Chemielabo', 'Fysicalabo', 'Biologielabo met microscopen'],
		equipment: [
			'trekkast',
			'12 labotafels met gas en water',
			'24 microscopen',
			'veiligheidsbrillen en labojassen',
			'digitale weegschalen',
			'oogdouche en blusdeken',
			'beamer'
		],
		capacity: [16, 20, 24, 24, 28],
		domains: ['wiskunde_natuurwetenschappen', 'life_sciences', 'natuur'],
		weight: 26
	},
	ict_lokaal: {
		titles: ['ICT-lokaal', 'Computerklas', 'Lokaal met laptops'],
		equipment: [
			'24 pc’s met Scratch en Python',
			'16 laptops',
			'interactief scherm',
			'wifi voor gasten',
			'kast met micro:bits',
			'3D-printer'
		],
		capacity: [16, 20, 24, 28],
		domains: ['programmeren', 'techniek'],
		weight: 24
	},
	werkplaats_makerspace: {
		titles: ['Makerspace', 'Technieklokaal', 'Werkplaats hout en metaal', 'Elektriciteitslokaal'],
		equipment: [
			'twee 3D-printers',
			'lasercutter',
			'soldeerstations',
			'werkbanken met bankschroeven',
			'handgereedschap voor 16 kinderen',
			'kolomboormachine (enkel onder begeleiding)'
		],
		capacity: [12, 14, 16, 20],
		domains: ['techniek', 'andere'],
		weight: 18
	},
	klaslokaal: {
		titles: ['Klaslokaal met digitaal bord', 'Ruim klaslokaal op het gelijkvloers', 'Klaslokaal'],
		equipment: ['digitaal bord', 'verplaatsbare tafels', 'beamer en geluid', 'whiteboard'],
		capacity: [24, 26, 28, 30],
		domains: [],
		weight: 14
	},
	sporthal: {
		titles: ['Sporthal', 'Turnzaal'],
		equipment: [
			'vrije vloer voor robotwedstrijden',
			'tribune',
			'kleedkamers',
			'netten om drones af te schermen'
		],
		capacity: [40, 60, 80],
		domains: ['techniek'],
		weight: 8
	},
	aula: {
		titles: ['Aula met podium', 'Polyvalente zaal', 'Refter'],
		equipment: ['podium', 'geluidsinstallatie', 'beamer en groot scherm', '120 stoelen'],
		capacity: [60, 80, 120, 150],
		domains: ['sterrenkunde'],
		weight: 10
	}
};

const ROOM_NOTES = [
	'De conciërge opent en sluit; we vragen om het lokaal opgeruimd achter te laten.',
	'Materiaal van de school mag gebruikt worden in overleg met de STEM-coördinator.',
	'Niet tijdens de schoolvakanties en de examenperiodes.',
	'Toegang via de zij-ingang; fietsenstalling op de speelplaats.',
	'Voor academies die met kinderen uit onze buurt werken, is het lokaal gratis.'
];

const DOMAIN_WORDS = /** @type {Record<string, string>} */ ({
	techniek: 'techniek',
	programmeren: 'programmeren',
	natuur: 'natuur',
	sterrenkunde: 'sterrenkunde',
	wiskunde_natuurwetenschappen: 'wetenschappen',
	life_sciences: 'life sciences',
	andere: 'STEM'
});

/** @type {Record<string, { title: (n: number, topic: string) => string, text: string[] }>} */
const PLEDGES = {
	volunteers: {
		title: (n, topic) => (n === 1 ? `Een mentor voor ${topic}` : `${n} mentoren voor ${topic}`),
		text: [
			'Onze medewerkers begeleiden graag een groep, een reeks van enkele weken of een heel schooljaar.',
			'Ingenieurs en technici die het leuk vinden om hun vak te tonen aan kinderen en jongeren.',
			'We geven onze mensen werktijd om vrijwillig mee te werken aan STEM in de buurt.'
		]
	},
	materials: {
		title: (n, what) => `${what}${n > 1 ? ` (${n} stuks)` : ''}`,
		text: [
			'Afgeschreven maar werkend materiaal; ophalen aan ons magazijn.',
			'We leveren het materiaal en tonen hoe het werkt.',
			'Gratis voor academies die met kinderen uit kwetsbare gezinnen werken.'
		]
	},
	funding: {
		title: (amount, topic) => `€ ${amount.toLocaleString('nl-BE')} voor ${topic}`,
		text: [
			'Ons fonds steunt projecten die meisjes en kinderen uit kwetsbare gezinnen naar STEM brengen.',
			'Voor materiaal, vervoer of inschrijvingsgeld; een kort verslag achteraf volstaat.',
			'Jaarlijkse steun aan STEM-initiatieven in onze regio.'
		]
	},
	visit: {
		title: (_n, topic) => `Bedrijfsbezoek: ${topic}`,
		text: [
			'Een rondleiding van anderhalf uur met proefjes, voor groepen tot 25 kinderen.',
			'Onze ingenieurs tonen hoe het werkt; veiligheidsschoenen en helmen liggen klaar.',
			'Op woensdagnamiddag of zaterdagvoormiddag, na afspraak.'
		]
	},
	expertise: {
		title: (_n, topic) => `Expertise: ${topic}`,
		text: [
			'We komen een workshop geven of denken mee over jullie programma.',
			'Een gastles of advies bij het opzetten van een project.',
			'Online of bij jullie; een paar uur per maand.'
		]
	}
};

const MENTOR_TOPICS = [
	'een robotica-team (FIRST LEGO League)',
	'de codeerclub',
	'een reeks elektronica-workshops',
	'een wetenschapsnamiddag',
	'een makersproject',
	'een drone-workshop'
];
const MATERIALS = [
	'Afgeschreven laptops',
	'Arduino-startkits',
	'Micro:bits met uitbreidingsbordjes',
	'Soldeerstations',
	'Filament voor 3D-printers',
	'LEGO SPIKE-sets',
	'Zonnepanelen en motortjes',
	'Veiligheidsbrillen en labojassen',
	'Oude toestellen om uit elkaar te halen'
];
const FUNDING_TOPICS = [
	'robotkits',
	'busvervoer naar een wetenschapsmuseum',
	'inschrijvingsgeld voor een wedstrijd',
	'een STEM-kamp voor kinderen uit kwetsbare gezinnen',
	'materiaal voor een nieuwe reeks'
];
const VISIT_TOPICS = [
	'de productiehal',
	'ons labo',
	'de controlekamer',
	'een werf in uitvoering',
	'het magazijn met robots'
];
const EXPERTISE_TOPICS = [
	'automatisering en PLC’s',
	'chemie in de praktijk',
	'windenergie',
	'data en artificiële intelligentie',
	'elektronica ontwerpen',
	'hernieuwbare energie'
];

/** @type {Record<string, { titles: string[], text: string[] }>} */
const REQUESTS = {
	venue: {
		titles: [
			'Een labo voor onze proefjesclub',
			'Een lokaal voor de codeerclub',
			'Een makerspace voor een reeks workshops',
			'Een ICT-lokaal voor een reeks van tien lessen',
			'Een sporthal voor de robotwedstrijd',
			'Een zaal voor een sterrenkijkavond',
			'Een klaslokaal voor onze wekelijkse club'
		],
		text: [
			'Ons eigen lokaal wordt verbouwd; we zoeken tijdelijk onderdak in de buurt.',
			'We groeien: de wachtlijst is lang en met een tweede lokaal kunnen we een extra groep starten.',
			'Liefst bereikbaar met de fiets of het openbaar vervoer.'
		]
	},
	volunteers: {
		titles: [
			'Mentoren voor ons robotica-team',
			'Begeleiders voor de codeerclub op zaterdag',
			'Vrijwilligers met kennis van elektronica',
			'Een extra begeleider voor de proefjesnamiddag'
		],
		text: [
			'Geen leservaring nodig; wel geduld en zin om kinderen te laten proberen.',
			'Vrijwilligers tonen een recent uittreksel uit het strafregister (model 2).',
			'Eén namiddag per maand is al een grote hulp.'
		]
	},
	materials: {
		titles: [
			'Laptops voor de codeerclub',
			'Micro:bits of Arduino-kits',
			'Microscopen voor de natuurclub',
			'Een 3D-printer',
			'Oude toestellen om uit elkaar te halen'
		],
		text: [
			'Tweedehands is prima, als het nog werkt.',
			'We halen het zelf op en zorgen voor een vermelding in onze nieuwsbrief.'
		]
	},
	funding: {
		titles: [
			'Steun voor nieuwe robotkits',
			'Busvervoer naar een wetenschapsmuseum',
			'Inschrijvingsgeld voor de FIRST LEGO League',
			'Een kamp voor kinderen die het niet kunnen betalen'
		],
		text: [
			'We houden de prijs laag en willen niemand uitsluiten.',
			'Een begroting sturen we graag door.'
		]
	},
	expertise: {
		titles: [
			'Een ingenieur die komt vertellen over zijn werk',
			'Een bedrijfsbezoek voor onze 12- tot 14-jarigen',
			'Hulp bij het opzetten van een weerstation',
			'Een gastspreker over artificiële intelligentie'
		],
		text: [
			'De kinderen vragen vaak wat je later met STEM kunt doen: wie komt het tonen?',
			'Een uurtje op woensdagnamiddag of zaterdagvoormiddag.'
		]
	}
};

const REQUEST_WINDOWS = [
	{ weekday: 3, starts: '13:30', ends: '16:00', weight: 30 },
	{ weekday: 3, starts: '14:00', ends: '16:30', weight: 12 },
	{ weekday: 6, starts: '09:30', ends: '12:00', weight: 20 },
	{ weekday: 6, starts: '13:30', ends: '16:00', weight: 6 },
	{ weekday: 2, starts: '19:00', ends: '21:00', weight: 8 },
	{ weekday: 4, starts: '18:30', ends: '20:30', weight: 8 },
	{ weekday: 1, starts: '18:30', ends: '20:30', weight: 4 },
	{ weekday: 5, starts: '16:30', ends: '18:00', weight: 3 }
];

const MESSAGES = {
	academy: [
		'Dag! Zouden we jullie aanbod mogen gebruiken voor onze groep? We zijn met een vaste ploeg begeleiders.',
		'Dank jullie wel, de kinderen kijken er al naar uit!',
		'Kunnen we de eerste keer een halfuurtje vroeger komen om alles klaar te zetten?',
		'Wie is onze contactpersoon op de dag zelf?'
	],
	provider: [
		'Graag! Laat gerust weten wat jullie precies nodig hebben.',
		'Dat kan. Meld je aan het onthaal; de conciërge wijst de weg.',
		'Welkom! We bekijken intern wie er kan meewerken en laten snel iets weten.',
		'Prima, we zetten het klaar.'
	]
};

const THANK_YOU = [
	'Bedankt voor het gastvrije onthaal: de kinderen hebben ervan genoten!',
	'Dankzij jullie konden we de reeks afwerken. Tot volgend jaar?',
	'Merci! De mentoren waren een schot in de roos.',
	'Hartelijk dank, het materiaal wordt elke week gebruikt.'
];

// Building ----------------------------------------------------------------------------------------------

/**
 * @typedef {{ id: string, organisationId: string, kind: string, title: string, description: string,
 *   status: 'active' | 'paused' | 'withdrawn', nis: string, lat: number, lng: number, radiusKm: number | null,
 *   areaMunicipalities: string[], domains: string[], ageMin: number | null, ageMax: number | null,
 *   roomType: string | null, capacity: number | null, equipment: string | null, accessible: boolean | null,
 *   conditions: string[], feeEur: number | null, termStart: string | null, termEnd: string | null,
 *   people: number | null, hoursPerYear: number | null, materials: string | null, quantity: number | null,
 *   amountEur: number | null, createdBy: string | null, createdAt: string,
 *   slots: { id: string, weekday: number, starts: string, ends: string }[], daysOff: string[] }} Offer
 * @typedef {{ id: string, organisationId: string, kind: string, title: string, description: string,
 *   quantity: string | null, people: number | null, amountEur: number | null, nis: string, lat: number,
 *   lng: number, domains: string[], ageMin: number | null, ageMax: number | null, neededFrom: string | null,
 *   neededUntil: string | null, deadline: string | null, status: 'open' | 'in_progress' | 'fulfilled' | 'closed',
 *   createdBy: string | null, createdAt: string,
 *   slots: { id: string, weekday: number, starts: string, ends: string }[] }} Request
 * @typedef {{ at: string, type: 'event', status: string, organisationId: string, actor: string | null,
 *   note: string | null } | { at: string, type: 'message', organisationId: string, actor: string | null,
 *   body: string }} LogEntry
 * @typedef {{ id: string, requestId: string, offerId: string, academyId: string, providerId: string,
 *   proposedBy: string, status: string, booking: { weekday: number, starts: string, ends: string,
 *   from: string, until: string } | null, givenSessions: number | null, givenHours: number | null,
 *   givenItems: number | null, thankYou: string | null, createdBy: string | null, createdAt: string,
 *   updatedAt: string, log: LogEntry[] }} Agreement
 * @typedef {{ id: string, organisationId: string, volunteerName: string, agreementId: string | null,
 *   seenDaysAgo: number, seenByName: string, recordedBy: string | null }} VolunteerCheck
 */

/**
 * @param {Seed} seed
 * @param {Municipality[]} municipalities
 * @param {import('./build.js').DemoAccount[]} demoAccounts
 * @param {number} [randomSeed]
 */
export function buildExchange(seed, municipalities, demoAccounts, randomSeed = 20261204) {
	const random = createRandom(randomSeed);
	const quiet = municipalities.filter((m) => QUIET_ARRONDISSEMENTS.includes(m.arrondissement));
	const quietNis = new Set(quiet.map((m) => m.nis));
	/** Distance from a point to the nearest quiet municipality. @param {{ lat: number, lng: number }} p */
	const toQuiet = (p) => Math.min(...quiet.map((m) => distanceKm(p, m)));

	const team = new Map();
	for (const ms of seed.memberships) {
		const list = team.get(ms.organisationId) ?? [];
		list.push(ms);
		team.set(ms.organisationId, list);
	}
	/** The owner first, then the others. @param {Organisation} org @returns {string[]} */
	const membersOf = (org) =>
		[...(team.get(org.id) ?? [])]
			.sort((a, b) => Number(b.role === 'owner') - Number(a.role === 'owner'))
			.map((m) => m.userId);
	const displayName = new Map([...seed.people, ...demoAccounts].map((p) => [p.id, p.displayName]));

	const usable = seed.organisations.filter(
		(o) => o.verification !== 'withdrawn' && !quietNis.has(o.nis) && membersOf(o).length > 0
	);
	const pointOf = (/** @type {Organisation} */ o) => ({
		lat: o.lat ?? o.town.lat,
		lng: o.lng ?? o.town.lng
	});
	/** Current municipalities near a point, nearest first, never quiet ones. @param {{ lat: number, lng: number }} p */
	const nearestTowns = (p) =>
		municipalities
			.filter((m) => !quietNis.has(m.nis))
			.map((m) => ({ m, d: distanceKm(p, m) }))
			.sort((a, b) => a.d - b.d);

	const profiles = new Map(seed.academyProfiles.map((p) => [p.organisationId, p]));
	const byName = new Map(seed.organisations.map((o) => [o.name, o]));
	const pinned = (/** @type {string} */ name) => {
		const org = byName.get(name);
		if (!org) throw new Error(`no organisation ${name}`);
		return org;
	};
	const demoSchool = pinned('GO! atheneum Brugge');
	const demoCompany = pinned('Leie Automation');
	const demoAcademy = pinned('STEM-academie De Uitvinders');

	/** A created_at before the story day. @param {number} lo @param {number} hi */
	const createdAt = (lo, hi) => at(addDays(STORY_DAY, -random.int(lo, hi)), random.int(8, 21));

	/**
	 * The area an offer serves: a radius that stays clear of the quiet zone, or nearby municipalities.
	 * @param {{ lat: number, lng: number }} p @param {number[]} radii @param {number} listShare
	 */
	const area = (p, radii, listShare) => {
		const clearance = toQuiet(p) - 4;
		if (random.chance(listShare)) {
			const towns = nearestTowns(p)
				.slice(0, random.int(3, 9))
				.map(({ m }) => m.nis)
				.sort();
			return { radiusKm: null, areaMunicipalities: towns };
		}
		const radiusKm = Math.max(1, Math.min(random.pick(radii), Math.floor(clearance)));
		return { radiusKm, areaMunicipalities: /** @type {string[]} */ ([]) };
	};

	/** @param {number} weekday */
	const holidaysOn = (weekday) =>
		HOLIDAYS.flatMap(([a, b]) => daysBetween(String(a), String(b))).filter(
			(d) => isoWeekday(d) === weekday
		);

	// Offers: rooms --------------------------------------------------------------------------------------
	/** @type {Offer[]} */
	const offers = [];
	let slotCount = 0;
	const offerStatus = () => {
		const r = random.next();
		return /** @type {const} */ (r < 0.07 ? 'paused' : r < 0.1 ? 'withdrawn' : 'active');
	};

	/**
	 * @param {Organisation} org @param {string} roomType
	 * @param {{ windows?: typeof ROOM_WINDOWS, status?: 'active' | 'paused' | 'withdrawn', radius?: number }} [fixed]
	 */
	function addRoom(org, roomType, fixed = {}) {
		const type = /** @type {(typeof ROOM_TYPES)[string]} */ (ROOM_TYPES[roomType]);
		const p = pointOf(org);
		const windows =
			fixed.windows ??
			[
				...new Map(
					Array.from({ length: random.pick([1, 1, 2, 2, 3]) }, () =>
						random.weighted(ROOM_WINDOWS, (w) => w.weight)
					).map((w) => [`${w.weekday}`, w])
				).values()
			].sort((a, b) => a.weekday - b.weekday);
		const main = /** @type {(typeof ROOM_WINDOWS)[number]} */ (windows[0]);
		const capacity = random.pick(type.capacity);
		const title = `${random.pick(type.titles)} ${main.phrase}`;
		const free = random.chance(0.6);
		const conditions = free ? ['gratis'] : ['vergoeding'];
		if (random.chance(0.35)) conditions.push('verzekering_nodig');
		const primary = /basisschool/i.test(org.name);
		const termStart = random.chance(0.8) ? TERM.start : random.pick(['2026-10-01', '2026-09-15']);
		const termEnd = random.chance(0.85) ? TERM.end : '2027-05-31';
		const daysOff = random.chance(0.75)
			? [...new Set(windows.flatMap((w) => holidaysOn(w.weekday)))].sort()
			: [];
		if (random.chance(0.3)) {
			// A day the school needs the room itself (opendeurdag, oudercontact).
			const w = random.pick(windows);
			const extra = sessionDays(w.weekday, '2027-01-11', '2027-06-15', new Set(daysOff));
			if (extra.length > 0) daysOff.push(random.pick(extra));
			daysOff.sort();
		}
		const offer = {
			id: seedId(EXCHANGE_PREFIXES.offer, offers.length + 1),
			organisationId: org.id,
			kind: 'room',
			title,
			description: [
				`${random.pick(type.titles)} van ${org.name} met plaats voor ${capacity} personen, beschikbaar voor STEM-academies ${main.phrase}.`,
				random.pick(ROOM_NOTES)
			].join(' '),
			status: fixed.status ?? offerStatus(),
			nis: org.nis,
			lat: p.lat,
			lng: p.lng,
			...(fixed.radius
				? { radiusKm: fixed.radius, areaMunicipalities: [] }
				: area(p, [5, 8, 10, 10, 15, 15, 20, 25], 0.2)),
			domains: type.domains.filter(() => random.chance(0.7)),
			ageMin: random.chance(0.5) ? (primary ? 6 : 10) : null,
			ageMax: null,
			roomType,
			capacity,
			equipment: random
				.sample(type.equipment, random.int(2, Math.min(4, type.equipment.length)))
				.join(', '),
			accessible: random.chance(0.15) ? null : random.chance(0.65),
			conditions,
			feeEur: free ? null : random.pick([15, 20, 25, 30, 40, 50]),
			termStart,
			termEnd,
			people: null,
			hoursPerYear: null,
			materials: null,
			quantity: null,
			amountEur: null,
			createdBy: random.pick(membersOf(org)),
			createdAt: createdAt(60, 110),
			slots: windows.map((w) => ({
				id: seedId(EXCHANGE_PREFIXES.offerSlot, ++slotCount),
				weekday: w.weekday,
				starts: w.starts,
				ends: w.ends
			})),
			daysOff
		};
		if (offer.ageMin !== null) offer.ageMax = primary ? 12 : 18;
		offers.push(offer);
		return offer;
	}

	const wednesday = /** @type {(typeof ROOM_WINDOWS)[number]} */ (ROOM_WINDOWS[0]);
	const saturday = /** @type {(typeof ROOM_WINDOWS)[number]} */ (ROOM_WINDOWS[7]);
	const tuesdayEvening = /** @type {(typeof ROOM_WINDOWS)[number]} */ (ROOM_WINDOWS[3]);
	const demoLab = addRoom(demoSchool, 'labo_wetenschappen', {
		windows: [wednesday],
		status: 'active',
		radius: 20
	});
	const demoIct = addRoom(demoSchool, 'ict_lokaal', {
		windows: [wednesday, saturday],
		status: 'active',
		radius: 15
	});
	addRoom(demoSchool, 'sporthal', { windows: [tuesdayEvening], status: 'paused', radius: 10 });

	const schools = usable.filter((o) => o.kind === 'school' && o !== demoSchool);
	const roomPartners = usable.filter(
		(o) => o.kind === 'partner' && ['fablab', 'library'].includes(String(o.partnerType))
	);
	for (const school of schools) {
		const n = random.pick([0, 1, 1, 1, 2]);
		for (let i = 0; i < n; i++) {
			addRoom(
				school,
				random.weighted(Object.keys(ROOM_TYPES), (t) => ROOM_TYPES[t]?.weight ?? 0)
			);
		}
	}
	for (const partner of roomPartners) {
		addRoom(
			partner,
			partner.partnerType === 'fablab'
				? 'werkplaats_makerspace'
				: random.pick(['klaslokaal', 'ict_lokaal'])
		);
	}

	// Offers: pledges ------------------------------------------------------------------------------------
	/**
	 * @param {Organisation} org @param {string} kind
	 * @param {{ people?: number, status?: 'active' | 'paused' | 'withdrawn' }} [fixed]
	 */
	function addPledge(org, kind, fixed = {}) {
		const p = pointOf(org);
		const texts = /** @type {(typeof PLEDGES)[string]} */ (PLEDGES[kind]);
		/** @type {Partial<Offer>} */
		let fields;
		let title;
		if (kind === 'volunteers') {
			const people = fixed.people ?? random.pick([1, 2, 2, 3, 4, 6]);
			title = texts.title(people, random.pick(MENTOR_TOPICS));
			fields = { people, hoursPerYear: random.pick([10, 16, 20, 30, 40, 60]) };
		} else if (kind === 'materials') {
			const what = random.pick(MATERIALS);
			const quantity = random.pick([5, 8, 10, 12, 15, 20, 30]);
			title = texts.title(quantity, what);
			fields = { materials: what, quantity };
		} else if (kind === 'funding') {
			const amount = random.pick([250, 500, 750, 1000, 1500, 2500, 5000]);
			title = texts.title(amount, random.pick(FUNDING_TOPICS));
			fields = { amountEur: amount };
		} else if (kind === 'visit') {
			title = texts.title(0, random.pick(VISIT_TOPICS));
			fields = { people: random.chance(0.5) ? random.pick([1, 2, 3]) : null };
		} else {
			title = texts.title(0, random.pick(EXPERTISE_TOPICS));
			fields = { people: 1, hoursPerYear: random.pick([8, 12, 20, 24]) };
		}
		const domains = random
			.sample(Object.keys(DOMAIN_WORDS), random.int(0, 3))
			.sort((a, b) => Object.keys(DOMAIN_WORDS).indexOf(a) - Object.keys(DOMAIN_WORDS).indexOf(b));
		/** @type {Offer} */
		const offer = {
			id: seedId(EXCHANGE_PREFIXES.offer, offers.length + 1),
			organisationId: org.id,
			kind,
			title,
			description: `${random.pick(texts.text)} ${org.name} engageert zich voor STEM in de regio.`,
			status: fixed.status ?? offerStatus(),
			nis: org.nis,
			lat: p.lat,
			lng: p.lng,
			...area(p, [15, 20, 25, 30, 40, 50, 60], 0.35),
			domains,
			ageMin: random.chance(0.4) ? random.pick([8, 10, 12]) : null,
			ageMax: null,
			roomType: null,
			capacity: null,
			equipment: null,
			accessible: null,
			conditions: [],
			feeEur: null,
			termStart: null,
			termEnd: null,
			people: null,
			hoursPerYear: null,
			materials: null,
			quantity: null,
			amountEur: null,
			...fields,
			createdBy: random.pick(membersOf(org)),
			createdAt: createdAt(40, 100),
			slots: [],
			daysOff: []
		};
		if (offer.ageMin !== null) offer.ageMax = 18;
		offers.push(offer);
		return offer;
	}

	const demoMentors = addPledge(demoCompany, 'volunteers', { people: 2, status: 'active' });
	const demoMaterials = addPledge(demoCompany, 'materials', { status: 'active' });
	const demoVisit = addPledge(demoCompany, 'visit', { status: 'active' });
	const PLEDGE_KINDS = ['volunteers', 'volunteers', 'materials', 'funding', 'visit', 'expertise'];
	const companies = usable.filter((o) => o.kind === 'company' && o !== demoCompany);
	for (const company of companies) {
		const n = random.pick([0, 1, 1, 1, 2]);
		const kinds = random.sample(PLEDGE_KINDS, n);
		for (const kind of kinds) addPledge(company, kind);
	}
	for (const partner of usable.filter((o) => o.kind === 'partner' && !roomPartners.includes(o))) {
		if (random.chance(0.5)) addPledge(partner, random.pick(['expertise', 'visit', 'volunteers']));
	}

	// Requests -------------------------------------------------------------------------------------------
	/** @type {Request[]} */
	const requests = [];
	let requestSlotCount = 0;
	const REQUEST_KINDS = /** @type {const} */ ([
		['venue', 36],
		['volunteers', 24],
		['materials', 15],
		['funding', 12],
		['expertise', 13]
	]);

	/**
	 * @param {Organisation} academy @param {string} kind
	 * @param {{ windows?: typeof REQUEST_WINDOWS, status?: 'open' | 'closed', title?: string,
	 *   period?: [string, string] }} [fixed]
	 */
	function addRequest(academy, kind, fixed = {}) {
		const profile = profiles.get(academy.id);
		const texts = /** @type {(typeof REQUESTS)[string]} */ (REQUESTS[kind]);
		const p = pointOf(academy);
		const windows =
			kind === 'venue' || (kind === 'volunteers' && random.chance(0.5))
				? (fixed.windows ?? [random.weighted(REQUEST_WINDOWS, (w) => w.weight)])
				: [];
		const people =
			kind === 'volunteers' ? random.pick([1, 2, 2, 3, 4]) : kind === 'venue' ? null : null;
		const children = random.pick([12, 14, 15, 16, 18, 20, 24]);
		const amountEur = kind === 'funding' ? random.pick([300, 500, 800, 1200, 2000, 3000]) : null;
		const quantity =
			kind === 'venue'
				? `${children} kinderen`
				: kind === 'volunteers'
					? `${people} ${people === 1 ? 'begeleider' : 'begeleiders'}`
					: kind === 'materials'
						? `${random.pick([8, 10, 12, 15, 16])} stuks`
						: null;
		const from = random.pick(['2027-01-11', '2027-01-13', '2027-02-01', '2027-02-17', null]);
		const request = {
			id: seedId(EXCHANGE_PREFIXES.request, requests.length + 1),
			organisationId: academy.id,
			kind,
			title: fixed.title ?? random.pick(texts.titles),
			description: `${random.pick(texts.text)} ${academy.name} werkt met kinderen en jongeren uit de buurt.`,
			quantity,
			people,
			amountEur,
			nis: academy.nis,
			lat: p.lat,
			lng: p.lng,
			domains: (profile?.domains ?? []).slice(0, 2),
			ageMin: profile?.ageMin ?? null,
			ageMax: profile?.ageMax ?? null,
			neededFrom: fixed.period?.[0] ?? (kind === 'venue' ? (from ?? '2027-01-11') : from),
			neededUntil:
				fixed.period?.[1] ??
				(kind === 'venue' || from ? random.pick(['2027-05-26', '2027-06-12', '2027-06-30']) : null),
			deadline: random.chance(0.4) ? random.pick(['2026-12-18', '2027-01-08', '2027-01-31']) : null,
			status: fixed.status ?? (random.chance(0.1) ? 'closed' : 'open'),
			createdBy: random.pick(membersOf(academy)),
			createdAt: createdAt(5, 80),
			slots: windows.map((w) => ({
				id: seedId(EXCHANGE_PREFIXES.requestSlot, ++requestSlotCount),
				weekday: w.weekday,
				starts: w.starts,
				ends: w.ends
			}))
		};
		requests.push(/** @type {Request} */ (request));
		return /** @type {Request} */ (request);
	}

	const academies = usable.filter((o) => o.kind === 'academy');
	const wednesdayAfternoon = /** @type {(typeof REQUEST_WINDOWS)[number]} */ (REQUEST_WINDOWS[0]);
	// The coordinator's academy: an open venue request with suggestions, and some in other kinds.
	const demoVenue = addRequest(demoAcademy, 'venue', {
		windows: [wednesdayAfternoon],
		status: 'open',
		title: 'Een labo voor de proefjesclub op woensdagnamiddag'
	});
	const demoVolunteers = addRequest(demoAcademy, 'volunteers', {
		status: 'open',
		title: 'Twee mentoren voor ons robotica-team'
	});
	const demoMaterialsRequest = addRequest(demoAcademy, 'materials', { status: 'open' });
	const demoFunding = addRequest(demoAcademy, 'funding', { status: 'open' });
	while (requests.length < 250) {
		const academy = random.weighted(academies, (a) => a.weight);
		addRequest(academy, random.weighted(REQUEST_KINDS, ([, w]) => w)[0]);
	}

	// Agreements -----------------------------------------------------------------------------------------
	/** @type {Agreement[]} */
	const agreements = [];
	const offerById = new Map(offers.map((o) => [o.id, o]));
	const orgById = new Map(seed.organisations.map((o) => [o.id, o]));
	/** Booked sessions per room: "offer/day" -> [start, end) in minutes. @type {Map<string, [number, number][]>} */
	const booked = new Map();
	const livePairs = new Set();

	/** @param {Offer} offer @param {Request} request */
	const reaches = (offer, request) =>
		(offer.radiusKm !== null && distanceKm(offer, request) <= offer.radiusKm - 1) ||
		offer.areaMunicipalities.includes(request.nis);
	/** @param {Offer} offer @param {Request} request */
	const kindsMatch = (offer, request) =>
		(request.kind === 'venue' && offer.kind === 'room') ||
		request.kind === offer.kind ||
		(request.kind === 'expertise' && offer.kind === 'visit');

	/**
	 * The weekly booking a request and a room agree on: the first common window, within the term and the
	 * request's dates, from `start` on.
	 * @param {Offer} offer @param {Request} request @param {string} start
	 */
	function bookingFor(offer, request, start) {
		for (const want of request.slots) {
			for (const slot of offer.slots) {
				if (slot.weekday !== want.weekday) continue;
				const s = Math.max(minutes(slot.starts), minutes(want.starts));
				const e = Math.min(minutes(slot.ends), minutes(want.ends));
				if (e - s < 60) continue;
				const from = [start, String(offer.termStart), request.neededFrom ?? start].reduce((a, b) =>
					a > b ? a : b
				);
				const until = [String(offer.termEnd), request.neededUntil ?? String(offer.termEnd)].reduce(
					(a, b) => (a < b ? a : b)
				);
				const clock = (/** @type {number} */ m) =>
					`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
				return { weekday: slot.weekday, starts: clock(s), ends: clock(e), from, until };
			}
		}
		return null;
	}

	/** @param {Offer} offer @param {NonNullable<Agreement['booking']>} b */
	function sessionsOf(offer, b) {
		return sessionDays(b.weekday, b.from, b.until, new Set(offer.daysOff));
	}
	/** @param {Offer} offer @param {NonNullable<Agreement['booking']>} b */
	function isFree(offer, b) {
		return sessionsOf(offer, b).every((day) =>
			(booked.get(`${offer.id}/${day}`) ?? []).every(
				([s, e]) => e <= minutes(b.starts) || s >= minutes(b.ends)
			)
		);
	}
	/** @param {Offer} offer @param {NonNullable<Agreement['booking']>} b */
	function book(offer, b) {
		for (const day of sessionsOf(offer, b)) {
			const key = `${offer.id}/${day}`;
			booked.set(key, [...(booked.get(key) ?? []), [minutes(b.starts), minutes(b.ends)]]);
		}
	}

	const ACADEMY_NOTES = {
		withdrawn: [
			'We hebben intussen een lokaal dichter bij huis gevonden.',
			'De reeks gaat niet door: te weinig inschrijvingen.'
		],
		declined: [
			'Op dat moment is het lokaal al voor iets anders voorzien, sorry.',
			'We kunnen dit jaar niemand vrijmaken.'
		]
	};

	/**
	 * @param {Request} request @param {Offer} offer @param {string} status
	 * @param {{ byProvider?: boolean, day?: string, unreadFrom?: string }} [options]
	 */
	function addAgreement(request, offer, status, options = {}) {
		const academy = /** @type {Organisation} */ (orgById.get(request.organisationId));
		const provider = /** @type {Organisation} */ (orgById.get(offer.organisationId));
		const byProvider = options.byProvider ?? random.chance(0.25);
		const proposer = byProvider ? provider : academy;
		const other = byProvider ? academy : provider;
		const done = status === 'fulfilled';
		// A fulfilled agreement was proposed early in the school year and ran in the autumn.
		const day = options.day ?? addDays(STORY_DAY, done ? -random.int(70, 85) : -random.int(3, 70));
		const doneDay = addDays(STORY_DAY, -random.int(4, 12));
		let booking = null;
		if (offer.kind === 'room') {
			booking = bookingFor(offer, request, addDays(day, 7));
			if (!booking) return null;
			if (done) booking.until = addDays(doneDay, -1);
			if (booking.until < booking.from || sessionsOf(offer, booking).length === 0) return null;
			if (['accepted', 'fulfilled'].includes(status) && !isFree(offer, booking)) return null;
		}
		const key = `${request.id}/${offer.id}`;
		if (livePairs.has(key)) return null;
		if (['proposed', 'accepted'].includes(status)) livePairs.add(key);
		const proposerPerson = membersOf(proposer)[0] ?? null;
		const otherPerson = membersOf(other)[0] ?? null;
		const academyPerson = membersOf(academy)[0] ?? null;
		/** @type {LogEntry[]} */
		const log = [
			{
				at: at(day, 10),
				type: 'event',
				status: 'proposed',
				organisationId: proposer.id,
				actor: proposerPerson,
				note: null
			}
		];
		if (random.chance(0.8) || options.unreadFrom) {
			log.push({
				at: at(day, 10, 1),
				type: 'message',
				organisationId: proposer.id,
				actor: proposerPerson,
				body: random.pick(byProvider ? MESSAGES.provider : MESSAGES.academy)
			});
		}
		const later = (/** @type {number} */ n) => addDays(day, n);
		if (status !== 'proposed') {
			const answerDay = later(random.int(1, 3));
			if (status === 'withdrawn' && random.chance(0.5)) {
				log.push({
					at: at(answerDay, 16),
					type: 'event',
					status: 'withdrawn',
					organisationId: proposer.id,
					actor: proposerPerson,
					note: random.pick(ACADEMY_NOTES.withdrawn)
				});
			} else if (status === 'declined') {
				log.push({
					at: at(answerDay, 16),
					type: 'event',
					status: 'declined',
					organisationId: other.id,
					actor: otherPerson,
					note: random.pick(ACADEMY_NOTES.declined)
				});
			} else {
				log.push({
					at: at(answerDay, 15),
					type: 'event',
					status: 'accepted',
					organisationId: other.id,
					actor: otherPerson,
					note: null
				});
				log.push({
					at: at(answerDay, 15, 5),
					type: 'message',
					organisationId: other.id,
					actor: otherPerson,
					body: random.pick(byProvider ? MESSAGES.academy : MESSAGES.provider)
				});
				if (status === 'withdrawn') {
					log.push({
						at: at(later(random.int(4, 6)), 11),
						type: 'event',
						status: 'withdrawn',
						organisationId: academy.id,
						actor: academyPerson,
						note: random.pick(ACADEMY_NOTES.withdrawn)
					});
				} else if (status === 'fulfilled') {
					log.push({
						at: at(doneDay, 20),
						type: 'event',
						status: 'fulfilled',
						organisationId: academy.id,
						actor: academyPerson,
						note: null
					});
				}
			}
		}
		log.sort((a, b) => a.at.localeCompare(b.at));
		const sessions = booking ? sessionsOf(offer, booking).length : null;
		const agreement = {
			id: seedId(EXCHANGE_PREFIXES.agreement, agreements.length + 1),
			requestId: request.id,
			offerId: offer.id,
			academyId: academy.id,
			providerId: provider.id,
			proposedBy: proposer.id,
			status,
			booking,
			givenSessions: done ? (sessions ?? random.int(2, 6)) : null,
			givenHours: done
				? booking
					? Math.round(((sessions ?? 0) * (minutes(booking.ends) - minutes(booking.starts))) / 60)
					: random.int(4, 30)
				: null,
			givenItems: done && offer.kind === 'materials' ? offer.quantity : null,
			thankYou: done ? random.pick(THANK_YOU) : null,
			createdBy: proposerPerson,
			createdAt: /** @type {LogEntry} */ (log[0]).at,
			updatedAt: /** @type {LogEntry} */ (log[log.length - 1]).at,
			log
		};
		if (booking && ['accepted', 'fulfilled'].includes(status)) book(offer, booking);
		agreements.push(agreement);
		return agreement;
	}

	// The demo accounts' stories: something to accept, something running, something done.
	const nearbyAcademy = (/** @type {Organisation} */ org, /** @type {number} */ skip = 0) =>
		/** @type {Organisation} */ (
			academies
				.filter((a) => a !== demoAcademy)
				.map((a) => ({ a, d: distanceKm(pointOf(a), pointOf(org)) }))
				.sort((x, y) => x.d - y.d)[skip]?.a
		);
	const story = (
		/** @type {Organisation} */ academy,
		/** @type {string} */ kind,
		/** @type {typeof REQUEST_WINDOWS} */ windows = [wednesdayAfternoon],
		/** @type {[string, string] | undefined} */ period = undefined
	) => addRequest(academy, kind, { windows, status: 'open', period });
	const brugge1 = nearbyAcademy(demoSchool, 0);
	const brugge2 = nearbyAcademy(demoSchool, 1);
	const brugge3 = nearbyAcademy(demoSchool, 2);
	addAgreement(story(brugge1, 'venue'), demoLab, 'proposed', {
		day: '2026-11-25',
		byProvider: false,
		unreadFrom: '2026-11-25'
	});
	addAgreement(
		story(brugge2, 'venue', [/** @type {(typeof REQUEST_WINDOWS)[number]} */ (REQUEST_WINDOWS[2])]),
		demoIct,
		'accepted',
		{ day: '2026-11-09', byProvider: false }
	);
	addAgreement(
		story(brugge3, 'venue', [wednesdayAfternoon], [TERM.start, '2026-12-16']),
		demoIct,
		'fulfilled',
		{ day: '2026-09-07', byProvider: false }
	);
	const kortrijk1 = nearbyAcademy(demoCompany, 0);
	const kortrijk2 = nearbyAcademy(demoCompany, 1);
	addAgreement(story(kortrijk1, 'volunteers'), demoMentors, 'proposed', {
		day: '2026-11-24',
		byProvider: false,
		unreadFrom: '2026-11-24'
	});
	addAgreement(story(kortrijk2, 'materials'), demoMaterials, 'accepted', {
		day: '2026-11-04',
		byProvider: true
	});
	addAgreement(story(kortrijk1, 'expertise'), demoVisit, 'declined', {
		day: '2026-10-20',
		byProvider: false
	});
	// The coordinator: a company nearby offers mentors (to accept), materials arrived, a room was withdrawn.
	const nearestOffer = (/** @type {Request} */ request, /** @type {string} */ kind) =>
		offers
			.filter(
				(o) =>
					o.kind === kind &&
					o.status === 'active' &&
					reaches(o, request) &&
					o.organisationId !== demoCompany.id
			)
			.sort((a, b) => distanceKm(a, request) - distanceKm(b, request))[0];
	const mentorsNearGent = nearestOffer(demoVolunteers, 'volunteers');
	if (mentorsNearGent)
		addAgreement(demoVolunteers, mentorsNearGent, 'proposed', {
			day: '2026-11-26',
			byProvider: true,
			unreadFrom: '2026-11-26'
		});
	const materialsNearGent = nearestOffer(demoMaterialsRequest, 'materials');
	if (materialsNearGent)
		addAgreement(demoMaterialsRequest, materialsNearGent, 'fulfilled', {
			day: '2026-11-02',
			byProvider: false
		});
	const fundingNearGent = nearestOffer(demoFunding, 'funding');
	if (fundingNearGent)
		addAgreement(demoFunding, fundingNearGent, 'accepted', {
			day: '2026-11-16',
			byProvider: false
		});
	const roomNearGent = offers
		.filter(
			(o) =>
				o.kind === 'room' &&
				o.status === 'active' &&
				reaches(o, demoVenue) &&
				bookingFor(o, demoVenue, '2026-12-01')
		)
		.sort((a, b) => distanceKm(a, demoVenue) - distanceKm(b, demoVenue))[0];
	if (roomNearGent)
		addAgreement(demoVenue, roomNearGent, 'withdrawn', { day: '2026-10-14', byProvider: false });

	// And the rest, among the generated requests and offers that fit.
	const STATUS_MIX = [
		'proposed',
		'proposed',
		'accepted',
		'accepted',
		'accepted',
		'fulfilled',
		'fulfilled',
		'declined',
		'withdrawn'
	];
	const candidates = requests.filter(
		(r) => r.status === 'open' && !requests.slice(0, 4).includes(r)
	);
	for (const request of random.shuffle(candidates)) {
		if (agreements.length >= 40) break;
		const fits = offers.filter(
			(o) =>
				o.status === 'active' &&
				kindsMatch(o, request) &&
				reaches(o, request) &&
				(o.kind !== 'room' || bookingFor(o, request, '2026-12-01') !== null)
		);
		if (fits.length === 0) continue;
		const offer = random.pick(fits);
		addAgreement(request, offer, random.pick(STATUS_MIX));
	}

	// Requests follow their agreements: accepted -> in progress; most fulfilled ones are done.
	for (const agreement of agreements) {
		const request = /** @type {Request} */ (requests.find((r) => r.id === agreement.requestId));
		if (agreement.status === 'accepted' && request.status === 'open')
			request.status = 'in_progress';
		if (agreement.status === 'fulfilled' && request.status === 'open') {
			request.status =
				request === demoMaterialsRequest || random.chance(0.6) ? 'fulfilled' : 'in_progress';
		}
	}

	// Volunteer checks ---------------------------------------------------------------------------------
	/** @type {VolunteerCheck[]} */
	const checks = [];
	const volunteerAgreements = agreements.filter(
		(a) =>
			offerById.get(a.offerId)?.kind === 'volunteers' &&
			['accepted', 'fulfilled'].includes(a.status)
	);
	const checkAcademies = [
		demoAcademy,
		...random.sample(
			academies.filter((a) => a !== demoAcademy),
			24
		)
	];
	for (const academy of checkAcademies) {
		const members = membersOf(academy);
		const agreement = volunteerAgreements.find((a) => a.academyId === academy.id);
		const n = academy === demoAcademy ? 4 : random.int(1, 4);
		const names = new Set();
		for (let i = 0; i < n; i++) {
			let name = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
			while (names.has(name)) name = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
			names.add(name);
			checks.push({
				id: seedId(EXCHANGE_PREFIXES.check, checks.length + 1),
				organisationId: academy.id,
				volunteerName: name,
				agreementId: agreement && i === 0 ? agreement.id : null,
				// Mostly recent; a few close to the three-year limit.
				seenDaysAgo: random.chance(0.15) ? random.int(900, 1060) : random.int(5, 700),
				seenByName: displayName.get(members[0] ?? '') ?? 'de coördinator',
				recordedBy: members[0] ?? null
			});
		}
	}

	// Who comes: the named people of the accepted agreements that bring people, with their first
	// session a week or two ahead; the first of them has a check (when there is one), the second not yet,
	// so the coordinator sees who still lacks an extract before that session.
	/** @type {{ id: string, agreementId: string, name: string, addedBy: string | null, firstSessionInDays: number }[]} */
	const people = [];
	for (const agreement of agreements) {
		const offer = offerById.get(agreement.offerId);
		if (
			agreement.status !== 'accepted' ||
			!['volunteers', 'expertise', 'visit'].includes(offer?.kind ?? '')
		)
			continue;
		const checked = checks.find((c) => c.agreementId === agreement.id);
		const names = [
			checked?.volunteerName ?? `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`
		];
		let other = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
		while (names.includes(other)) other = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
		names.push(other);
		const firstSessionInDays = random.int(7, 21);
		for (const name of names) {
			people.push({
				id: seedId(EXCHANGE_PREFIXES.person, people.length + 1),
				agreementId: agreement.id,
				name,
				addedBy:
					membersOf(/** @type {Organisation} */ (orgById.get(agreement.providerId)))[0] ?? null,
				firstSessionInDays
			});
		}
	}

	return { offers, requests, agreements, checks, people };
}

// SQL ---------------------------------------------------------------------------------------------------

/** @param {string | null} t */
const time = (t) => (t === null ? 'null' : `'${t}'`);

/** @param {ReturnType<typeof buildExchange>} exchange @param {string} header */
export function exchangeSql({ offers, requests, agreements, checks, people }, header) {
	const count = (/** @type {{ status: string }[]} */ rows, /** @type {string} */ status) =>
		rows.filter((r) => r.status === status).length;
	const rooms = offers.filter((o) => o.kind === 'room');
	const out = [header];
	out.push(`-- Resource exchange, school year ${TERM.start}..${TERM.end}: ${offers.length} offers (${rooms.length} rooms, ${offers.length - rooms.length} pledges), ${requests.length} requests (${count(requests, 'open')} open, ${count(requests, 'in_progress')} in progress, ${count(requests, 'fulfilled')} fulfilled, ${count(requests, 'closed')} closed),
-- ${agreements.length} agreements (${['proposed', 'accepted', 'declined', 'withdrawn', 'fulfilled'].map((s) => `${count(agreements, s)} ${s}`).join(', ')}), ${checks.length} volunteer checks.
-- Term dates, bookings and the agreements' history are fixed days of that school year; the volunteer checks
-- are relative to current_date (they must be recent). The notifications the triggers write get the time of
-- their event, count as already e-mailed, and are read when older than 20 November 2026.
-- Nothing here is in the Westhoek (arrondissements Diksmuide, Ieper, Veurne): tests use it.`);

	out.push(`-- Offers ------------------------------------------------------------------------------------------------

insert into public.offers (
	id, organisation_id, kind, title, description, status, municipality_nis, lat, lng, radius_km,
	area_municipalities, domains, age_min, age_max, room_type, capacity, equipment, accessible, conditions,
	fee_eur, term_start, term_end, people, hours_per_year, materials, quantity, amount_eur, created_by,
	created_at, updated_at
)
values
${values(
	offers.map((o) => [
		text(o.id),
		text(o.organisationId),
		text(o.kind),
		text(o.title),
		text(o.description),
		text(o.status),
		text(o.nis),
		num(o.lat),
		num(o.lng),
		num(o.radiusKm),
		textArray(o.areaMunicipalities),
		textArray(o.domains),
		num(o.ageMin),
		num(o.ageMax),
		text(o.roomType),
		num(o.capacity),
		text(o.equipment),
		o.accessible === null ? 'null' : bool(o.accessible),
		textArray(o.conditions),
		num(o.feeEur),
		text(o.termStart),
		text(o.termEnd),
		num(o.people),
		num(o.hoursPerYear),
		text(o.materials),
		num(o.quantity),
		num(o.amountEur),
		text(o.createdBy),
		text(o.createdAt),
		text(o.createdAt)
	])
)}
on conflict (id) do nothing;

insert into public.offer_slots (id, offer_id, weekday, starts_at, ends_at)
values
${values(
	offers.flatMap((o) =>
		o.slots.map((s) => [text(s.id), text(o.id), num(s.weekday), time(s.starts), time(s.ends)])
	)
)}
on conflict do nothing;

-- Days off: the school holidays (and a day the school needs the room) on the rooms' weekdays.
insert into public.offer_unavailable_dates (offer_id, day)
values
${values(offers.flatMap((o) => o.daysOff.map((d) => [text(o.id), text(d)])))}
on conflict do nothing;`);

	out.push(`-- Requests (new ones are open or closed; those with an accepted agreement move on below) ---------------

insert into public.requests (
	id, organisation_id, kind, title, description, quantity, people, amount_eur, municipality_nis, lat, lng,
	domains, age_min, age_max, needed_from, needed_until, deadline, status, created_by, created_at, updated_at
)
values
${values(
	requests.map((r) => [
		text(r.id),
		text(r.organisationId),
		text(r.kind),
		text(r.title),
		text(r.description),
		text(r.quantity),
		num(r.people),
		num(r.amountEur),
		text(r.nis),
		num(r.lat),
		num(r.lng),
		textArray(r.domains),
		num(r.ageMin),
		num(r.ageMax),
		text(r.neededFrom),
		text(r.neededUntil),
		text(r.deadline),
		text(r.status === 'closed' ? 'closed' : 'open'),
		text(r.createdBy),
		text(r.createdAt),
		text(r.createdAt)
	])
)}
on conflict (id) do nothing;

insert into public.request_slots (id, request_id, weekday, starts_at, ends_at)
values
${values(
	requests.flatMap((r) =>
		r.slots.map((s) => [text(s.id), text(r.id), num(s.weekday), time(s.starts), time(s.ends)])
	)
)}
on conflict do nothing;`);

	let seq = 0;
	out.push(`-- Agreements, with their history and thread, in the order it happened ----------------------------------

create temporary table seed_new_agreements (id uuid primary key);

with inserted as (
	insert into public.agreements (
		id, request_id, offer_id, academy_id, provider_id, proposed_by_organisation, status, booking_weekday,
		booking_starts, booking_ends, booking_from, booking_until, given_sessions, given_hours, given_items,
		thank_you, created_by, created_at, updated_at
	)
	values
${values(
	agreements.map((a) => [
		text(a.id),
		text(a.requestId),
		text(a.offerId),
		text(a.academyId),
		text(a.providerId),
		text(a.proposedBy),
		text(a.status),
		num(a.booking?.weekday),
		time(a.booking?.starts ?? null),
		time(a.booking?.ends ?? null),
		text(a.booking?.from),
		text(a.booking?.until),
		num(a.givenSessions),
		num(a.givenHours),
		num(a.givenItems),
		text(a.thankYou),
		text(a.createdBy),
		text(a.createdAt),
		text(a.updatedAt)
	])
)
	.replaceAll('\n\t(', '\n\t\t(')
	.replace(/^\t\(/, '\t\t(')}
	on conflict (id) do nothing
	returning id
)
insert into seed_new_agreements (id) select id from inserted;

create temporary table seed_agreement_log (
	seq int primary key,
	agreement_id uuid not null,
	at timestamptz not null,
	entry text not null,
	status text,
	organisation_id uuid not null,
	actor uuid,
	note text,
	body text
);

insert into seed_agreement_log (seq, agreement_id, at, entry, status, organisation_id, actor, note, body)
values
${values(
	agreements.flatMap((a) =>
		a.log.map((l) => [
			num(++seq),
			text(a.id),
			text(l.at),
			text(l.type),
			text(l.type === 'event' ? l.status : null),
			text(l.organisationId),
			text(l.actor),
			text(l.type === 'event' ? l.note : null),
			text(l.type === 'message' ? l.body : null)
		])
	)
)};

-- One entry at a time, so that the notifications its trigger writes get the entry's time.
do $$
declare
	entry record;
	last_id bigint;
begin
	for entry in
		select l.* from seed_agreement_log l join seed_new_agreements n on n.id = l.agreement_id
		order by l.at, l.seq
	loop
		select coalesce(max(x.id), 0) into last_id from public.notifications x;
		if entry.entry = 'event' then
			insert into public.agreement_events (agreement_id, status, organisation_id, actor, note, created_at)
			values (entry.agreement_id, entry.status, entry.organisation_id, entry.actor, entry.note, entry.at);
		else
			insert into public.agreement_messages (agreement_id, author, organisation_id, body, created_at)
			values (entry.agreement_id, entry.actor, entry.organisation_id, entry.body, entry.at);
		end if;
		update public.notifications x
		set created_at = entry.at,
			emailed_at = entry.at,
			read_at = case when entry.at < '2026-11-20 00:00:00+01' then entry.at + interval '1 day' end
		where x.id > last_id and x.agreement_id = entry.agreement_id;
	end loop;
end;
$$;

-- The sessions of the accepted (and fulfilled) room agreements; the exclusion constraint checks them.
insert into public.room_bookings (offer_id, agreement_id, day, slot, created_at)
select a.offer_id, a.id, s.day, s.slot, l.at
from seed_new_agreements n
join public.agreements a on a.id = n.id
join seed_agreement_log l on l.agreement_id = a.id and l.status = 'accepted'
cross join lateral private.room_sessions(
	a.offer_id, a.booking_weekday, a.booking_starts, a.booking_ends, a.booking_from, a.booking_until
) s
where a.status in ('accepted', 'fulfilled') and a.booking_weekday is not null
order by a.id, s.day;

drop table seed_agreement_log;
drop table seed_new_agreements;`);

	const moved = requests.filter((r) => r.status === 'in_progress' || r.status === 'fulfilled');
	const fulfilled = requests.filter((r) => r.status === 'fulfilled');
	out.push(`-- Requests with an accepted agreement are in progress; some are done ------------------------------------

update public.requests set status = 'in_progress'
where status = 'open' and id in (
${moved.map((r) => `\t${text(r.id)}`).join(',\n')}
);

update public.requests set status = 'fulfilled'
where status = 'in_progress' and id in (
${fulfilled.map((r) => `\t${text(r.id)}`).join(',\n')}
);`);

	out.push(`-- Volunteer checks: "gezien op DATUM door NAAM", never the document ------------------------------------

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
)
	.replaceAll('\n\t(', '\n\t\t(')
	.replace(/^\t\(/, '\t\t(')}
) as v (id, organisation_id, volunteer_name, agreement_id, days_ago, seen_by_name, recorded_by)
on conflict (id) do nothing;`);

	out.push(`-- Who comes: named people of accepted agreements and their first session -----------------------------

update public.agreements a
set first_session_on = private.today_in_belgium() + v.days
from (
	values
${values(
	[...new Map(people.map((p) => [p.agreementId, p.firstSessionInDays]))].map(([id, days]) => [
		text(id),
		num(days)
	])
)
	.replaceAll('\n\t(', '\n\t\t(')
	.replace(/^\t\(/, '\t\t(')}
) as v (id, days)
where a.id = v.id::uuid and a.first_session_on is null;

insert into public.agreement_volunteers (id, agreement_id, name, added_by)
values
${values(people.map((p) => [text(p.id), text(p.agreementId), text(p.name), text(p.addedBy)]))}
on conflict (id) do nothing;`);

	return out.join('\n\n') + '\n';
}
