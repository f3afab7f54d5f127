// A share as the reader's language writes it: "22,55%" in Dutch, "22.55%" in English.
import { formatNumber } from '$lib/public/format';

/** A percentage (22.55, not 0.2255) with 2 decimals. */
export function formatPercent(pct: number): string {
	return formatNumber(pct / 100, {
		style: 'percent',
		minimumFractionDigits: 2,
		maximumFractionDigits: 2
	});
}
