// Coverage ("witte vlekken"): the SQL functions of supabase/migrations/20261204000100_coverage.sql, read
// for /dekking and for a municipality's page.
import type { Db } from '$lib/server/supabase';
import type { Database } from '$lib/types/database';

type Functions = Database['public']['Functions'];

export type CoverageStatus = 'academy' | 'activities' | 'none';
/** 'current': the municipalities of 2025; '2024': those that existed on 31 December 2024. */
export type CoverageBasis = 'current' | '2024';
export const COVERAGE_BASES: readonly CoverageBasis[] = ['current', '2024'];

export type MunicipalityCoverage = {
	nis: string;
	name: string;
	/** The published province label ("West-Vlaanderen", …, "Brussel"). */
	province: string;
	status: CoverageStatus;
	academies: number;
	activities: number;
};

export type ProvinceCoverage = {
	/** A published province label, or 'TOTAL' for the last row. */
	province: string;
	municipalities: number;
	withAcademy: number;
	/** Percentage with 2 decimals; null when the province has no municipalities. */
	pct: number | null;
};

export type NearestAcademy = {
	/** The municipality it is near to. */
	nis: string;
	rank: number;
	id: string;
	name: string;
	slug: string;
	distanceKm: number;
};

const STATUSES: readonly string[] = ['academy', 'activities', 'none'] satisfies CoverageStatus[];
const isStatus = (value: string): value is CoverageStatus => STATUSES.includes(value);

/** What coverage_of_municipality() returns. */
export type CoverageOfRows = {
	municipality: Rows<'coverage_municipalities'>[number] | null;
	nearest: Rows<'coverage_nearest_academies'>;
};

/**
 * One municipality's coverage (null when it is not a current Flemish or Brussels one) and, for a white spot,
 * its three nearest counted academies, from coverage_of_municipality()'s answer (inside
 * municipality_overview()).
 */
export function coverageOfRows(rows: CoverageOfRows): {
	coverage: MunicipalityCoverage | null;
	nearest: NearestAcademy[];
} {
	return {
		coverage: rows.municipality && toMunicipality(rows.municipality),
		nearest: rows.nearest.map(toNearest)
	};
}

/** The published table: per province, then TOTAL. */
export async function coverageByProvince(
	db: Db,
	startYear: number,
	basis: CoverageBasis
): Promise<ProvinceCoverage[]> {
	const { data, error } = await db.rpc('coverage_provinces', {
		p_start_year: startYear,
		p_basis: basis
	});
	if (error) throw error;
	return data.map(toProvince);
}

/** One of a white spot's nearest academies, as /dekking lists them. */
export type NearbyAcademy = { name: string; slug: string; distanceKm: number };

export type CoverageOverview = {
	municipalities: MunicipalityCoverage[];
	provinces: Record<CoverageBasis, ProvinceCoverage[]>;
};

/** A municipality without an academy in a school year: what /dekking/witte-vlekken lists of it. */
export type WhiteSpot = Pick<MunicipalityCoverage, 'nis' | 'name' | 'province' | 'status'>;

export type WhiteSpots = {
	/** The municipalities without an academy, in the map's order (province, then name). */
	spots: WhiteSpot[];
	/** The three nearest academies of the chosen province's white spots, by NIS code, nearest first. */
	nearest: Record<string, NearbyAcademy[]>;
	/** The coaching academies' names per white spot of the chosen province with a coach, by name. */
	coaches: Record<string, string[]>;
};

type Rows<F extends keyof Functions> = Functions[F]['Returns'];

/** The rows of coverage_overview(): each part as its own function returns it (numerics as JSON numbers). */
type OverviewRows = {
	municipalities: Rows<'coverage_municipalities'>;
	provinces: Record<CoverageBasis, Rows<'coverage_provinces'>>;
};

/**
 * What /dekking and /dekking/tabel show for a school year, in one call (coverage_overview(): the answer kept
 * per school year for the years the pages offer, computed for another).
 */
export async function coverageOverview(db: Db, startYear: number): Promise<CoverageOverview> {
	const { data, error } = await db.rpc('coverage_overview', { p_start_year: startYear });
	if (error) throw error;
	const rows = data as OverviewRows;
	return {
		municipalities: rows.municipalities.map(toMunicipality),
		provinces: {
			current: rows.provinces.current.map(toProvince),
			'2024': rows.provinces['2024'].map(toProvince)
		}
	};
}

/** What coverage_white_spots() returns. */
type WhiteSpotRows = {
	spots: { nis: string; name_nl: string; province: string; status: string }[];
	nearest: Record<string, { slug: string; name: string; km: number }[]>;
	coaches: { municipality_nis: string; name: string }[];
};

/**
 * The white spots of a school year, and the nearest academies and coaches of those in `province` (none
 * when it is null), in one call (coverage_white_spots()).
 */
export async function coverageWhiteSpots(
	db: Db,
	startYear: number,
	province: string | null
): Promise<WhiteSpots> {
	const { data, error } = await db.rpc('coverage_white_spots', {
		p_start_year: startYear,
		...(province === null ? {} : { p_province: province })
	});
	if (error) throw error;
	const rows = data as WhiteSpotRows;
	return {
		spots: rows.spots.map((row) => ({
			nis: row.nis,
			name: row.name_nl,
			province: row.province,
			status: isStatus(row.status) ? row.status : 'none'
		})),
		nearest: Object.fromEntries(
			Object.entries(rows.nearest).map(([nis, academies]) => [
				nis,
				academies.map(({ slug, name, km }) => ({ slug, name, distanceKm: km }))
			])
		),
		coaches: coachNamesByMunicipality(rows.coaches)
	};
}

/** Coaching academies' names per municipality, each list sorted by name. */
function coachNamesByMunicipality(
	rows: readonly { municipality_nis: string; name: string }[]
): Record<string, string[]> {
	const coaches: Record<string, string[]> = {};
	for (const row of rows) (coaches[row.municipality_nis] ??= []).push(row.name);
	for (const names of Object.values(coaches)) names.sort((a, b) => a.localeCompare(b, 'nl'));
	return coaches;
}

function toNearest(row: Rows<'coverage_nearest_academies'>[number]): NearestAcademy {
	return {
		nis: row.nis,
		rank: row.rank,
		id: row.academy_id,
		name: row.academy_name,
		slug: row.academy_slug,
		distanceKm: Number(row.distance_km)
	};
}

function toProvince(row: Rows<'coverage_provinces'>[number]): ProvinceCoverage {
	return {
		province: row.province,
		municipalities: row.municipalities,
		withAcademy: row.with_academy,
		pct: row.coverage_pct === null ? null : Number(row.coverage_pct)
	};
}

function toMunicipality(row: {
	nis: string;
	name_nl: string;
	province: string;
	status: string;
	academies: number;
	activities: number;
}): MunicipalityCoverage {
	return {
		nis: row.nis,
		name: row.name_nl,
		province: row.province,
		status: isStatus(row.status) ? row.status : 'none',
		academies: row.academies,
		activities: row.activities
	};
}
