// Public reads of activities, through the public_activities view (published and cancelled ones only, also
// for members who could see drafts in the table itself).
import type { ListFilters } from '$lib/public/filters';
import type { BoundingBox } from '$lib/public/nearby';
import { BRUSSELS_NIS_PREFIX, provinceBySlug } from '$lib/public/provinces';
import { picture } from '$lib/pictures';
import { supabaseUrl, type Db } from '$lib/server/supabase';
import type { Tables } from '$lib/types/database';
import type { ActivityPage, ActivitySummary, Paged } from '$lib/public/types';
import type { ActivityStatus, Domain, Format } from '$lib/vocabulary';
import { fetchPage } from './organisations';

// The lists read public_activity_cards, a view of exactly the card's columns, with `*`: naming the 20 columns
// cost PostgREST twice the CPU per call (issue 15, migration 20261212000000).
const CARDS = 'public_activity_cards';

/** A card's row: public_activity_cards' columns, as the lists and the page RPCs' `activities` give them. */
export type SummaryRow = Tables<'public_activity_cards'>;

// View columns are nullable in the generated types; the underlying table columns are not null.
export function summary(
	row: SummaryRow
): ActivitySummary & { lat: number; lng: number; academy: { name: string; slug: string } } {
	return {
		id: row.id!,
		title: row.title!,
		format: row.format as Format,
		domains: (row.domains ?? []) as Domain[],
		ageMin: row.age_min!,
		ageMax: row.age_max!,
		startDate: row.start_date!,
		endDate: row.end_date!,
		sessionCount: row.session_count ?? 1,
		priceEur: Number(row.price_eur ?? 0),
		status: row.status as ActivityStatus,
		place: {
			nis: row.municipality_nis!,
			name: row.municipality_name ?? row.municipality_nis!,
			provinceNl: row.province_nl
		},
		lat: row.lat!,
		lng: row.lng!,
		academy: { name: row.organisation_name!, slug: row.organisation_slug! },
		photo: picture(supabaseUrl(), 'photo', row.photo_path, row.photo_alt ?? '')
	};
}

/**
 * A published or cancelled activity; null for drafts and unknown ids (the route's matcher takes only uuids).
 * The page reads all but six small columns of the view, so it asks for `*`: PostgREST's CPU grows with the
 * number of columns named (26 of them: 1.9 ms a call, `*`: 0.6 ms).
 */
export async function getPublicActivity(db: Db, id: string): Promise<ActivityPage | null> {
	const { data, error } = await db.from('public_activities').select('*').eq('id', id).maybeSingle();
	if (error) throw error;
	if (!data) return null;
	return {
		...summary(data),
		description: data.description ?? '',
		venueName: data.venue_name,
		venueAddress: data.venue_address,
		capacity: data.capacity,
		reducedPriceEur: data.reduced_price_eur === null ? null : Number(data.reduced_price_eur),
		registrationUrl: data.registration_url
	};
}

/**
 * Published activities that have not ended, soonest first, one page. An age keeps activities whose age
 * range contains it.
 */
export async function listUpcomingActivities(
	db: Db,
	filters: ListFilters,
	today: string
): Promise<Paged<ActivitySummary>> {
	const { rows, total } = await fetchPage(filters.page, (range) => {
		let query = db
			.from(CARDS)
			.select('*', { count: 'exact', head: range === null })
			.eq('status', 'published')
			.gte('end_date', today);
		const province = filters.province ? provinceBySlug(filters.province) : undefined;
		if (province?.provinceNl) query = query.eq('province_nl', province.provinceNl);
		else if (province) query = query.like('municipality_nis', `${BRUSSELS_NIS_PREFIX}%`);
		if (filters.municipality) query = query.eq('municipality_nis', filters.municipality);
		if (filters.domain) query = query.contains('domains', [filters.domain]);
		if (filters.format) query = query.eq('format', filters.format);
		if (filters.age !== undefined) {
			query = query.lte('age_min', filters.age).gte('age_max', filters.age);
		}
		return range
			? query.order('start_date').order('title').order('id').range(range.from, range.to)
			: query;
	});
	return { total, rows: rows.map(summary) };
}

/**
 * Upcoming published activities in one municipality (or several: a community's places), soonest first,
 * with how many there are in all.
 */
export async function listUpcomingActivitiesIn(
	db: Db,
	nis: string | readonly string[],
	today: string,
	limit: number
): Promise<Paged<ActivitySummary>> {
	const { data, error, count } = await db
		.from(CARDS)
		.select('*', { count: 'exact' })
		.eq('status', 'published')
		.gte('end_date', today)
		.in('municipality_nis', typeof nis === 'string' ? [nis] : nis)
		.order('start_date')
		.order('title')
		.limit(limit);
	if (error) throw error;
	return { total: count ?? 0, rows: data.map(summary) };
}

/**
 * Candidates for "nearby": upcoming published activities inside a bounding box, outside one municipality.
 * The caller measures the real distance; the box keeps the database from sending the whole table.
 */
export async function listUpcomingActivitiesInBox(
	db: Db,
	box: BoundingBox,
	{ excludeNis, today, limit }: { excludeNis: string; today: string; limit: number }
): Promise<(ActivitySummary & { lat: number; lng: number })[]> {
	const { data, error } = await db
		.from(CARDS)
		.select('*')
		.eq('status', 'published')
		.gte('end_date', today)
		.neq('municipality_nis', excludeNis)
		.gte('lat', box.minLat)
		.lte('lat', box.maxLat)
		.gte('lng', box.minLng)
		.lte('lng', box.maxLng)
		.order('start_date')
		.limit(limit);
	if (error) throw error;
	return data.map(summary);
}
