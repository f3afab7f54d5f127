// The categories of the STEM-platform's published inventory (its policy note's tables), in their order and
// with their Dutch labels, so that the platform's own tables, CSV files and open data read like the published
// ones. The platform knows one domain the inventory does not (life sciences): it is its own category, listed
// before "Andere". An activity counts once, under its first (main) domain.
import type { Domain, Format } from '$lib/vocabulary';

export const PUBLISHED_DOMAIN_LABELS: Record<Domain, string> = {
	techniek: 'Techniek',
	programmeren: 'Programmeren',
	natuur: 'Natuur',
	sterrenkunde: 'Sterrenkunde',
	wiskunde_natuurwetenschappen: 'Wiskunde en natuurwetenschappen',
	life_sciences: 'Life sciences',
	andere: 'Andere'
};

export const PUBLISHED_FORMAT_LABELS: Record<Format, string> = {
	losse_activiteit: 'Losse activiteit',
	korte_reeks: 'Korte reeks',
	lange_reeks_semester: 'Lange reeks (semester)',
	lange_reeks_jaar: 'Lange reeks (jaar)',
	kamp_zonder_overnachting: 'Kamp zonder overnachting',
	kamp_met_overnachting: 'Kamp met overnachting'
};

/** The provinces in the published tables' order (private.province_label gives these names in SQL). */
export const PUBLISHED_PROVINCES = [
	'West-Vlaanderen',
	'Oost-Vlaanderen',
	'Antwerpen',
	'Vlaams-Brabant',
	'Limburg',
	'Brussel',
	'Henegouwen',
	'Namen',
	'Luik',
	'Luxemburg',
	'Waals-Brabant'
] as const;
export type PublishedProvince = (typeof PUBLISHED_PROVINCES)[number];

/** The provinces whose coverage the network follows: Flanders' five and Brussel. */
export const COVERAGE_PROVINCES: readonly PublishedProvince[] = PUBLISHED_PROVINCES.slice(0, 6);
