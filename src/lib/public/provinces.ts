// The five Flemish provinces and the Brussels-Capital Region, as they appear in filter URLs (`?provincie=limburg`).

export type Province = {
	/** The value in the URL. */
	slug: string;
	/** What people read. */
	name: string;
	/** `municipalities.province_nl`; null for Brussels, which has no province. */
	provinceNl: string | null;
};

export const PROVINCES = [
	{ slug: 'antwerpen', name: 'Antwerpen', provinceNl: 'Provincie Antwerpen' },
	{ slug: 'limburg', name: 'Limburg', provinceNl: 'Provincie Limburg' },
	{ slug: 'oost-vlaanderen', name: 'Oost-Vlaanderen', provinceNl: 'Provincie Oost-Vlaanderen' },
	{ slug: 'vlaams-brabant', name: 'Vlaams-Brabant', provinceNl: 'Provincie Vlaams-Brabant' },
	{ slug: 'west-vlaanderen', name: 'West-Vlaanderen', provinceNl: 'Provincie West-Vlaanderen' },
	{ slug: 'brussel', name: 'Brussels Hoofdstedelijk Gewest', provinceNl: null }
] as const satisfies readonly Province[];

export type ProvinceSlug = (typeof PROVINCES)[number]['slug'];

export function provinceBySlug(slug: string): Province | undefined {
	return PROVINCES.find((province) => province.slug === slug);
}

/** "Provincie Limburg" or null (Brussels) → the province's display name. */
export function provinceName(provinceNl: string | null): string {
	return (
		PROVINCES.find((province) => province.provinceNl === provinceNl)?.name ??
		provinceNl?.replace(/^Provincie\s+/i, '') ??
		PROVINCES[5].name
	);
}

/** Brussels' 19 municipalities are the only ones whose NIS code starts with 21. */
export const BRUSSELS_NIS_PREFIX = '21';
