// @ts-check
// Dutch names and texts for the demo data: templates with details filled in, so that 150 academies and
// 600 activities read like real ones without repeating a paragraph word for word too often.

/** @typedef {import('./random.js').Random} Random */
/** @typedef {'techniek' | 'programmeren' | 'natuur' | 'sterrenkunde' | 'wiskunde_natuurwetenschappen' | 'life_sciences' | 'andere'} Domain */
/** @typedef {'losse_activiteit' | 'korte_reeks' | 'lange_reeks_semester' | 'lange_reeks_jaar' | 'kamp_zonder_overnachting' | 'kamp_met_overnachting'} Format */
/** @typedef {'coding' | 'robotics' | 'maker' | 'broad' | 'science' | 'astronomy' | 'nature' | 'steam'} Theme */

/** How well an academy of a theme fits an activity of a domain (0 = never). */
export const AFFINITY = /** @type {Record<Theme, Partial<Record<Domain, number>>>} */ ({
	coding: { programmeren: 10, techniek: 1, andere: 1, wiskunde_natuurwetenschappen: 0.5 },
	robotics: { programmeren: 6, techniek: 6, andere: 0.5, wiskunde_natuurwetenschappen: 0.5 },
	maker: { techniek: 8, programmeren: 3, andere: 3 },
	broad: {
		programmeren: 4,
		techniek: 4,
		wiskunde_natuurwetenschappen: 3,
		natuur: 2,
		sterrenkunde: 1,
		life_sciences: 2,
		andere: 2
	},
	science: {
		wiskunde_natuurwetenschappen: 10,
		life_sciences: 6,
		natuur: 2,
		techniek: 1,
		programmeren: 0.5
	},
	astronomy: { sterrenkunde: 10, wiskunde_natuurwetenschappen: 1, techniek: 0.5 },
	nature: { natuur: 10, life_sciences: 4, wiskunde_natuurwetenschappen: 1, sterrenkunde: 0.5 },
	steam: { andere: 10, programmeren: 3, techniek: 2 }
});

/** How many academies of each theme (of about 150). */
export const THEME_SHARES = /** @type {Record<Theme, number>} */ ({
	coding: 44,
	robotics: 26,
	maker: 20,
	broad: 24,
	science: 12,
	astronomy: 7,
	nature: 7,
	steam: 10
});

/** The domains an academy of a theme declares in its profile, besides those of its activities. */
export const THEME_DOMAINS = /** @type {Record<Theme, Domain[]>} */ ({
	coding: ['programmeren'],
	robotics: ['programmeren', 'techniek'],
	maker: ['techniek'],
	broad: ['techniek', 'programmeren', 'wiskunde_natuurwetenschappen'],
	science: ['wiskunde_natuurwetenschappen'],
	astronomy: ['sterrenkunde'],
	nature: ['natuur'],
	steam: ['andere', 'techniek']
});

/** Names per theme; {stad} is the municipality, {naam} a local name. */
const ACADEMY_NAMES = /** @type {Record<Theme, string[]>} */ ({
	coding: [
		'CoderDojo {stad}',
		'Codeclub {stad}',
		'Jonge Programmeurs {stad}',
		'Code Kids {stad}',
		'Scratch & Python Club {stad}',
		'Codeerklas {stad}',
		'De Codebende',
		'Bits & Bytes {stad}',
		'Hackerspace Junior {stad}',
		'Digitale Durvers {stad}',
		'Game Lab {stad}',
		'Coding Girls {stad}'
	],
	robotics: [
		'Robotica Club {stad}',
		'RoboLab {stad}',
		'De Robotbouwers',
		'Jonge Ingenieurs {stad}',
		'LEGO Robotics Team {stad}',
		'Robot Academie {stad}',
		'Techtieners {stad}',
		'Botbende {stad}'
	],
	maker: [
		'STEM-academie De Uitvinders',
		'Makerslab {stad}',
		'De Knutselfabriek',
		'De Sleutelbende',
		'Techniekacademie {stad}',
		'Tinkerclub {stad}',
		'Het Uitvindersatelier',
		'De Makerij {stad}',
		'Jonge Makers {stad}',
		'Werkplaats Wonder {stad}'
	],
	broad: [
		'STEM-academie {stad}',
		'Jeugd & Wetenschap {stad}',
		'STEM-club {stad}',
		'De Ontdekkers',
		'Kinderuniversiteit {stad}',
		'STEM Atelier {stad}',
		'De Nieuwsgierige Neuzen',
		'Jonge Onderzoekers {stad}',
		'Technopolis Jongerenlab',
		'STEM-huis {stad}',
		'Academie voor Jonge Uitvinders {stad}'
	],
	science: [
		'Proefjeslab {stad}',
		'Wetenschapsclub {stad}',
		'De Kleine Professoren',
		'Wiskundeclub {stad}',
		'Chemielab Junior {stad}',
		'BioLab Junior {stad}',
		'DNA-Detectives {stad}',
		'Labo Lef {stad}'
	],
	astronomy: [
		'Sterrenwacht {naam} Jeugdclub',
		'Volkssterrenwacht {stad} Jongeren',
		'Jeugdsterrenkundeclub {stad}',
		'Planetarium {stad} Juniorclub',
		'Ruimtevaartclub {stad}'
	],
	nature: [
		'Jonge Natuuronderzoekers {stad}',
		'De Groene Speurders',
		'Natuurlab {stad}',
		'Veldwerkclub {stad}',
		'De Bodemdetectives',
		'Waterlab {stad}'
	],
	steam: [
		'STEAM-atelier {stad}',
		'Kunst & Techniek {stad}',
		'Creative Coding {stad}',
		'De Ontwerpstudio',
		'Het Uitvindersatelier {stad}',
		'Beeld & Bits {stad}'
	]
});

const STAR_NAMES = [
	'Urania',
	'Mira',
	'Polaris',
	'Vega',
	'Orion',
	'Cassiopeia',
	'Andromeda',
	'Lyra'
];

/** @param {Random} random @param {Theme} theme @param {string} town @param {boolean} brussels */
export function academyName(random, theme, town, brussels) {
	// Brussels academies often present themselves in more than one language.
	const bilingual = /** @type {Partial<Record<Theme, string[]>>} */ ({
		coding: ['CodeLab {stad}', 'Coding Club {stad}'],
		broad: ['STEM Academy {stad}', 'Sciences & Tech Kids {stad}']
	})[theme];
	if (brussels && bilingual && random.chance(0.5))
		return random.pick(bilingual).replace('{stad}', town);
	return random
		.pick(ACADEMY_NAMES[theme])
		.replace('{stad}', town)
		.replace('{naam}', random.pick(STAR_NAMES));
}

const THEME_WHAT = /** @type {Record<Theme, string[]>} */ ({
	coding: [
		'leren kinderen en jongeren programmeren: van Scratch voor de jongsten tot Python, webdesign en games voor tieners',
		'ontdekken kinderen hoe computers denken: ze maken games, apps en websites en leren daarbij stap voor stap programmeren',
		'werken jongeren in hun eigen tempo aan codeerprojecten, met begeleiding van vrijwillige mentoren uit de IT-sector'
	],
	robotics: [
		'bouwen en programmeren kinderen robots, van LEGO Spike en mBot tot zelfgesoldeerde Arduino-robots',
		'draait alles rond robotica: ontwerpen, bouwen, programmeren en testen, en meedoen aan wedstrijden',
		'leren jongeren hoe sensoren, motoren en code samenwerken in een robot die echt iets doet'
	],
	maker: [
		'leren kinderen met echt gereedschap werken: zagen, solderen, 3D-printen en lasersnijden',
		'maken kinderen van een idee een werkend prototype, met hout, elektronica en een flinke dosis creativiteit',
		'sleutelen jongeren aan fietsen, machines en elektronica en ontdekken ze hoe techniek in elkaar zit'
	],
	broad: [
		'maken kinderen kennis met wetenschap, techniek, ingenieurswerk en wiskunde, telkens met de handen aan de slag',
		'wisselen programmeren, proefjes, bouwopdrachten en natuuronderzoek elkaar af, zodat elk kind iets vindt dat bij hem of haar past',
		'werken kinderen en jongeren aan projecten waarin wetenschap, techniek en wiskunde samenkomen'
	],
	science: [
		'doen kinderen proefjes zoals echte onderzoekers: ze stellen een hypothese op, meten, noteren en trekken besluiten',
		'ontdekken jongeren chemie, fysica, biologie en wiskunde in een echt labo, met een witte jas en een veiligheidsbril',
		'staan puzzels, proefjes en onderzoeksvragen centraal, van kristallen kweken tot DNA zichtbaar maken'
	],
	astronomy: [
		'kijken kinderen en jongeren door echte telescopen naar de maan, planeten en sterrenhopen',
		'leren jongeren de sterrenhemel kennen en ontdekken ze hoe ruimtevaart en sterrenkunde werken',
		'bouwen kinderen raketten en planisferen en observeren ze bij heldere avonden vanuit de koepel'
	],
	nature: [
		'trekken kinderen het veld in om waterdiertjes, vogels en planten te onderzoeken met loep en zoekkaart',
		'leren jongeren hoe een ecosysteem werkt door zelf te meten, te tellen en te vergelijken',
		'onderzoeken kinderen de natuur in hun buurt: bodem, water, bomen en insecten'
	],
	steam: [
		'komen kunst en techniek samen: kinderen maken lichtkunst, stop-motionfilms en interactieve installaties',
		'ontwerpen jongeren met code, licht, geluid en textiel, en tonen hun werk op een eigen expo',
		'staat creatief ontwerpen centraal: van idee en schets tot een werkend kunstwerk met sensoren en code'
	]
});

const ORIGINS = [
	'{naam} is ontstaan in {jaar} toen een paar ouders en leerkrachten in {stad} een plek zochten waar kinderen na school konden experimenteren.',
	'{naam} begon in {jaar} als een klein project van vrijwilligers en groeide uit tot een vaste plek voor STEM in {stad}.',
	'Sinds {jaar} is {naam} een begrip in {stad} en omgeving.',
	'{naam} is een vzw uit {stad}, opgericht in {jaar} door ingenieurs, leerkrachten en ouders.',
	'In {jaar} startte {naam} met één groep van twaalf kinderen; vandaag zijn er verschillende groepen per week.',
	'{naam} wil elk kind in {stad} de kans geven om wetenschap en techniek te ontdekken, los van waar het vandaan komt.'
];

const HOW = [
	'We werken met kleine groepen en een vaste begeleider per groep.',
	'Onze begeleiders zijn vrijwilligers: studenten, gepensioneerde ingenieurs, leerkrachten en mensen uit de IT-sector.',
	'We werken samen met scholen in de buurt, de bibliotheek en lokale bedrijven, die materiaal en mentoren ter beschikking stellen.',
	'Elke reeks eindigt met een toonmoment waarop ouders, grootouders en vrienden komen kijken.',
	'We zorgen voor al het materiaal; kinderen hoeven enkel hun nieuwsgierigheid mee te brengen.',
	'Laptops en bouwpakketten zijn aanwezig; wie een eigen laptop heeft, mag die meebrengen.'
];

const INCLUSION = [
	'Met de UiTPAS betaal je het kansentarief. Niemand mag uit de boot vallen omdat het inschrijvingsgeld te hoog is.',
	'We streven naar evenveel meisjes als jongens in elke groep en werken daarom ook met vrouwelijke rolmodellen.',
	'Wie het financieel moeilijk heeft, kan rekenen op een verminderd tarief; vraag er gerust naar, we gaan er discreet mee om.',
	'Onze lokalen zijn rolstoeltoegankelijk. Heeft je kind extra ondersteuning nodig? Laat het ons weten, dan zoeken we samen een oplossing.',
	'Kinderen die thuis een andere taal spreken, zijn van harte welkom: we werken met veel beeld en weinig tekst.'
];

/**
 * A plain-text description of an academy in two or three paragraphs.
 * @param {Random} random
 * @param {{ name: string, theme: Theme, town: string, ageMin: number, ageMax: number, brussels: boolean }} a
 */
export function academyDescription(random, a) {
	const year = String(random.int(2009, 2023));
	const fill = (/** @type {string} */ s) =>
		s.replaceAll('{naam}', a.name).replaceAll('{stad}', a.town).replaceAll('{jaar}', year);
	const first = `${fill(random.pick(ORIGINS))} Bij ons ${random.pick(THEME_WHAT[a.theme])}.`;
	const second = `Voor kinderen en jongeren van ${a.ageMin} tot ${a.ageMax} jaar. ${random.sample(HOW, 2).join(' ')}`;
	const paragraphs = [first, second];
	if (random.chance(0.7)) paragraphs.push(random.pick(INCLUSION));
	if (a.brussels && random.chance(0.6)) {
		paragraphs.push(
			'Onze activiteiten zijn in het Nederlands, maar onze begeleiders spreken ook Frans en Engels. Nos animateurs parlent aussi français.'
		);
	}
	return paragraphs.join('\n\n');
}

// Schools --------------------------------------------------------------------------------------------

const SAINTS = [
	'Jozef',
	'Maria',
	'Vincentius',
	'Lodewijk',
	'Jan',
	'Victor',
	'Ursula',
	'Barbara',
	'Rembert',
	'Michiel',
	'Franciscus',
	'Lutgardis'
];
const SCHOOL_NAMES = [
	{ name: 'Sint-{heilige}scollege {stad}', level: 'secondary' },
	{ name: 'GO! atheneum {stad}', level: 'secondary' },
	{ name: 'GO! technisch atheneum {stad}', level: 'secondary' },
	{ name: 'Stedelijk Lyceum {stad}', level: 'secondary' },
	{ name: 'Sint-{heilige}sinstituut {stad}', level: 'secondary' },
	{ name: 'Heilig-Hartcollege {stad}', level: 'secondary' },
	{ name: 'VTI {stad}', level: 'secondary' },
	{ name: 'Provinciaal Technisch Instituut {stad}', level: 'secondary' },
	{ name: 'Koninklijk Atheneum {stad}', level: 'secondary' },
	{ name: 'Campus {plek} {stad}', level: 'secondary' },
	{ name: 'Gemeentelijke basisschool {plek} {stad}', level: 'primary' },
	{ name: 'Vrije Basisschool Sint-{heilige} {stad}', level: 'primary' },
	{ name: 'GO! basisschool {plek} {stad}', level: 'primary' },
	{ name: 'Basisschool {plek} {stad}', level: 'primary' },
	{ name: 'Stedelijke basisschool {plek} {stad}', level: 'primary' }
];
const SCHOOL_PLACES = [
	'De Regenboog',
	'De Klimtoren',
	'De Zonnebloem',
	'Het Klavertje',
	'De Sleutel',
	'De Wegwijzer',
	'Ter Beke',
	'De Vlinder',
	'Het Kompas',
	'De Horizon',
	'Sint-Pieter',
	'Ten Bos',
	'De Boomgaard',
	'Het Molenhof'
];

/** @param {Random} random @param {string} town */
export function schoolName(random, town) {
	const template = random.pick(SCHOOL_NAMES);
	const name = template.name
		.replace('{heilige}', random.pick(SAINTS))
		.replace('{plek}', random.pick(SCHOOL_PLACES))
		.replace('{stad}', town);
	return { name, level: template.level };
}

const SCHOOL_OFFERS = {
	secondary: [
		'een goed uitgerust chemie- en fysicalabo met twaalf werkplekken',
		'een makerspace met 3D-printers, een lasersnijder en een elektronicahoek',
		'twee computerklassen met elk 24 toestellen',
		'een werkplaats elektromechanica met draaibanken en een CNC-frees',
		'een STEM-lokaal met robotsets, micro:bits en Arduino-kits',
		'een biologielabo met microscopen en een schooltuin met serre'
	],
	primary: [
		'een STEM-lokaal met bouwmateriaal, Bee-Bots en proefjeskoffers',
		'een ruime polyvalente zaal die na de lesuren vrij is',
		'een schooltuin met moestuinbakken en een bijenhotel',
		'een computerhoek met tablets en een digitaal bord'
	]
};

/** @param {Random} random @param {{ name: string, town: string, level: string, pupils: number }} s */
export function schoolDescription(random, s) {
	const offers = random.sample(SCHOOL_OFFERS[s.level === 'primary' ? 'primary' : 'secondary'], 2);
	const kind =
		s.level === 'primary'
			? `basisschool in ${s.town} met ongeveer ${s.pupils} leerlingen`
			: `secundaire school in ${s.town} met ongeveer ${s.pupils} leerlingen in ${random.pick(['de eerste en tweede graad', 'alle graden', 'het ASO, TSO en BSO', 'technische en wetenschappelijke richtingen'])}`;
	const open = random.pick([
		'Na de lesuren en op woensdagnamiddag stellen we onze lokalen graag ter beschikking van STEM-academies uit de buurt.',
		'Als open school verhuren we onze lokalen na schooltijd aan verenigingen en academies, tegen een kleine vergoeding of gratis voor activiteiten met onze eigen leerlingen.',
		'We zoeken academies die na schooltijd met onze leerlingen aan de slag willen en stellen daarvoor onze infrastructuur open.'
	]);
	return `${s.name} is een ${kind}. We beschikken over ${offers[0]} en ${offers[1]}.\n\n${open}`;
}

// Companies ------------------------------------------------------------------------------------------

const COMPANY_PREFIXES = [
	'Schelde',
	'Leie',
	'Dender',
	'Nete',
	'Demer',
	'Dijle',
	'Zenne',
	'Kempen',
	'Waasland',
	'Meetjesland',
	'Westhoek',
	'Maasland',
	'Hageland',
	'Pajot',
	'Polder',
	'Kanaal',
	'Noordzee',
	'Vlaskouter',
	'Heide',
	'Mandel',
	'Durme',
	'Rupel',
	'Vliet',
	'Ijzer'
];
const COMPANY_FAMILIES = [
	'Vandenbroucke',
	'Claeys',
	'Verhaeghe',
	'De Meyer',
	'Van Acker',
	'Goethals',
	'Lambrecht',
	'Vercruysse',
	'Maertens',
	'Dewaele',
	'Boone',
	'Cornelis',
	'Hoste',
	'Mortier',
	'Vanlerberghe'
];
const SECTORS = [
	{ word: 'Automation', sector: 'industriële automatisering', staff: 'automatiseringsingenieurs' },
	{ word: 'Engineering', sector: 'machinebouw en engineering', staff: 'ingenieurs' },
	{ word: 'Robotics', sector: 'robotica voor de maakindustrie', staff: 'robotici en programmeurs' },
	{ word: 'Software', sector: 'softwareontwikkeling', staff: 'ontwikkelaars' },
	{ word: 'Data', sector: 'data-analyse en AI', staff: 'datawetenschappers' },
	{ word: 'Energie', sector: 'hernieuwbare energie', staff: 'energietechnici' },
	{ word: 'Metaalbouw', sector: 'metaalbewerking', staff: 'lassers en technici' },
	{ word: 'Elektro', sector: 'elektrotechnische installaties', staff: 'elektriciens en technici' },
	{ word: 'Chemie', sector: 'chemie', staff: 'chemici en procesoperatoren' },
	{ word: 'Lasertechniek', sector: 'lasersnijden en precisietechniek', staff: 'technici' },
	{ word: 'Composites', sector: 'composietmaterialen', staff: 'materiaalkundigen' },
	{ word: 'Logistics', sector: 'logistiek en supply chain', staff: 'logistieke experten' },
	{ word: 'Systems', sector: 'IT-infrastructuur', staff: 'systeembeheerders' },
	{ word: 'Aerospace', sector: 'onderdelen voor de luchtvaart', staff: 'luchtvaartingenieurs' },
	{ word: 'Biotech', sector: 'biotechnologie', staff: 'bio-ingenieurs' },
	{ word: 'Foodtech', sector: 'voedingstechnologie', staff: 'voedingstechnologen' },
	{ word: 'Installatietechniek', sector: 'HVAC en installatietechniek', staff: 'installateurs' },
	{ word: 'Kunststoffen', sector: 'kunststofverwerking', staff: 'procestechnici' },
	{ word: 'Drukwerk', sector: 'grafische technieken en 3D-print', staff: 'prepress-specialisten' },
	{ word: 'Agrotech', sector: 'landbouwtechnologie', staff: 'agro-ingenieurs' }
];

/** @param {Random} random */
export function companyName(random) {
	const s = random.pick(SECTORS);
	const r = random.next();
	let name;
	if (r < 0.45) name = `${random.pick(COMPANY_PREFIXES)} ${s.word}`;
	else if (r < 0.8) name = `${random.pick(COMPANY_FAMILIES)} ${s.word}`;
	else name = `${random.pick(COMPANY_PREFIXES)}${s.word.toLowerCase()}`;
	if (random.chance(0.3)) name += random.pick([' nv', ' bv', ' Group']);
	return { name, sector: s };
}

/** @param {Random} random @param {{ name: string, town: string, sector: { sector: string, staff: string } }} c */
export function companyDescription(random, c) {
	const size = random.pick(['15', '40', '80', '120', '250', '600']);
	const offers = random.sample(
		[
			`een paar van onze ${c.sector.staff} als mentor voor een academie`,
			'bedrijfsbezoeken voor groepen van maximaal twintig jongeren',
			'afgeschreven laptops en meetapparatuur',
			'een jaarlijkse financiële bijdrage voor materiaal',
			'een vergaderzaal en werkplaats op zaterdag',
			'stageplaatsen en jobshadowing voor leerlingen uit het secundair'
		],
		2
	);
	return `${c.name} is actief in ${c.sector.sector}, met ongeveer ${size} medewerkers in ${c.town}.\n\nWe willen jongeren uit de regio laten zien hoe boeiend techniek is. Wij bieden ${offers[0]} en ${offers[1]}.`;
}

// Partners -------------------------------------------------------------------------------------------

/** @typedef {'municipality_service' | 'fablab' | 'library' | 'museum' | 'training_centre' | 'other'} PartnerType */

/** @type {{ type: PartnerType, name: string, text: string }[]} */
export const PARTNER_TEMPLATES = [
	{
		type: 'library',
		name: 'Bibliotheek {stad}',
		text: 'De bibliotheek van {stad} heeft een makerspace met 3D-printers en robots die academies kunnen gebruiken, en stelt haar leeszaal open voor activiteiten op woensdagnamiddag.'
	},
	{
		type: 'library',
		name: 'Openbare Bibliotheek {stad}',
		text: 'Onze bibliotheek organiseert samen met academies programmeernamiddagen en leent STEM-koffers uit aan scholen en verenigingen.'
	},
	{
		type: 'fablab',
		name: 'FabLab {stad}',
		text: 'Een open werkplaats met lasersnijders, 3D-printers, een CNC-frees en een elektronicahoek. Academies kunnen er met een groep terecht onder begeleiding van onze fablab-coaches.'
	},
	{
		type: 'fablab',
		name: 'Makerspace {stad}',
		text: 'Wij zijn een coöperatieve makerspace. Leden en academies gebruiken onze machines; op zaterdag is er een open atelier voor jongeren.'
	},
	{
		type: 'municipality_service',
		name: 'Jeugddienst {stad}',
		text: 'De gemeentelijke jeugddienst van {stad} ondersteunt jeugdwerk en STEM-academies met lokalen, subsidies en promotie in het vakantieaanbod.'
	},
	{
		type: 'municipality_service',
		name: 'Dienst Onderwijs {stad}',
		text: 'De dienst onderwijs brengt scholen, academies en bedrijven in {stad} samen en coördineert het lokale STEM-overleg.'
	},
	{
		type: 'museum',
		name: 'Museum voor Techniek en Industrie {stad}',
		text: 'Ons museum vertelt het verhaal van de industrie in de streek, met werkende machines en workshops voor scholen en academies.'
	},
	{
		type: 'museum',
		name: 'Natuurhistorisch Museum {stad}',
		text: 'Een museum vol fossielen, mineralen en opgezette dieren, met een educatieve dienst die graag samenwerkt met academies.'
	},
	{
		type: 'training_centre',
		name: 'CVO {stad}',
		text: 'Centrum voor volwassenenonderwijs met opleidingen elektriciteit, lassen en programmeren. Onze cursisten en lesgevers helpen als vrijwilliger in academies.'
	},
	{
		type: 'training_centre',
		name: 'Opleidingscentrum Techniek {stad}',
		text: 'Wij leiden technici op voor de regio en stellen onze werkplaatsen tijdens vakanties open voor STEM-kampen.'
	},
	{
		type: 'other',
		name: 'Wetenschapswinkel {stad}',
		text: 'Een ontmoetingsplek waar onderzoekers, studenten en burgers samen wetenschap doen. We brengen academies in contact met jonge onderzoekers.'
	},
	{
		type: 'other',
		name: 'Jeugdhuis {stad}',
		text: 'Ons jeugdhuis heeft een gamelokaal en een podium, en stelt die op weekdagen open voor STEM-activiteiten van academies.'
	}
];

/** @param {string} s @param {string} town */
export function fillTown(s, town) {
	return s.replaceAll('{stad}', town);
}

// Activities -----------------------------------------------------------------------------------------

/** Topics per domain: title and a short line of what happens. */
export const TOPICS =
	/** @type {Record<Domain, { title: string, what: string, minAge: number }[]>} */ ({
		programmeren: [
			{
				title: 'Eerste stappen in Scratch',
				what: 'maak je je eerste animaties en spelletjes met blokjescode',
				minAge: 7
			},
			{
				title: 'Games maken met Scratch',
				what: 'ontwerp je een eigen spel met levels, scores en geluid',
				minAge: 8
			},
			{
				title: 'Programmeren met Python',
				what: 'schrijf je echte code en bouw je kleine programma’s en spelletjes',
				minAge: 11
			},
			{
				title: 'Micro:bit-uitdagingen',
				what: 'programmeer je een micro:bit tot stappenteller, kompas of reactiespel',
				minAge: 9
			},
			{
				title: 'Apps bouwen met App Inventor',
				what: 'maak je een echte app voor je smartphone',
				minAge: 11
			},
			{
				title: 'Websites maken met HTML en CSS',
				what: 'bouw je je eigen website van nul',
				minAge: 11
			},
			{
				title: 'Minecraft Education: codeer je wereld',
				what: 'laat je een robot in Minecraft bouwen met code',
				minAge: 8
			},
			{
				title: 'Robots bouwen met LEGO Spike',
				what: 'bouw en programmeer je robots die rijden, grijpen en sorteren',
				minAge: 9
			},
			{
				title: 'Robots programmeren met mBot',
				what: 'laat je een robotje lijnen volgen en obstakels ontwijken',
				minAge: 9
			},
			{
				title: 'Arduino voor beginners',
				what: 'laat je lampjes knipperen, motoren draaien en sensoren meten',
				minAge: 12
			},
			{
				title: 'Je eigen game in Godot',
				what: 'ontwikkel je een 2D-game met een echte game-engine',
				minAge: 13
			},
			{
				title: 'AI voor jongeren: train je eigen model',
				what: 'ontdek je hoe artificiële intelligentie leert en train je zelf een model',
				minAge: 12
			},
			{
				title: 'Muziek coderen met Sonic Pi',
				what: 'maak je beats en melodieën met code',
				minAge: 10
			},
			{
				title: 'Vrij programmeren met een mentor',
				what: 'werk je aan je eigen project, met hulp van een mentor',
				minAge: 7
			},
			{
				title: 'Bluebots en Ozobots voor de jongsten',
				what: 'sturen de jongsten kleine robotjes door een parcours',
				minAge: 5
			},
			{
				title: 'Escape room programmeren',
				what: 'los je puzzels op door code te kraken en te schrijven',
				minAge: 10
			},
			{
				title: 'Slimme lampjes met ESP32',
				what: 'maak je een lamp die je met je gsm bedient',
				minAge: 13
			}
		],
		techniek: [
			{
				title: 'Bouw je eigen elektrische wagen',
				what: 'bouw je een wagentje met een motor, batterij en schakelaar',
				minAge: 8
			},
			{
				title: 'Solderen voor beginners',
				what: 'soldeer je een knipperlicht of een klein muziekdoosje',
				minAge: 10
			},
			{
				title: 'Bruggen bouwen en testen',
				what: 'ontwerp je een brug en test je hoeveel gewicht hij draagt',
				minAge: 8
			},
			{
				title: 'Waterraketten lanceren',
				what: 'bouw je een raket uit een petfles en lanceer je hem met waterdruk',
				minAge: 8
			},
			{
				title: '3D-ontwerpen en printen',
				what: 'teken je een voorwerp in 3D en print je het uit',
				minAge: 10
			},
			{
				title: 'Lasersnijden in het fablab',
				what: 'ontwerp je een doosje of sleutelhanger en snijd je het met de laser',
				minAge: 11
			},
			{
				title: 'Windmolens bouwen',
				what: 'bouw je een windmolen die echt stroom opwekt',
				minAge: 9
			},
			{
				title: 'Zonnebootjes ontwerpen',
				what: 'bouw je een bootje dat vaart op zonne-energie',
				minAge: 8
			},
			{
				title: 'Sleutelen aan fietsen',
				what: 'leer je hoe een fiets werkt en herstel je zelf een band en remmen',
				minAge: 10
			},
			{
				title: 'Slim huis in het klein',
				what: 'bouw je een maquette met automatische verlichting en alarm',
				minAge: 11
			},
			{
				title: 'Drones bouwen en vliegen',
				what: 'stel je een drone samen en leer je hem veilig te besturen',
				minAge: 12
			},
			{
				title: 'Knutselen met elektronica',
				what: 'ontdek je stroomkringen met lampjes, zoemers en schakelaars',
				minAge: 7
			},
			{
				title: 'Kettingreacties bouwen',
				what: 'bouw je samen een gigantische kettingreactie met hefbomen en katrollen',
				minAge: 8
			},
			{
				title: 'Hout en mechanica',
				what: 'maak je een houten speeltje met tandwielen en assen',
				minAge: 9
			}
		],
		natuur: [
			{
				title: 'Op zoek naar waterdiertjes',
				what: 'schep je diertjes uit de vijver en bepaal je ze met een zoekkaart',
				minAge: 6
			},
			{
				title: 'Vogels spotten en tellen',
				what: 'leer je vogels herkennen aan hun kleur en zang',
				minAge: 8
			},
			{
				title: 'Bodemdiertjes onder de loep',
				what: 'onderzoek je wat er allemaal in een handvol aarde leeft',
				minAge: 6
			},
			{
				title: 'Een bijenhotel bouwen',
				what: 'bouw je een nestplaats voor wilde bijen',
				minAge: 7
			},
			{
				title: 'Nachtelijke natuurwandeling',
				what: 'ontdek je met een vleermuisdetector wat er ’s nachts leeft',
				minAge: 9
			},
			{
				title: 'Bomen herkennen in het park',
				what: 'leer je bomen herkennen aan blad, schors en vrucht',
				minAge: 7
			}
		],
		sterrenkunde: [
			{
				title: 'Sterrenkijkavond',
				what: 'kijk je door grote telescopen naar planeten en sterrenhopen',
				minAge: 8
			},
			{
				title: 'De maan door de telescoop',
				what: 'bekijk je kraters en bergen op de maan en leer je de schijngestalten',
				minAge: 7
			},
			{
				title: 'Bouw je eigen planisfeer',
				what: 'maak je een draaibare sterrenkaart en zoek je sterrenbeelden',
				minAge: 9
			},
			{
				title: 'Raketten en ruimtevaart',
				what: 'ontdek je hoe raketten werken en lanceer je een modelraket',
				minAge: 10
			},
			{
				title: 'Zonnevlekken observeren',
				what: 'bekijk je veilig de zon met een speciale zonnetelescoop',
				minAge: 8
			},
			{
				title: 'Het zonnestelsel op schaal',
				what: 'stap je een planetenpad af en reken je afstanden uit',
				minAge: 9
			}
		],
		wiskunde_natuurwetenschappen: [
			{
				title: 'Proefjeslab: chemie in de keuken',
				what: 'doe je proefjes met wat er in elke keuken te vinden is',
				minAge: 8
			},
			{
				title: 'Wiskundepuzzels en breinbrekers',
				what: 'kraak je puzzels en ontdek je de wiskunde erachter',
				minAge: 10
			},
			{
				title: 'Kristallen kweken',
				what: 'kweek je je eigen kristallen en bekijk je ze onder de microscoop',
				minAge: 8
			},
			{
				title: 'Elektriciteit en magnetisme',
				what: 'maak je een elektromagneet en een eenvoudige motor',
				minAge: 10
			},
			{
				title: 'Licht en kleur',
				what: 'experimenteer je met prisma’s, lenzen en kleurfilters',
				minAge: 8
			},
			{
				title: 'Training voor de wiskunde-olympiade',
				what: 'oefen je op uitdagende opgaven met andere wiskundefans',
				minAge: 12
			},
			{
				title: 'Geheimschrift en codes kraken',
				what: 'leer je hoe versleuteling werkt en kraak je geheime boodschappen',
				minAge: 10
			},
			{
				title: 'CSI-lab: forensisch onderzoek',
				what: 'onderzoek je vingerafdrukken, inkt en sporen om een zaak op te lossen',
				minAge: 10
			}
		],
		life_sciences: [
			{
				title: 'DNA uit een aardbei halen',
				what: 'maak je DNA zichtbaar met zout, zeep en alcohol',
				minAge: 10
			},
			{
				title: 'Microscopie: cellen en bacteriën',
				what: 'bekijk je cellen, schimmels en bacteriën onder de microscoop',
				minAge: 10
			},
			{
				title: 'Het menselijk lichaam ontdekken',
				what: 'meet je je hartslag, longinhoud en reactiesnelheid',
				minAge: 9
			}
		],
		andere: [
			{
				title: 'STEAM-atelier: kunst met stroomkringen',
				what: 'maak je een kunstwerk dat oplicht met LED’s en geleidende inkt',
				minAge: 8
			},
			{
				title: 'Stop-motionfilms maken',
				what: 'maak je een animatiefilm met klei, LEGO en een tablet',
				minAge: 8
			},
			{
				title: 'Duurzaam ontwerpen met afvalmateriaal',
				what: 'geef je afval een nieuw leven als werkend voorwerp',
				minAge: 8
			},
			{
				title: 'Design thinking: bedenk een uitvinding',
				what: 'bedenk, schets en test je een oplossing voor een echt probleem',
				minAge: 10
			},
			{
				title: 'E-textiel: kleding die oplicht',
				what: 'naai je lampjes en sensoren in een stuk textiel',
				minAge: 11
			},
			{
				title: 'Podcast en digitale media',
				what: 'neem je een podcast op en monteer je hem zelf',
				minAge: 11
			},
			{
				title: 'Modelbouw en architectuur',
				what: 'ontwerp en bouw je een maquette van je droomgebouw',
				minAge: 9
			},
			{
				title: 'Fotografie en beeldbewerking',
				what: 'leer je hoe een camera werkt en bewerk je je eigen foto’s',
				minAge: 11
			}
		]
	});

/** Title of an activity. @param {Random} random @param {string} topic @param {Format} format @param {number} ageMin @param {number} ageMax @param {boolean} girls */
export function activityTitle(random, topic, format, ageMin, ageMax, girls) {
	const ages = `(${ageMin}–${ageMax} jaar)`;
	const forGirls = girls ? ' voor meisjes' : '';
	switch (format) {
		case 'kamp_zonder_overnachting':
			return `${topic}${forGirls} – ${random.pick(['dagkamp', 'vakantiekamp', 'kamp'])} ${ages}`;
		case 'kamp_met_overnachting':
			return `${topic}${forGirls} – ${random.pick(['verblijfkamp', 'kamp met overnachting'])} ${ages}`;
		case 'korte_reeks':
			return `${topic}${forGirls} – reeks ${ages}`;
		case 'lange_reeks_semester':
			return `${topic}${forGirls} – wekelijkse club ${ages}`;
		case 'lange_reeks_jaar':
			return `${topic}${forGirls} – jaarwerking ${ages}`;
		default:
			return `${topic}${forGirls} ${ages}`;
	}
}

const FORMAT_LINES = /** @type {Record<Format, (n: number) => string>} */ ({
	losse_activiteit: () =>
		'Een losse activiteit van een halve dag: je hoeft je niet voor een hele reeks te engageren.',
	korte_reeks: (n) =>
		`Een korte reeks van ${n} bijeenkomsten; elke week bouw je verder op wat je de vorige keer leerde.`,
	lange_reeks_semester: (n) =>
		`Een wekelijkse club gedurende een semester (${n} bijeenkomsten), met op het einde een toonmoment.`,
	lange_reeks_jaar: (n) =>
		`Een jaarwerking van ${n} bijeenkomsten, van september tot juni, buiten de schoolvakanties.`,
	kamp_zonder_overnachting: (n) =>
		`Een dagkamp van ${n} dagen, telkens van 9 tot 16 uur, met opvang vanaf 8 uur.`,
	kamp_met_overnachting: (n) =>
		`Een kamp van ${n} dagen met overnachting, inclusief maaltijden en begeleiding dag en nacht.`
});

const BRING = [
	'Breng een drinkfles en een lunchpakket mee.',
	'Alle materiaal is voorzien. Een eigen laptop meebrengen mag, maar hoeft niet.',
	'Trek kleren aan die vuil mogen worden.',
	'Voorkennis is niet nodig.',
	'Je werkt in duo’s, zodat je van elkaar leert.',
	'Ouders zijn welkom op het toonmoment aan het einde.'
];

/**
 * A plain-text description of an activity.
 * @param {Random} random
 * @param {{ what: string, format: Format, sessions: number, academy: string, girls: boolean }} a
 */
export function activityDescription(random, a) {
	const intro = `Tijdens deze activiteit van ${a.academy} ${a.what}.`;
	const girls = a.girls
		? ' Deze groep is speciaal voor meisjes, met vrouwelijke begeleiders uit de sector als rolmodel.'
		: '';
	return `${intro}${girls}\n\n${FORMAT_LINES[a.format](a.sessions)} ${random.sample(BRING, 2).join(' ')}`;
}

export const VENUES = [
	'Eigen lokaal',
	'Gemeentelijke basisschool',
	'Cultuurcentrum',
	'Bibliotheek',
	'Jeugdhuis',
	'Gemeenschapscentrum',
	'Parochiezaal',
	'Sporthal',
	'Campus hogeschool',
	'Natuureducatief centrum',
	'Technische school',
	'Fablab'
];
