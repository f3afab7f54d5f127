// Writing an academy's activities and their reach reports: create, edit, publish, cancel, report reach.
// RLS lets members of the academy do this; the status trigger keeps publish/cancel one-way.
import { m } from '$lib/paraglide/messages';
import type { ActivityForm, ActivityValues } from '$lib/schemas/activity';
import type { ReachForm } from '$lib/schemas/reach';
import type { Db } from '$lib/server/supabase';
import type { ActivityStatus, Domain, Format } from '$lib/vocabulary';
import { error } from '@sveltejs/kit';
import { errorCode, MEMBERS_ONLY, raiseDbError } from './db-errors';
import { fetchPage, OWN_LIST_PAGE_SIZE, type Page } from './paging';

export type ActivitySummary = {
	id: string;
	title: string;
	status: ActivityStatus;
	format: Format;
	startDate: string;
	endDate: string;
	hasReachReport: boolean;
};

/** One page of the academy's activities, drafts too (RLS shows drafts to members only), newest start first. */
export async function listAcademyActivities(
	db: Db,
	organisationId: string,
	page: number
): Promise<Page<ActivitySummary>> {
	const found = await fetchPage(page, OWN_LIST_PAGE_SIZE, ({ from, to }) =>
		db
			.from('activities')
			.select('id, title, status, format, start_date, end_date, reach_reports(id)', {
				count: 'exact'
			})
			.eq('organisation_id', organisationId)
			.order('start_date', { ascending: false })
			.order('title')
			.order('id')
			.range(from, to)
	);
	return {
		...found,
		rows: found.rows.map((row) => ({
			id: row.id,
			title: row.title,
			status: row.status as ActivityStatus,
			format: row.format as Format,
			startDate: row.start_date,
			endDate: row.end_date,
			hasReachReport: Array.isArray(row.reach_reports)
				? row.reach_reports.length > 0
				: row.reach_reports !== null
		}))
	};
}

export type ActivityRecord = Omit<ActivityForm, 'municipality'> & {
	id: string;
	status: ActivityStatus;
	municipalityNis: string;
	publishedAt: string | null;
	cancelledAt: string | null;
};

/** One activity of this academy; null when it does not exist or is not the academy's. */
export async function getActivity(
	db: Db,
	{ organisationId, activityId }: { organisationId: string; activityId: string }
): Promise<ActivityRecord | null> {
	const { data, error: dbError } = await db
		.from('activities')
		.select(
			'id, title, description, domains, format, age_min, age_max, start_date, end_date, session_count, venue_name, venue_address, municipality_nis, capacity, price_eur, reduced_price_eur, registration_url, status, published_at, cancelled_at'
		)
		.eq('id', activityId)
		.eq('organisation_id', organisationId)
		.maybeSingle();
	if (dbError) throw dbError;
	if (!data) return null;
	return {
		id: data.id,
		title: data.title,
		description: data.description,
		domains: data.domains as Domain[],
		format: data.format as Format,
		ageMin: data.age_min,
		ageMax: data.age_max,
		startDate: data.start_date,
		endDate: data.end_date,
		sessionCount: data.session_count,
		venueName: data.venue_name,
		venueAddress: data.venue_address,
		municipalityNis: data.municipality_nis,
		capacity: data.capacity,
		priceEur: Number(data.price_eur),
		reducedPriceEur: data.reduced_price_eur === null ? null : Number(data.reduced_price_eur),
		registrationUrl: data.registration_url,
		status: data.status as ActivityStatus,
		publishedAt: data.published_at,
		cancelledAt: data.cancelled_at
	};
}

/** "12.5" → "12,50"; the form shows amounts the Belgian way. */
export function amountText(amount: number | null): string {
	return amount === null ? '' : amount.toFixed(2).replace('.', ',');
}

/** What the edit form shows for a stored activity. */
export function activityValues(
	activity: ActivityRecord,
	municipalityLabel: string
): ActivityValues {
	return {
		title: activity.title,
		description: activity.description,
		domains: activity.domains,
		format: activity.format,
		ageMin: String(activity.ageMin),
		ageMax: String(activity.ageMax),
		startDate: activity.startDate,
		endDate: activity.endDate,
		sessionCount: String(activity.sessionCount),
		venueName: activity.venueName ?? '',
		venueAddress: activity.venueAddress ?? '',
		municipality: municipalityLabel,
		capacity: activity.capacity === null ? '' : String(activity.capacity),
		priceEur: amountText(activity.priceEur),
		reducedPriceEur: amountText(activity.reducedPriceEur),
		registrationUrl: activity.registrationUrl ?? ''
	};
}

export type ActivityChanges = Omit<ActivityForm, 'municipality'> & { municipalityNis: string };

/** Left out on purpose: a trigger fills the point with the municipality's centroid. */
const pointFromMunicipality = {} as { lat: number; lng: number };

function activityRow(form: ActivityChanges) {
	return {
		title: form.title,
		description: form.description,
		domains: form.domains,
		format: form.format,
		age_min: form.ageMin,
		age_max: form.ageMax,
		start_date: form.startDate,
		end_date: form.endDate,
		session_count: form.sessionCount,
		venue_name: form.venueName,
		venue_address: form.venueAddress,
		municipality_nis: form.municipalityNis,
		capacity: form.capacity,
		price_eur: form.priceEur,
		reduced_price_eur: form.reducedPriceEur,
		registration_url: form.registrationUrl
	};
}

/**
 * Creates a draft under the id the form was shown with. Sending the form twice (a double click, a retry)
 * inserts that id again: the primary key refuses the second row and the first one is returned.
 */
export async function createActivity(
	db: Db,
	{ id, organisationId, form }: { id: string; organisationId: string; form: ActivityChanges }
): Promise<string> {
	const { error: dbError } = await db.from('activities').insert({
		id,
		organisation_id: organisationId,
		...activityRow(form),
		...pointFromMunicipality
	});
	if (dbError && errorCode(dbError) !== 'activities_pkey') {
		raiseDbError(dbError, MEMBERS_ONLY);
	}
	return id;
}

export async function updateActivity(
	db: Db,
	{
		organisationId,
		activityId,
		form
	}: { organisationId: string; activityId: string; form: ActivityChanges }
): Promise<void> {
	const { data, error: dbError } = await db
		.from('activities')
		.update(activityRow(form))
		.eq('id', activityId)
		.eq('organisation_id', organisationId)
		.select('id');
	if (dbError) raiseDbError(dbError, MEMBERS_ONLY);
	if (data.length !== 1) error(404, m.app_activity_not_found());
}

/**
 * Moves the activity to `status` (published or cancelled). Idempotent: asking again for the status it
 * already has changes nothing. Throws DbFieldError when the move is not allowed (cancelled stays so).
 */
export async function setActivityStatus(
	db: Db,
	{
		organisationId,
		activityId,
		status
	}: { organisationId: string; activityId: string; status: 'published' | 'cancelled' }
): Promise<'changed' | 'unchanged'> {
	const { data, error: dbError } = await db
		.from('activities')
		.update({ status })
		.eq('id', activityId)
		.eq('organisation_id', organisationId)
		.neq('status', status)
		.select('id');
	if (dbError) raiseDbError(dbError, MEMBERS_ONLY);
	if (data.length === 1) return 'changed';

	// Nothing changed: either it already had this status, or it is not there (for this person).
	const current = await db
		.from('activities')
		.select('status')
		.eq('id', activityId)
		.eq('organisation_id', organisationId)
		.maybeSingle();
	if (current.error) throw current.error;
	if (!current.data) error(404, m.app_activity_not_found());
	if (current.data.status === status) return 'unchanged';
	// Readable but not writable: a published activity of an academy one does not belong to.
	error(403, m.app_forbidden_not_member());
}

export type ReachReport = ReachForm & { reportedAt: string; updatedAt: string };

export async function getReachReport(db: Db, activityId: string): Promise<ReachReport | null> {
	const { data, error: dbError } = await db
		.from('reach_reports')
		.select(
			'participants, girls, disadvantaged, non_dutch_home_language, special_needs, reported_at, updated_at'
		)
		.eq('activity_id', activityId)
		.maybeSingle();
	if (dbError) throw dbError;
	if (!data) return null;
	return {
		participants: data.participants,
		girls: data.girls,
		disadvantaged: data.disadvantaged,
		nonDutchHomeLanguage: data.non_dutch_home_language,
		specialNeeds: data.special_needs,
		reportedAt: data.reported_at,
		updatedAt: data.updated_at
	};
}

/** Files the report, or corrects the one already filed (one per activity). */
export async function saveReachReport(db: Db, activityId: string, form: ReachForm): Promise<void> {
	const { data, error: dbError } = await db
		.from('reach_reports')
		.upsert(
			{
				activity_id: activityId,
				participants: form.participants,
				girls: form.girls,
				disadvantaged: form.disadvantaged,
				non_dutch_home_language: form.nonDutchHomeLanguage,
				special_needs: form.specialNeeds
			},
			{ onConflict: 'activity_id' }
		)
		.select('id');
	if (dbError) raiseDbError(dbError, MEMBERS_ONLY);
	if (data.length !== 1) error(403, m.app_forbidden_not_member());
}
