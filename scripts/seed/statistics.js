// @ts-check
// The STEM-academy inventory's figures (supabase/data/seed-statistics.csv): the mix of domains and
// formats and the coverage per province that the demo data is shaped after.
import { readFileSync } from 'node:fs';

/** @typedef {import('./texts.js').Domain} Domain */
/** @typedef {import('./texts.js').Format} Format */

const DOMAIN_KEYS = /** @type {Record<string, Domain>} */ ({
	Techniek: 'techniek',
	Programmeren: 'programmeren',
	Natuur: 'natuur',
	Sterrenkunde: 'sterrenkunde',
	'Wiskunde en natuurwetenschappen': 'wiskunde_natuurwetenschappen',
	Andere: 'andere'
});

const FORMAT_KEYS = /** @type {Record<string, Format>} */ ({
	'Losse activiteit': 'losse_activiteit',
	'Korte reeks': 'korte_reeks',
	'Lange reeks (semester)': 'lange_reeks_semester',
	'Lange reeks (jaar)': 'lange_reeks_jaar',
	'Kamp zonder overnachting': 'kamp_zonder_overnachting',
	'Kamp met overnachting': 'kamp_met_overnachting'
});

const PROVINCE_KEYS = /** @type {Record<string, string>} */ ({
	'West-Vlaanderen': 'west-vlaanderen',
	'Oost-Vlaanderen': 'oost-vlaanderen',
	Antwerpen: 'antwerpen',
	'Vlaams-Brabant': 'vlaams-brabant',
	Limburg: 'limburg',
	Brussel: 'brussel'
});

/** Share of "Andere" that the demo files under life sciences, which the inventory does not count apart. */
const LIFE_SCIENCES_POINTS = 1;

/**
 * Shares (percent) of the most recent period, keyed by the platform's vocabulary.
 * @param {string} csvPath
 */
export function readStatistics(csvPath) {
	const rows = readFileSync(csvPath, 'utf8')
		.split(/\r?\n/)
		.filter((line) => line.trim() !== '')
		.map((line) => line.split(','));
	const header = /** @type {string[]} */ (rows[0]);
	const col = (/** @type {string} */ name) => {
		const i = header.indexOf(name);
		if (i < 0) throw new Error(`seed-statistics.csv: no column ${name}`);
		return i;
	};
	const [table, category, pct, coverage] = [
		'table',
		'category',
		'period_2_pct',
		'coverage_pct'
	].map(col);
	const get = (/** @type {string[]} */ row, /** @type {number | undefined} */ i) =>
		String(row[/** @type {number} */ (i)]);

	const domains = /** @type {Record<Domain, number>} */ ({ life_sciences: 0 });
	const formats = /** @type {Record<Format, number>} */ ({});
	/** @type {Record<string, number>} */
	const provinceActivities = {};
	/** @type {Record<string, number>} */
	const provinceCoverage = {};
	for (const row of rows.slice(1)) {
		const t = get(row, table);
		const c = get(row, category);
		if (t === 'domain' && DOMAIN_KEYS[c])
			domains[/** @type {Domain} */ (DOMAIN_KEYS[c])] = Number(get(row, pct));
		if (t === 'format' && FORMAT_KEYS[c])
			formats[/** @type {Format} */ (FORMAT_KEYS[c])] = Number(get(row, pct));
		if (t === 'province' && PROVINCE_KEYS[c]) {
			const key = /** @type {string} */ (PROVINCE_KEYS[c]);
			provinceActivities[key] = Number(get(row, pct));
			provinceCoverage[key] = Number(get(row, coverage));
		}
	}
	for (const key of Object.values(DOMAIN_KEYS)) {
		if (!(domains[key] >= 0)) throw new Error(`seed-statistics.csv: no domain ${key}`);
	}
	for (const key of Object.values(FORMAT_KEYS)) {
		if (!(formats[key] >= 0)) throw new Error(`seed-statistics.csv: no format ${key}`);
	}
	for (const key of Object.values(PROVINCE_KEYS)) {
		if (!((provinceCoverage[key] ?? 0) > 0))
			throw new Error(`seed-statistics.csv: no coverage for ${key}`);
	}
	domains.life_sciences = LIFE_SCIENCES_POINTS;
	domains.andere -= LIFE_SCIENCES_POINTS;
	return { domains, formats, provinceActivities, provinceCoverage };
}

/** @typedef {ReturnType<typeof readStatistics>} Statistics */
