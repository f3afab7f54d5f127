// A period as people name it: a whole school year as "2025–2026", any other as its dates.
import { formatDateRange } from '$lib/public/format';
import { schoolYearLabel } from '$lib/school-year';
import type { Period } from '$lib/statistics-params';

export function periodLabel({ from, to }: Period): string {
	const year = Number(from.slice(0, 4));
	return from === `${year}-09-01` && to === `${year + 1}-08-31`
		? schoolYearLabel(year)
		: formatDateRange(from, to);
}
