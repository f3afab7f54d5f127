// Queries on municipalities; every place in Groeistoot points at a current one.
import { shortProvinceName, type MunicipalityOption } from '$lib/municipalities';
import type { Db } from '$lib/server/supabase';

/**
 * How long a server process reuses the list of current municipalities. It is reference data, the same for
 * every reader (anyone may read it, no one may write it through the API), and it changes only with a
 * migration, which comes with a deploy (a new process); the expiry only bounds how stale a process that
 * outlives a change to the table by hand can be.
 */
const CURRENT_MUNICIPALITIES_TTL_MS = 10 * 60_000;

let cached: { until: number; list: Promise<MunicipalityOption[]> } | null = null;

/**
 * Current municipalities of Flanders and Brussels, by Dutch name. Asked once per process (and again after
 * CURRENT_MUNICIPALITIES_TTL_MS or a failed read): every public list's filter and every form with a
 * municipality field needs the ~300 of them. Each caller gets its own array (of shared, frozen options).
 */
export async function listCurrentMunicipalities(db: Db): Promise<MunicipalityOption[]> {
	const now = Date.now();
	if (!cached || now >= cached.until) {
		const list = readCurrentMunicipalities(db);
		const entry = { until: now + CURRENT_MUNICIPALITIES_TTL_MS, list };
		cached = entry;
		// A failed read is not kept: the next caller asks again.
		list.catch(() => {
			if (cached === entry) cached = null;
		});
	}
	return (await cached.list).slice();
}

/** Forget the cached list (tests that change the municipalities table, or a future admin action). */
export function forgetCurrentMunicipalities() {
	cached = null;
}

async function readCurrentMunicipalities(db: Db): Promise<MunicipalityOption[]> {
	const { data, error } = await db
		.from('current_municipalities')
		.select('nis, name_nl, province_nl, region')
		.in('region', ['VLG', 'BRU'])
		.order('name_nl');
	if (error) throw error;

	return data.flatMap((row) =>
		row.nis && row.name_nl && row.region
			? [
					Object.freeze({
						nis: row.nis,
						name: row.name_nl,
						province: shortProvinceName(row.province_nl),
						region: row.region
					})
				]
			: []
	);
}
