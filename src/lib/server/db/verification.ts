// Network staff's verification work: organisations to review, the decision, and the audit trail.
import type { Db } from '$lib/server/supabase';
import type { OrganisationKind, VerificationStatus } from '$lib/vocabulary';
import { raiseDbError } from './db-errors';
import { fetchPage, type Page } from './paging';

export const REVIEW_PAGE_SIZE = 20;

/** Which organisations the queue shows: waiting for a decision (new or withdrawn), verified, withdrawn. */
export const REVIEW_LISTS = ['te-beoordelen', 'geverifieerd', 'ingetrokken'] as const;
export type ReviewList = (typeof REVIEW_LISTS)[number];

const statusesOf: Record<ReviewList, VerificationStatus[]> = {
	'te-beoordelen': ['unverified', 'withdrawn'],
	geverifieerd: ['verified'],
	ingetrokken: ['withdrawn']
};

export type VerificationEvent = {
	action: 'verified' | 'withdrawn';
	note: string | null;
	actorName: string | null;
	/** The staff member's account was deleted: shown as "verwijderde gebruiker". */
	actorGone: boolean;
	at: string;
};

export type OrganisationToReview = {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	municipalityName: string | null;
	status: VerificationStatus;
	website: string | null;
	email: string | null;
	phone: string | null;
	createdAt: string;
	events: VerificationEvent[];
};

/** Escapes the wildcards of ilike, so a search for "50%" means those characters. */
export function ilikePattern(search: string): string {
	return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * One page of the organisations in a list of the queue (waiting, verified or withdrawn), newest first,
 * optionally of one kind or by name, each with what to check it against and its audit trail. Three round
 * trips whatever the number of organisations.
 */
export async function listForVerification(
	db: Db,
	{
		list,
		kind,
		search,
		page
	}: { list: ReviewList; kind: OrganisationKind | null; search: string; page: number }
): Promise<Page<OrganisationToReview>> {
	const found = await fetchPage(page, REVIEW_PAGE_SIZE, ({ from, to }) => {
		let query = db
			.from('organisations')
			.select(
				'id, slug, name, kind, verification_status, website, public_email, public_phone, created_at, municipalities(name_nl)',
				{ count: 'exact' }
			)
			.in('verification_status', statusesOf[list]);
		if (kind) query = query.eq('kind', kind);
		if (search.trim() !== '') query = query.ilike('name', ilikePattern(search.trim()));
		return query
			.order('created_at', { ascending: false })
			.order('name')
			.order('id')
			.range(from, to);
	});
	const data = found.rows;

	const ids = data.map((row) => row.id);
	const events = ids.length
		? await db
				.from('organisation_verification_events')
				.select('organisation_id, action, note, actor, created_at')
				.in('organisation_id', ids)
				.order('created_at', { ascending: false })
		: { data: [], error: null };
	if (events.error) throw events.error;

	const actorIds = [...new Set(events.data.flatMap((event) => (event.actor ? [event.actor] : [])))];
	const names = new Map<string, string>();
	if (actorIds.length) {
		const profiles = await db.from('profiles').select('id, display_name').in('id', actorIds);
		if (profiles.error) throw profiles.error;
		for (const profile of profiles.data) names.set(profile.id, profile.display_name);
	}

	return {
		...found,
		rows: data.map((row) => {
			const municipality = Array.isArray(row.municipalities)
				? row.municipalities[0]
				: row.municipalities;
			return {
				id: row.id,
				slug: row.slug,
				name: row.name,
				kind: row.kind as OrganisationKind,
				municipalityName: municipality?.name_nl ?? null,
				status: row.verification_status as VerificationStatus,
				website: row.website,
				email: row.public_email,
				phone: row.public_phone,
				createdAt: row.created_at,
				events: events.data
					.filter((event) => event.organisation_id === row.id)
					.map((event) => ({
						action: event.action as VerificationEvent['action'],
						note: event.note,
						actorName: event.actor ? (names.get(event.actor) ?? null) : null,
						actorGone: event.actor === null,
						at: event.created_at
					}))
			};
		})
	};
}

/** Verifies the organisation or withdraws its verification; the database writes the audit trail. */
export async function setVerification(
	db: Db,
	{
		organisationId,
		verified,
		note
	}: { organisationId: string; verified: boolean; note: string | null }
): Promise<void> {
	const { error } = await db.rpc('set_verification', {
		p_organisation_id: organisationId,
		p_verified: verified,
		p_note: note ?? undefined
	});
	if (error) raiseDbError(error);
}
