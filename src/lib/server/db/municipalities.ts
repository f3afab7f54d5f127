// Queries on municipalities; every place in Groeistoot points at a current one.
import { shortProvinceName, type MunicipalityOption } from '$lib/municipalities';
import type { Db } from '$lib/server/supabase';

/** Current municipalities of Flanders and Brussels, by Dutch name. */
export async function listCurrentMunicipalities(db: Db): Promise<MunicipalityOption[]> {
	const { data, error } = await db
		.from('current_municipalities')
		.select('nis, name_nl, province_nl, region')
		.in('region', ['VLG', 'BRU'])
		.order('name_nl');
	if (error) throw error;

	return data.flatMap((row) =>
		row.nis && row.name_nl && row.region
			? [
					{
						nis: row.nis,
						name: row.name_nl,
						province: shortProvinceName(row.province_nl),
						region: row.region
					}
				]
			: []
	);
}
