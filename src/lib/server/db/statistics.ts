// The network's statistics: activity_statistics() (supabase/migrations/20261204001000_activity_statistics.sql)
// of one period through activity_statistics_period(), or activity_statistics_periods() for the two periods
// the statistics pages compare (both read a school year without filters from the kept rows), and the
// academies the staff page filters on. Coverage by province is coverage.ts's.
import type { Db } from '$lib/server/supabase';
import type { Database } from '$lib/types/database';
import {
	categoryCounts,
	STATISTICS_DIMENSIONS,
	type CategoryCount,
	type StatisticsDimension
} from '$lib/statistics';
import type { Period } from '$lib/statistics-params';

export type ActivityCounts = Record<StatisticsDimension, CategoryCount[]>;

type StatisticsRow = Database['public']['Functions']['activity_statistics']['Returns'][number];
type Filters = { province?: string | null; academy?: string | null };

/** The filters as the functions' optional parameters: left out when not chosen. */
const filterParams = (filters: Filters) => ({
	...(filters.province ? { p_province: filters.province } : {}),
	...(filters.academy ? { p_academy: filters.academy } : {})
});

const countsOf = (rows: readonly StatisticsRow[]): ActivityCounts =>
	Object.fromEntries(
		STATISTICS_DIMENSIONS.map((dimension) => [dimension, categoryCounts(rows, dimension)])
	) as ActivityCounts;

/** Published activities of counted academies starting in the period, per domain, format and province. */
export async function activityCounts(
	db: Db,
	period: Period,
	filters: Filters = {}
): Promise<ActivityCounts> {
	const { data, error } = await db.rpc('activity_statistics_period', {
		p_from: period.from,
		p_to: period.to,
		...filterParams(filters)
	});
	if (error) throw error;
	return countsOf(data as StatisticsRow[]);
}

/** activityCounts() for two periods, in one call (activity_statistics_periods()). */
export async function activityCountsOfPeriods(
	db: Db,
	[first, second]: readonly [Period, Period],
	filters: Filters = {}
): Promise<[ActivityCounts, ActivityCounts]> {
	const { data, error } = await db.rpc('activity_statistics_periods', {
		p_from_1: first.from,
		p_to_1: first.to,
		p_from_2: second.from,
		p_to_2: second.to,
		...filterParams(filters)
	});
	if (error) throw error;
	const rows = data as { first: StatisticsRow[]; second: StatisticsRow[] };
	return [countsOf(rows.first), countsOf(rows.second)];
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
