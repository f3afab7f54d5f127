// @ts-check
// Places: municipalities from the project's CSV, plausible postal codes, phone prefixes and streets.
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ nis: string, name: string, provinceNis: string, province: string, region: string,
 *   arrondissement: string, population: number, lat: number, lng: number }} Municipality
 */

/** RFC 4180 fields: quotes are optional and "" inside quotes is a quote. @param {string} line */
function parseCsvLine(line) {
	/** @type {string[]} */
	const fields = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			fields.push(field);
			field = '';
		} else field += c;
	}
	fields.push(field);
	return fields;
}

/**
 * The current Flemish and Brussels municipalities, in NIS order.
 * @param {string} csvPath
 * @returns {Municipality[]}
 */
export function readMunicipalities(csvPath) {
	const lines = readFileSync(csvPath, 'utf8')
		.split(/\r?\n/)
		.filter((line) => line.trim() !== '');
	const header = parseCsvLine(/** @type {string} */ (lines[0]));
	const col = (/** @type {string} */ name) => {
		const i = header.indexOf(name);
		if (i < 0) throw new Error(`municipalities.csv: no column ${name}`);
		return i;
	};
	const [nis, name, pNis, pNl, region, arr, pop, lat, lng, validTo] = [
		'nis',
		'name_nl',
		'province_nis',
		'province_nl',
		'region',
		'arrondissement_nis',
		'population_2020',
		'lat',
		'lng',
		'valid_to'
	].map(col);
	return lines
		.slice(1)
		.map(parseCsvLine)
		.filter((f) => f[/** @type {number} */ (validTo)] === '')
		.filter((f) => ['VLG', 'BRU'].includes(String(f[/** @type {number} */ (region)])))
		.map((f) => {
			const get = (/** @type {number | undefined} */ i) => String(f[/** @type {number} */ (i)]);
			return {
				nis: get(nis),
				name: get(name),
				provinceNis: get(pNis) || '21000',
				province: get(pNl) || 'Brussels Hoofdstedelijk Gewest',
				region: get(region),
				arrondissement: get(arr),
				population: Number(get(pop)),
				lat: Number(get(lat)),
				lng: Number(get(lng))
			};
		})
		.sort((a, b) => a.nis.localeCompare(b.nis));
}

/** Short province keys used by the generator, by province NIS code. */
export const PROVINCE_KEYS = /** @type {const} */ ({
	10000: 'antwerpen',
	20001: 'vlaams-brabant',
	30000: 'west-vlaanderen',
	40000: 'oost-vlaanderen',
	70000: 'limburg',
	21000: 'brussel'
});

/** @param {Municipality} m */
export function provinceKey(m) {
	const key = PROVINCE_KEYS[/** @type {keyof typeof PROVINCE_KEYS} */ (Number(m.provinceNis))];
	if (!key) throw new Error(`unknown province ${m.provinceNis} for ${m.name}`);
	return key;
}

// Real main postal codes of towns the seed uses often; other municipalities get a plausible code in
// their arrondissement's range (good enough for demo addresses).
const POSTAL_CODES = /** @type {Record<string, string>} */ ({
	Anderlecht: '1070',
	Oudergem: '1160',
	'Sint-Agatha-Berchem': '1082',
	Brussel: '1000',
	Etterbeek: '1040',
	Evere: '1140',
	Vorst: '1190',
	Ganshoren: '1083',
	Elsene: '1050',
	Jette: '1090',
	Koekelberg: '1081',
	'Sint-Jans-Molenbeek': '1080',
	'Sint-Gillis': '1060',
	'Sint-Joost-ten-Node': '1210',
	Schaarbeek: '1030',
	Ukkel: '1180',
	'Watermaal-Bosvoorde': '1170',
	'Sint-Lambrechts-Woluwe': '1200',
	'Sint-Pieters-Woluwe': '1150',
	Antwerpen: '2000',
	Mechelen: '2800',
	Turnhout: '2300',
	Lier: '2500',
	Geel: '2440',
	Mol: '2400',
	Herentals: '2200',
	Boom: '2850',
	Mortsel: '2640',
	Kontich: '2550',
	Brasschaat: '2930',
	Schoten: '2900',
	Kapellen: '2950',
	Edegem: '2650',
	'Heist-op-den-Berg': '2220',
	Willebroek: '2830',
	Westerlo: '2260',
	Hoogstraten: '2320',
	Leuven: '3000',
	Tienen: '3300',
	Aarschot: '3200',
	Diest: '3290',
	Vilvoorde: '1800',
	Halle: '1500',
	Zaventem: '1930',
	Grimbergen: '1850',
	Asse: '1730',
	Dilbeek: '1700',
	Overijse: '3090',
	Tervuren: '3080',
	Herent: '3020',
	Landen: '3400',
	Hasselt: '3500',
	Genk: '3600',
	'Sint-Truiden': '3800',
	'Tongeren-Borgloon': '3700',
	Lommel: '3920',
	Beringen: '3580',
	Maasmechelen: '3630',
	'Bilzen-Hoeselt': '3740',
	Diepenbeek: '3590',
	Lanaken: '3620',
	Maaseik: '3680',
	Bree: '3960',
	Pelt: '3900',
	'Heusden-Zolder': '3550',
	'Houthalen-Helchteren': '3530',
	Leopoldsburg: '3970',
	Brugge: '8000',
	Kortrijk: '8500',
	Oostende: '8400',
	Roeselare: '8800',
	Ieper: '8900',
	Waregem: '8790',
	'Knokke-Heist': '8300',
	Menen: '8930',
	Izegem: '8870',
	Torhout: '8820',
	Tielt: '8700',
	Poperinge: '8970',
	Diksmuide: '8600',
	Veurne: '8630',
	Blankenberge: '8370',
	'De Panne': '8660',
	Koksijde: '8670',
	Harelbeke: '8530',
	Wevelgem: '8560',
	Oostkamp: '8020',
	Nieuwpoort: '8620',
	Middelkerke: '8430',
	Gent: '9000',
	Aalst: '9300',
	'Sint-Niklaas': '9100',
	Dendermonde: '9200',
	Lokeren: '9160',
	'Beveren-Kruibeke-Zwijndrecht': '9120',
	Eeklo: '9900',
	Oudenaarde: '9700',
	Ninove: '9400',
	Geraardsbergen: '9500',
	Ronse: '9600',
	Wetteren: '9230',
	Zele: '9240',
	Hamme: '9220',
	Deinze: '9800',
	Temse: '9140',
	Zottegem: '9620',
	'Merelbeke-Melle': '9820',
	Lochristi: '9080',
	Evergem: '9940',
	Aalter: '9880',
	Maldegem: '9990',
	Aartselaar: '2630',
	Boechout: '2530',
	Brecht: '2960',
	Essen: '2910',
	Hemiksem: '2620',
	Hove: '2540',
	Kalmthout: '2920',
	Lint: '2547',
	Niel: '2845',
	Ranst: '2520',
	Rumst: '2840',
	Schelle: '2627',
	Schilde: '2970',
	Stabroek: '2940',
	Wijnegem: '2110',
	Wommelgem: '2160',
	Wuustwezel: '2990',
	Zandhoven: '2240',
	Zoersel: '2980',
	Malle: '2390',
	Berlaar: '2590',
	Bonheiden: '2820',
	Bornem: '2880',
	Duffel: '2570',
	Nijlen: '2560',
	Putte: '2580',
	'Sint-Katelijne-Waver': '2860',
	'Puurs-Sint-Amands': '2870',
	Arendonk: '2370',
	'Baarle-Hertog': '2387',
	Balen: '2490',
	Beerse: '2340',
	Dessel: '2480',
	Grobbendonk: '2280',
	Herenthout: '2270',
	Herselt: '2230',
	Hulshout: '2235',
	Kasterlee: '2460',
	Lille: '2275',
	Meerhout: '2450',
	Merksplas: '2330',
	Olen: '2250',
	'Oud-Turnhout': '2360',
	Ravels: '2380',
	Retie: '2470',
	Rijkevorsel: '2310',
	Vorselaar: '2290',
	Vosselaar: '2350',
	Laakdal: '2430',
	Beersel: '1650',
	Bever: '1547',
	Hoeilaart: '1560',
	Kampenhout: '1910',
	'Kapelle-op-den-Bos': '1880',
	Liedekerke: '1770',
	Londerzeel: '1840',
	Machelen: '1830',
	Meise: '1860',
	Merchtem: '1785',
	Opwijk: '1745',
	Pepingen: '1670',
	'Sint-Pieters-Leeuw': '1600',
	Steenokkerzeel: '1820',
	Ternat: '1740',
	Zemst: '1980',
	Roosdaal: '1760',
	Drogenbos: '1620',
	Kraainem: '1950',
	Linkebeek: '1630',
	'Sint-Genesius-Rode': '1640',
	Wemmel: '1780',
	'Wezembeek-Oppem': '1970',
	Lennik: '1750',
	Affligem: '1790',
	Pajottegem: '1755',
	Begijnendijk: '3130',
	Bekkevoort: '3460',
	Bertem: '3060',
	Bierbeek: '3360',
	Boortmeerbeek: '3190',
	Boutersem: '3370',
	Geetbets: '3450',
	Haacht: '3150',
	Hoegaarden: '3320',
	Holsbeek: '3220',
	Huldenberg: '3040',
	Keerbergen: '3140',
	Kortenaken: '3470',
	Kortenberg: '3070',
	Lubbeek: '3210',
	'Oud-Heverlee': '3050',
	Rotselaar: '3110',
	Tremelo: '3120',
	Zoutleeuw: '3440',
	Linter: '3350',
	'Scherpenheuvel-Zichem': '3270',
	'Tielt-Winge': '3390',
	Glabbeek: '3380',
	Beernem: '8730',
	Damme: '8340',
	Jabbeke: '8490',
	Zedelgem: '8210',
	Zuienkerke: '8377',
	Houthulst: '8650',
	Koekelare: '8680',
	Kortemark: '8610',
	'Lo-Reninge': '8647',
	Mesen: '8957',
	Wervik: '8940',
	Zonnebeke: '8980',
	Heuvelland: '8950',
	'Langemark-Poelkapelle': '8920',
	Vleteren: '8640',
	Anzegem: '8570',
	Avelgem: '8580',
	Deerlijk: '8540',
	Kuurne: '8520',
	Lendelede: '8860',
	Zwevegem: '8550',
	'Spiere-Helkijn': '8587',
	Bredene: '8450',
	Gistel: '8470',
	Ichtegem: '8480',
	Oudenburg: '8460',
	'De Haan': '8420',
	Hooglede: '8830',
	Ingelmunster: '8770',
	Ledegem: '8880',
	Lichtervelde: '8810',
	Moorslede: '8890',
	Staden: '8840',
	Dentergem: '8720',
	Oostrozebeke: '8780',
	Pittem: '8740',
	Wielsbeke: '8710',
	Ardooie: '8850',
	Wingene: '8750',
	Alveringem: '8690',
	Denderleeuw: '9470',
	Haaltert: '9450',
	Herzele: '9550',
	Lede: '9340',
	'Sint-Lievens-Houtem': '9520',
	'Erpe-Mere': '9420',
	Berlare: '9290',
	Buggenhout: '9255',
	Laarne: '9270',
	Lebbeke: '9280',
	Waasmunster: '9250',
	Wichelen: '9260',
	Assenede: '9960',
	Kaprijke: '9970',
	'Sint-Laureins': '9980',
	Zelzate: '9060',
	Destelbergen: '9070',
	Gavere: '9890',
	Oosterzele: '9860',
	'Sint-Martens-Latem': '9830',
	Zulte: '9870',
	Lievegem: '9920',
	'Nazareth-De Pinte': '9810',
	Brakel: '9660',
	Kluisbergen: '9690',
	'Wortegem-Petegem': '9790',
	Horebeke: '9667',
	Lierde: '9570',
	Maarkedal: '9680',
	Zwalm: '9630',
	Kruisem: '9750',
	'Sint-Gillis-Waas': '9170',
	Stekene: '9190',
	As: '3665',
	Gingelom: '3890',
	Halen: '3545',
	'Herk-de-Stad': '3540',
	Lummen: '3560',
	Nieuwerkerken: '3850',
	Zonhoven: '3520',
	Zutendaal: '3690',
	'Tessenderlo-Ham': '3980',
	Bocholt: '3950',
	Kinrooi: '3640',
	Peer: '3990',
	'Hamont-Achel': '3930',
	'Hechtel-Eksel': '3940',
	'Dilsen-Stokkem': '3650',
	Oudsbergen: '3660',
	Alken: '3570',
	Heers: '3870',
	Herstappe: '3717',
	Riemst: '3770',
	Wellen: '3830',
	Voeren: '3790'
});

/** Postal code ranges per arrondissement (first, last). */
const ARRONDISSEMENT_RANGES = /** @type {Record<string, [number, number]>} */ ({
	11000: [2020, 2660],
	12000: [2560, 2890],
	13000: [2200, 2490],
	21000: [1000, 1210],
	23000: [1500, 1980],
	24000: [3000, 3470],
	31000: [8000, 8380],
	32000: [8600, 8650],
	33000: [8900, 8980],
	34000: [8500, 8587],
	35000: [8400, 8480],
	36000: [8800, 8890],
	37000: [8700, 8780],
	38000: [8620, 8690],
	41000: [9300, 9470],
	42000: [9200, 9290],
	43000: [9900, 9990],
	44000: [9030, 9890],
	45000: [9600, 9790],
	46000: [9100, 9190],
	71000: [3500, 3590],
	72000: [3600, 3990],
	73000: [3700, 3890]
});

/** A stable small hash of a string. @param {string} s */
function hash(s) {
	let h = 2166136261;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}

/** The postal code of a municipality (its main one). @param {Municipality} m */
export function postalCode(m) {
	const known = POSTAL_CODES[m.name];
	if (known) return known;
	const range = ARRONDISSEMENT_RANGES[m.arrondissement];
	if (!range) throw new Error(`no postal range for arrondissement ${m.arrondissement}`);
	const steps = Math.floor((range[1] - range[0]) / 10);
	return String(range[0] + (hash(m.nis) % (steps + 1)) * 10);
}

/** Checks that every named postal code belongs to a real municipality name. @param {Municipality[]} all */
export function checkPostalNames(all) {
	const names = new Set(all.map((m) => m.name));
	for (const name of Object.keys(POSTAL_CODES)) {
		if (!names.has(name)) throw new Error(`postal code table: unknown municipality ${name}`);
	}
}

/** Zone prefix of a landline, by arrondissement. */
const PHONE_ZONES = /** @type {Record<string, string>} */ ({
	11000: '03',
	12000: '015',
	13000: '014',
	21000: '02',
	23000: '02',
	24000: '016',
	31000: '050',
	32000: '051',
	33000: '057',
	34000: '056',
	35000: '059',
	36000: '051',
	37000: '051',
	38000: '058',
	41000: '053',
	42000: '052',
	43000: '09',
	44000: '09',
	45000: '055',
	46000: '03',
	71000: '011',
	72000: '089',
	73000: '012'
});

/**
 * A landline number in the Belgian written style, e.g. "09 223 45 67" or "016 23 45 67".
 * @param {import('./random.js').Random} random
 * @param {Municipality} m
 */
export function landline(random, m) {
	const zone = PHONE_ZONES[m.arrondissement] ?? '02';
	const d = () => String(random.int(0, 9));
	const pair = () => d() + d();
	if (zone.length === 2) return `${zone} ${random.int(2, 7)}${pair()} ${pair()} ${pair()}`;
	return `${zone} ${random.int(2, 8)}${d()} ${pair()} ${pair()}`;
}

/** A mobile number, e.g. "0475 12 34 56". @param {import('./random.js').Random} random */
export function mobile(random) {
	const pair = () => String(random.int(0, 99)).padStart(2, '0');
	return `04${random.pick(['70', '71', '72', '73', '75', '76', '77', '78', '79', '84', '85', '86', '87', '88', '89', '91', '92', '93', '94', '95', '96', '97', '98', '99'])} ${pair()} ${pair()} ${pair()}`;
}

/** Great-circle distance in km. @param {{ lat: number, lng: number }} a @param {{ lat: number, lng: number }} b */
export function distanceKm(a, b) {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLng = (b.lng - a.lng) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export const STREETS = [
	'Kerkstraat',
	'Stationsstraat',
	'Schoolstraat',
	'Molenstraat',
	'Dorpsstraat',
	'Nieuwstraat',
	'Kapelstraat',
	'Marktplein',
	'Kouterstraat',
	'Hoogstraat',
	'Beekstraat',
	'Lindenlaan',
	'Kastanjelaan',
	'Bosstraat',
	'Veldstraat',
	'Meersstraat',
	'Brugstraat',
	'Gemeenteplein',
	'Sint-Jansstraat',
	'Pastorijstraat',
	'Heirweg',
	'Leopoldlaan',
	'Koning Albertstraat',
	'Vaartstraat',
	'Kanaalstraat',
	'Nijverheidsstraat',
	'Processiestraat',
	'Wijngaardstraat',
	'Groenstraat',
	'Zandstraat',
	'Kloosterstraat',
	'Acaciastraat',
	'Parklaan',
	'Guido Gezellelaan',
	'Hendrik Consciencestraat',
	'Pater Damiaanstraat',
	'Tramstraat',
	'Spoorweglaan',
	'Oude Baan',
	'Steenweg'
];

export const INDUSTRIAL_STREETS = [
	'Industrieweg',
	'Industriepark',
	'Ambachtsstraat',
	'Zoning Noord',
	'Bedrijvenlaan',
	'Researchpark',
	'Ondernemersstraat',
	'Technologiepark',
	'Havenlaan',
	'Kanaaldijk',
	'Fabrieksstraat',
	'Innovatielaan'
];
