// Coverage statuses as people read them, in the reader's language.
import { m } from '$lib/paraglide/messages';
import type { CoverageStatus } from '$lib/server/db/coverage';

export const COVERAGE_STATUSES: readonly CoverageStatus[] = ['academy', 'activities', 'none'];

/** "Academie", "Alleen activiteiten", "Nog niets". */
export function statusLabel(status: CoverageStatus): string {
	return status === 'academy'
		? m.cv_status_academy()
		: status === 'activities'
			? m.cv_status_activities()
			: m.cv_status_none();
}

/** The fill of a status on the map: a colour and a pattern, so the map reads without colour too. */
export function statusFill(status: CoverageStatus): string {
	return status === 'academy'
		? 'url(#cv-academy)'
		: status === 'activities'
			? 'url(#cv-activities)'
			: 'url(#cv-none)';
}

/** The id of a province's white spots on /dekking/witte-vlekken: "west-vlaanderen", …, "brussel". */
export function provinceAnchor(province: string): string {
	return province.toLowerCase();
}
