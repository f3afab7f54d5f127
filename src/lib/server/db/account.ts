// A person's own data: everything the platform holds about them as one file, and the deletion of their
// account. Both run on the person's own client (RLS and auth.uid() decide); only deleting the auth user
// itself takes the service role.
import { m } from '$lib/paraglide/messages';
import type { Db } from '$lib/server/supabase';
import type { Database } from '$lib/types/database';
import type { PostgrestError, User } from '@supabase/supabase-js';

/** PostgREST's cap on rows per request (db-max-rows); longer lists are read in pages of this size. */
const PAGE = 1000;

type Page<Row> = PromiseLike<{ data: Row[] | null; error: PostgrestError | null }>;

/** Every row of a query, page by page; `query` must order by a unique key. */
async function everyRow<Row>(query: (from: number, to: number) => Page<Row>): Promise<Row[]> {
	const rows: Row[] = [];
	for (let from = 0; ; from += PAGE) {
		const { data, error } = await query(from, from + PAGE - 1);
		if (error) throw error;
		rows.push(...(data ?? []));
		if (!data || data.length < PAGE) return rows;
	}
}

type OwnRows = {
	table: keyof Database['public']['Tables'];
	/** The column that holds the person's id. */
	owner: string;
	columns: string;
	/** The order to page in; its last column is unique, so no page skips or repeats a row. */
	order?: string[];
};

/** Every row of `table` that belongs to the person, oldest first unless `order` says otherwise. */
function ownRows(
	db: Db,
	userId: string,
	{ table, owner, columns, order = ['created_at', 'id'] }: OwnRows
) {
	return everyRow((from, to) => {
		let query = db.from(table).select(columns).eq(owner, userId);
		for (const column of order) query = query.order(column);
		return query.range(from, to);
	});
}

/** The sections of the file, in the order it lists them; `notes` explains each. */
export const EXPORT_SECTIONS = [
	'account',
	'profile',
	'memberships',
	'network_staff',
	'organisations_created',
	'activities_created',
	'offers_created',
	'requests_created',
	'invitations_sent',
	'invitations_accepted',
	'agreements_proposed',
	'agreement_events',
	'agreement_messages',
	'notifications',
	'notification_preferences',
	'notification_digests',
	'volunteer_names',
	'volunteer_checks',
	'reach_reports',
	'verification_decisions',
	'helper_profile',
	'posts',
	'post_comments',
	'post_reports',
	'event_rsvps',
	'starter_interests',
	'community_memberships',
	'help_agreements'
] as const;

export type ExportSection = (typeof EXPORT_SECTIONS)[number];

function sectionNotes(): Record<ExportSection, string> {
	return {
		account: m.data_note_account(),
		profile: m.data_note_profile(),
		memberships: m.data_note_memberships(),
		network_staff: m.data_note_network_staff(),
		organisations_created: m.data_note_organisations_created(),
		activities_created: m.data_note_activities_created(),
		offers_created: m.data_note_offers_created(),
		requests_created: m.data_note_requests_created(),
		invitations_sent: m.data_note_invitations_sent(),
		invitations_accepted: m.data_note_invitations_accepted(),
		agreements_proposed: m.data_note_agreements_proposed(),
		agreement_events: m.data_note_agreement_events(),
		agreement_messages: m.data_note_agreement_messages(),
		notifications: m.data_note_notifications(),
		notification_preferences: m.data_note_notification_preferences(),
		notification_digests: m.data_note_notification_digests(),
		volunteer_names: m.data_note_volunteer_names(),
		volunteer_checks: m.data_note_volunteer_checks(),
		reach_reports: m.data_note_reach_reports(),
		verification_decisions: m.data_note_verification_decisions(),
		helper_profile: m.tp_data_note_helper_profile(),
		posts: m.po_data_note_posts(),
		post_comments: m.po_data_note_post_comments(),
		post_reports: m.po_data_note_post_reports(),
		event_rsvps: m.ev_data_note_event_rsvps(),
		starter_interests: m.sa_data_note_starter_interests(),
		community_memberships: m.data_note_community_memberships(),
		help_agreements: m.data_note_help_agreements()
	};
}

export type PersonalData = {
	format: 'groeistoot-personal-data';
	version: 1;
	exported_at: string;
	notes: Record<ExportSection | 'file', string>;
} & Record<ExportSection, unknown>;

/** Sections that export_my_contributions() answers (rows the policies may hide from the person). */
type Contributions = Pick<
	PersonalData,
	| 'activities_created'
	| 'offers_created'
	| 'requests_created'
	| 'invitations_sent'
	| 'invitations_accepted'
	| 'agreements_proposed'
	| 'agreement_events'
	| 'agreement_messages'
	| 'volunteer_names'
	| 'volunteer_checks'
	| 'reach_reports'
	| 'verification_decisions'
	| 'notification_digests'
>;

/**
 * Everything the platform holds about the signed-in person. The auth account comes from the validated
 * user (never the password hash or tokens); their own rows are read through RLS; the rows RLS may hide
 * from them (they left the organisation, or only its admins read them) come from
 * export_my_contributions(), which answers only rows tied to them.
 */
export async function exportPersonalData(
	db: Db,
	user: User,
	now = new Date()
): Promise<PersonalData> {
	const [profile, memberships, staff, organisations, notifications, preferences, contributions] =
		await Promise.all([
			db
				.from('profiles')
				.select(
					'id, display_name, personas, municipality_nis, bio, visibility, created_at, updated_at'
				)
				.eq('id', user.id)
				.maybeSingle(),
			db
				.from('memberships')
				.select('organisation_id, role, created_at, organisation:organisations(name, slug, kind)')
				.eq('user_id', user.id)
				.order('created_at'),
			db.from('network_staff').select('granted_at').eq('user_id', user.id).maybeSingle(),
			ownRows(db, user.id, {
				table: 'organisations',
				owner: 'created_by',
				columns: 'id, kind, name, slug, created_at',
				order: ['id']
			}),
			ownRows(db, user.id, {
				table: 'notifications',
				owner: 'user_id',
				columns:
					'id, kind, title, params, link, agreement_id, delivery, read_at, emailed_at, digested_at, created_at',
				order: ['id']
			}),
			db
				.from('notification_preferences')
				.select('kind, delivery, updated_at')
				.eq('user_id', user.id)
				.order('kind'),
			db.rpc('export_my_contributions')
		]);
	for (const result of [profile, memberships, staff, preferences, contributions]) {
		if (result.error) throw result.error;
	}
	// The teacher or volunteer profile, with its weekly slots and school link (null when none was made).
	const helper = await db
		.from('helper_profiles')
		.select(
			'subjects, grades, interests, about, visibility, created_at, updated_at, helper_slots(weekday, starts_at, ends_at), helper_school_links(school_id, status, decided_at, created_at, updated_at)'
		)
		.eq('user_id', user.id)
		.maybeSingle();
	if (helper.error) throw helper.error;
	// Their posts, comments and reports, hidden ones too (RLS lets authors and reporters read their own).
	const [
		posts,
		postComments,
		postReports,
		rsvps,
		starterInterests,
		communityMemberships,
		helpAgreements
	] = await Promise.all([
		ownRows(db, user.id, {
			table: 'posts',
			owner: 'author_id',
			columns:
				'id, kind, title, body, status, hidden_reason, hidden_at, created_at, updated_at, post_communities(community_id, pinned_at), good_practice:good_practices(stem_letters, domains, age_min, age_max, format, what_worked, materials, links, participants, featured_at)'
		}),
		ownRows(db, user.id, {
			table: 'post_comments',
			owner: 'author_id',
			columns: 'id, post_id, body, status, hidden_reason, hidden_at, created_at, updated_at'
		}),
		ownRows(db, user.id, {
			table: 'post_reports',
			owner: 'reporter_id',
			columns: 'id, post_id, comment_id, reason, status, handled_at, created_at'
		}),
		// Their answers to events (going, waiting, cancelled), with the event's title and time.
		ownRows(db, user.id, {
			table: 'event_rsvps',
			owner: 'user_id',
			columns:
				'event_id, status, position, created_at, updated_at, event:community_events(title, starts_at, ends_at)',
			order: ['created_at', 'event_id']
		}),
		// Their interest in starting an academy somewhere (open and closed), with the municipality's name.
		ownRows(db, user.id, {
			table: 'starter_interests',
			owner: 'user_id',
			columns:
				'id, municipality_nis, role, offers, note, shown_as, closed_at, created_at, updated_at, municipality:municipalities(name_nl)'
		}),
		// The communities they joined as a person (those of their organisations are the organisations' rows).
		ownRows(db, user.id, {
			table: 'community_members',
			owner: 'user_id',
			columns:
				'id, community_id, person_kind, role, in_directory, created_at, community:communities(name, kind)'
		}),
		// Their offers to help an academy ("Ik wil helpen"), with the request and the academy.
		ownRows(db, user.id, {
			table: 'agreements',
			owner: 'helper_id',
			columns:
				'id, status, helper_availability, created_at, updated_at, request:requests(title), academy:organisations!agreements_academy_id_fkey(name)'
		})
	]);

	return {
		format: 'groeistoot-personal-data',
		version: 1,
		exported_at: now.toISOString(),
		notes: { file: m.data_note_file(), ...sectionNotes() },
		account: {
			id: user.id,
			email: user.email ?? null,
			created_at: user.created_at,
			last_sign_in_at: user.last_sign_in_at ?? null,
			email_confirmed_at: user.email_confirmed_at ?? null,
			sign_up_name: (user.user_metadata?.display_name as string | undefined) ?? null
		},
		profile: profile.data,
		memberships: memberships.data,
		network_staff: staff.data,
		organisations_created: organisations,
		notifications,
		notification_preferences: preferences.data,
		...(contributions.data as Contributions),
		helper_profile: helper.data,
		posts,
		post_comments: postComments,
		post_reports: postReports,
		event_rsvps: rsvps,
		starter_interests: starterInterests,
		community_memberships: communityMemberships,
		help_agreements: helpAgreements
	};
}

/** The download's file name, with the day in Belgium: groeistoot-mijn-gegevens-2026-12-01.json. */
export function exportFileName(now = new Date()): string {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
	return `groeistoot-mijn-gegevens-${day}.json`;
}

export type OwnedOrganisation = { id: string; name: string; slug: string };

/**
 * The organisations of which the person is the only owner: as long as there are any, the account cannot
 * be deleted (delete_own_account() refuses too). Members read who else belongs to their organisation.
 */
export async function listLastOwnedOrganisations(
	db: Db,
	userId: string
): Promise<OwnedOrganisation[]> {
	const owned = await db
		.from('memberships')
		.select('organisation:organisations(id, name, slug)')
		.eq('user_id', userId)
		.eq('role', 'owner');
	if (owned.error) throw owned.error;
	const organisations = owned.data.flatMap((row) => (row.organisation ? [row.organisation] : []));
	if (organisations.length === 0) return [];

	const owners = await db
		.from('memberships')
		.select('organisation_id')
		.in(
			'organisation_id',
			organisations.map((organisation) => organisation.id)
		)
		.eq('role', 'owner')
		.neq('user_id', userId);
	if (owners.error) throw owners.error;
	const shared = new Set(owners.data.map((row) => row.organisation_id));
	return organisations
		.filter((organisation) => !shared.has(organisation.id))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export type AccountDeletion =
	| { outcome: 'deleted'; alreadyDeleted: boolean }
	| { outcome: 'wrong_password' }
	| { outcome: 'rate_limited' }
	| { outcome: 'last_owner' };

/**
 * Deletes the signed-in person's account once they typed their password again: first the database part
 * in one transaction (delete_own_account(), which also refuses the last owner of an organisation), then
 * the auth user. A second tab or a double submit finds the work done and ends the same way, never with
 * an error. Signing out is the caller's (it owns the cookies).
 */
export async function deleteAccount({
	db,
	verifier,
	service,
	user,
	password
}: {
	/** The person's own client. */
	db: Db;
	/** A client without a session, to check the password without touching the person's session. */
	verifier: Db;
	/** The service role, used only to delete the auth user. */
	service: Db;
	user: { id: string; email: string };
	password: string;
}): Promise<AccountDeletion> {
	const signIn = await verifier.auth.signInWithPassword({ email: user.email, password });
	if (signIn.error) {
		if (signIn.error.status === 429) return { outcome: 'rate_limited' };
		// The other tab may have deleted the account in the meantime: then its password is gone too.
		const still = await db.auth.getUser();
		if (still.error?.status === 404 || still.error?.code === 'user_not_found') {
			return { outcome: 'deleted', alreadyDeleted: true };
		}
		return { outcome: 'wrong_password' };
	}
	// The check made a session of its own; it ends with the account, or right now when refused.
	const endCheck = () => verifier.auth.signOut({ scope: 'local' });

	const { data, error } = await db.rpc('delete_own_account');
	if (error) {
		await endCheck();
		if (error.hint === 'account_last_owner') return { outcome: 'last_owner' };
		throw error;
	}
	const alreadyDeleted = (data as { already_deleted?: boolean } | null)?.already_deleted === true;

	const removed = await service.auth.admin.deleteUser(user.id);
	// 404: the other tab deleted it first.
	if (removed.error && removed.error.status !== 404) throw removed.error;
	return { outcome: 'deleted', alreadyDeleted };
}
