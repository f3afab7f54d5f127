// Coverage ("witte vlekken"): the SQL functions of supabase/migrations/20261204000100_coverage.sql, read
// for /dekking and for a municipality's page.
import type { Db } from '$lib/server/supabase';

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

/** Every current Flemish and Brussels municipality with its coverage in the school year. */
export async function coverageByMunicipality(
	db: Db,
	startYear: number
): Promise<MunicipalityCoverage[]> {
	const { data, error } = await db.rpc('coverage_municipalities', { p_start_year: startYear });
	if (error) throw error;
	return data.map(toMunicipality);
}

/** One municipality's coverage, or null when it is not a current Flemish or Brussels one. */
export async function coverageOf(
	db: Db,
	startYear: number,
	nis: string
): Promise<MunicipalityCoverage | null> {
	const { data, error } = await db
		.rpc('coverage_municipalities', { p_start_year: startYear })
		.eq('nis', nis)
		.maybeSingle();
	if (error) throw error;
	return data ? toMunicipality(data) : null;
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
	return data.map((row) => ({
		province: row.province,
		municipalities: row.municipalities,
		withAcademy: row.with_academy,
		pct: row.coverage_pct === null ? null : Number(row.coverage_pct)
	}));
}

/**
 * The three nearest academies of one municipality (`nis`), or of every municipality without an academy
 * (no `nis`), grouped by municipality.
 */
export async function nearestAcademies(
	db: Db,
	startYear: number,
	nis?: string
): Promise<Map<string, NearestAcademy[]>> {
	const { data, error } = await db.rpc('coverage_nearest_academies', {
		p_start_year: startYear,
		...(nis ? { p_nis: nis } : {})
	});
	if (error) throw error;
	const byNis = new Map<string, NearestAcademy[]>();
	for (const row of data) {
		const list = byNis.get(row.nis) ?? [];
		list.push({
			nis: row.nis,
			rank: row.rank,
			id: row.academy_id,
			name: row.academy_name,
			slug: row.academy_slug,
			distanceKm: Number(row.distance_km)
		});
		byNis.set(row.nis, list);
	}
	return byNis;
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
