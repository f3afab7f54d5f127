// The current municipalities with their centroids, read once per process: the centre of "binnen X km van",
// the names of the municipality facet and the choices of the search form, without a query per search.
import {
	resolveMunicipality,
	shortProvinceName,
	type MunicipalityOption
} from '$lib/municipalities';
import type { Db } from '$lib/server/supabase';
import { SearchInputError, type Centre, type CentreChoice } from './query-params';
import { m } from '$lib/paraglide/messages';

export type MunicipalityPlace = MunicipalityOption & { lat: number; lng: number };

export type MunicipalityDirectory = {
	byNis: ReadonlyMap<string, MunicipalityPlace>;
	/** Flanders and Brussels, by name: what the search form offers. */
	choices: readonly MunicipalityPlace[];
};

type Row = {
	nis: string | null;
	name_nl: string | null;
	province_nl: string | null;
	region: string | null;
	lat: number | null;
	lng: number | null;
};

export function buildDirectory(rows: readonly Row[]): MunicipalityDirectory {
	const byNis = new Map<string, MunicipalityPlace>();
	for (const row of rows) {
		if (!row.nis || !row.name_nl || !row.region || row.lat === null || row.lng === null) continue;
		byNis.set(row.nis, {
			nis: row.nis,
			name: row.name_nl,
			province: shortProvinceName(row.province_nl),
			region: row.region,
			lat: row.lat,
			lng: row.lng
		});
	}
	const choices = [...byNis.values()]
		.filter((place) => place.region === 'VLG' || place.region === 'BRU')
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	return { byNis, choices };
}

let cached: Promise<MunicipalityDirectory> | null = null;

/** Municipalities never change while the app runs (they change by migration), so one read suffices. */
export function municipalityDirectory(db: Db): Promise<MunicipalityDirectory> {
	cached ??= (async () => {
		const { data, error } = await db
			.from('current_municipalities')
			.select('nis, name_nl, province_nl, region, lat, lng');
		if (error) throw error;
		return buildDirectory(data);
	})().catch((error: unknown) => {
		cached = null;
		throw error;
	});
	return cached;
}

/**
 * The centre a query asks for: a NIS code, a typed municipality, or the person's own (`profileNis`, read
 * only when `van=mij`). Throws a SearchInputError that says what is wrong.
 */
export function resolveCentre(
	choice: CentreChoice,
	directory: MunicipalityDirectory,
	profileNis: string | null | undefined
): Centre {
	let nis: string | null | undefined;
	if (choice.kind === 'me') {
		if (profileNis === undefined)
			throw new SearchInputError('centre', m.zk_error_centre_me_signed_out());
		if (profileNis === null) throw new SearchInputError('centre', m.zk_error_centre_me_unknown());
		nis = profileNis;
	} else if (choice.kind === 'nis') {
		nis = choice.nis;
	} else {
		nis = resolveMunicipality(directory.choices, choice.text);
	}
	const place = nis ? directory.byNis.get(nis) : undefined;
	if (!place) throw new SearchInputError('centre', m.zk_error_centre());
	return { nis: place.nis, name: place.name, lat: place.lat, lng: place.lng };
}
