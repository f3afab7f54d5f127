// The network's statistics: activity_statistics() (supabase/migrations/20261204001000_activity_statistics.sql)
// per period and the academies the staff page filters on. Coverage by province is coverage.ts's.
import type { Db } from '$lib/server/supabase';
import {
	categoryCounts,
	STATISTICS_DIMENSIONS,
	type CategoryCount,
	type StatisticsDimension
} from '$lib/statistics';
import type { Period } from '$lib/statistics-params';

export type ActivityCounts = Record<StatisticsDimension, CategoryCount[]>;

/** Published activities of counted academies starting in the period, per domain, format and province. */
export async function activityCounts(
	db: Db,
	period: Period,
	filters: { province?: string | null; academy?: string | null } = {}
): Promise<ActivityCounts> {
	const { data, error } = await db.rpc('activity_statistics', {
		p_from: period.from,
		p_to: period.to,
		...(filters.province ? { p_province: filters.province } : {}),
		...(filters.academy ? { p_academy: filters.academy } : {})
	});
	if (error) throw error;
	return Object.fromEntries(
		STATISTICS_DIMENSIONS.map((dimension) => [dimension, categoryCounts(data, dimension)])
	) as ActivityCounts;
}

/** The academies the figures count (verified ones), by name, for the staff page's filter. */
export async function countedAcademies(db: Db): Promise<{ id: string; name: string }[]> {
	const { data, error } = await db
		.from('organisations')
		.select('id, name')
		.eq('kind', 'academy')
		.eq('verification_status', 'verified')
		.order('name');
	if (error) throw error;
	return data;
}
