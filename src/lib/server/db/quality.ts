// The quality label: an academy's current label and application (self-assessment, review, history), the
// staff's queue and one application to review, and the RPCs that save, submit and decide in one
// transaction each. Row level security decides who reads what; the functions decide who may act.
import type {
	ApplicationStatus,
	QualityAction,
	QualityCriterion,
	Verdict
} from '$lib/quality-vocabulary';
import { QUALITY_CRITERIA } from '$lib/quality-vocabulary';
import type { AssessmentInput, ReviewInput } from '$lib/schemas/quality';
import type { Db } from '$lib/server/supabase';
import { raiseDbError } from './db-errors';

/** The label as a page shows it: valid until a day, expired on a day, or none. */
export type QualityLabelState =
	| { state: 'valid'; expiresOn: string | null }
	| { state: 'expired'; expiresOn: string }
	| { state: 'none' };

export type Assessment = {
	criterion: QualityCriterion;
	selfAssessment: string;
	links: string[];
	verdict: Verdict | null;
	reviewComment: string;
};

export type QualityEvent = { action: QualityAction; actor: string | null; at: string };

export type QualityApplication = {
	id: string;
	organisationId: string;
	status: ApplicationStatus;
	submittedAt: string | null;
	awardedAt: string | null;
	expiresOn: string | null;
	assessments: Record<QualityCriterion, Assessment>;
	events: QualityEvent[];
};

/** Whether a profile's label shows today: awarded and not past its expiry (YYYY-MM-DD, Belgium). */
export function labelState(
	profile: { quality_label: string; quality_label_expires_on: string | null } | null,
	today: string
): QualityLabelState {
	if (!profile || profile.quality_label !== 'awarded') return { state: 'none' };
	const expiresOn = profile.quality_label_expires_on;
	if (expiresOn !== null && expiresOn < today) return { state: 'expired', expiresOn };
	return { state: 'valid', expiresOn };
}

const APPLICATION_COLUMNS =
	'id, organisation_id, status, submitted_at, awarded_at, expires_on, quality_assessments(criterion, self_assessment, links, verdict, review_comment), quality_events(action, created_at, actor_id)';

type ApplicationRow = {
	id: string;
	organisation_id: string;
	status: string;
	submitted_at: string | null;
	awarded_at: string | null;
	expires_on: string | null;
	quality_assessments: {
		criterion: string;
		self_assessment: string;
		links: string[];
		verdict: string | null;
		review_comment: string;
	}[];
	quality_events: { action: string; created_at: string; actor_id: string | null }[];
};

async function actorNames(db: Db, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const { data, error } = await db.from('profiles').select('id, display_name').in('id', ids);
	if (error) throw error;
	return new Map((data ?? []).map((row) => [row.id, row.display_name]));
}

async function toApplication(db: Db, row: ApplicationRow): Promise<QualityApplication> {
	const byCriterion = new Map(row.quality_assessments.map((a) => [a.criterion, a]));
	const assessments = Object.fromEntries(
		QUALITY_CRITERIA.map((criterion) => {
			const a = byCriterion.get(criterion);
			return [
				criterion,
				{
					criterion,
					selfAssessment: a?.self_assessment ?? '',
					links: a?.links ?? [],
					verdict: (a?.verdict ?? null) as Verdict | null,
					reviewComment: a?.review_comment ?? ''
				}
			];
		})
	) as Record<QualityCriterion, Assessment>;
	const events = [...row.quality_events].sort((a, b) => a.created_at.localeCompare(b.created_at));
	const names = await actorNames(db, [
		...new Set(events.flatMap((e) => (e.actor_id ? [e.actor_id] : [])))
	]);
	return {
		id: row.id,
		organisationId: row.organisation_id,
		status: row.status as ApplicationStatus,
		submittedAt: row.submitted_at,
		awardedAt: row.awarded_at,
		expiresOn: row.expires_on,
		assessments,
		events: events.map((e) => ({
			action: e.action as QualityAction,
			actor: e.actor_id ? (names.get(e.actor_id) ?? null) : null,
			at: e.created_at
		}))
	};
}

/** The academy's label and its latest application (open or decided), with the history of every round. */
export async function getAcademyQuality(db: Db, organisationId: string, today: string) {
	const [profile, applications] = await Promise.all([
		db
			.from('academy_profiles')
			.select('quality_label, quality_label_expires_on')
			.eq('organisation_id', organisationId)
			.maybeSingle(),
		db
			.from('quality_applications')
			.select(APPLICATION_COLUMNS)
			.eq('organisation_id', organisationId)
			.order('created_at', { ascending: false })
			.limit(10)
	]);
	if (profile.error) throw profile.error;
	if (applications.error) throw applications.error;
	const rows = (applications.data ?? []) as ApplicationRow[];
	const latest = rows[0] ? await toApplication(db, rows[0]) : null;
	const history = (await Promise.all(rows.map((row) => toApplication(db, row))))
		.flatMap((application) => application.events)
		.sort((a, b) => b.at.localeCompare(a.at));
	return { label: labelState(profile.data, today), latest, history };
}

/** Saves the self-assessment (a new draft when none is open); returns the application's id. */
export async function saveQualityApplication(
	db: Db,
	organisationId: string,
	assessments: AssessmentInput
): Promise<string> {
	const { data, error } = await db.rpc('save_quality_application', {
		p_organisation_id: organisationId,
		p_assessments: assessments
	});
	if (error) raiseDbError(error);
	return data;
}

export async function submitQualityApplication(db: Db, applicationId: string): Promise<void> {
	const { error } = await db.rpc('submit_quality_application', { p_application_id: applicationId });
	if (error) raiseDbError(error);
}

export type QueueRow = {
	id: string;
	academy: string;
	slug: string;
	submittedAt: string | null;
};

export type AwardedRow = { academy: string; slug: string; expiresOn: string };

/** Network staff: the submitted applications (oldest first) and the academies holding a label. */
export async function listQualityQueue(
	db: Db
): Promise<{ waiting: QueueRow[]; awarded: AwardedRow[] }> {
	const [waiting, awarded] = await Promise.all([
		db
			.from('quality_applications')
			.select('id, submitted_at, organisations(name, slug)')
			.eq('status', 'submitted')
			.order('submitted_at', { ascending: true })
			.limit(200),
		db
			.from('academy_profiles')
			.select('quality_label_expires_on, organisations(name, slug)')
			.eq('quality_label', 'awarded')
			.not('quality_label_expires_on', 'is', null)
			.order('quality_label_expires_on', { ascending: true })
			.limit(200)
	]);
	if (waiting.error) throw waiting.error;
	if (awarded.error) throw awarded.error;
	return {
		waiting: (waiting.data ?? []).map((row) => ({
			id: row.id,
			academy: row.organisations?.name ?? '',
			slug: row.organisations?.slug ?? '',
			submittedAt: row.submitted_at
		})),
		awarded: (awarded.data ?? []).map((row) => ({
			academy: row.organisations?.name ?? '',
			slug: row.organisations?.slug ?? '',
			expiresOn: row.quality_label_expires_on ?? ''
		}))
	};
}

/** One application with its academy, for review; null when it does not exist or is not readable. */
export async function getQualityApplication(db: Db, id: string) {
	const { data, error } = await db
		.from('quality_applications')
		.select(`${APPLICATION_COLUMNS}, organisations(name, slug)`)
		.eq('id', id)
		.maybeSingle();
	if (error) throw error;
	if (!data) return null;
	const { organisations, ...row } = data;
	return {
		academy: { name: organisations?.name ?? '', slug: organisations?.slug ?? '' },
		application: await toApplication(db, row as ApplicationRow)
	};
}

export async function reviewQualityApplication(
	db: Db,
	applicationId: string,
	review: ReviewInput
): Promise<void> {
	const { error } = await db.rpc('review_quality_application', {
		p_application_id: applicationId,
		p_reviews: review.reviews,
		p_decision: review.decision,
		p_expires_on: review.expiresOn ?? undefined
	});
	if (error) raiseDbError(error);
}
