import { todayInBelgium } from '$lib/public/format';
import { schoolYearBounds, schoolYearOf } from '$lib/school-year';
import { activityCounts } from '$lib/server/db/statistics';
import { withShares } from '$lib/statistics';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const year = schoolYearOf(todayInBelgium());
	const period = schoolYearBounds(year);
	const counts = await activityCounts(locals.supabase, period);
	// A few real rows of domeinen.csv, so the example shows what the file holds today.
	const sample = withShares(counts.domain)
		.slice(0, 3)
		.map((row) => ({ category: row.label, count: row.count, pct: row.pct.toFixed(2) }));
	return { origin: url.origin, period, year, sample };
}) satisfies PageServerLoad;
