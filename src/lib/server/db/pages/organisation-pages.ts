// An organisation's own management pages in one API round trip each (organisation_offers_page,
// organisation_requests_page, organisation_request_page: security invoker, the caller's RLS decides as it
// did for the separate requests): the organisation with the person's role in it, the list or the one
// request, and the page's header. Who may open the page is decided here as requireOrganisationRole decided
// it (404 when no organisation shows at the slug, 403 for a non-member), then the kind the page is for.
import { m } from '$lib/paraglide/messages';
import { pageCount } from '$lib/paging';
import { requireUser } from '$lib/server/auth/require-user';
import { pageHeader } from '$lib/server/page-header';
import type { MembershipRole, OrganisationKind, VerificationStatus } from '$lib/vocabulary';
import type { PostgrestError } from '@supabase/supabase-js';
import { error } from '@sveltejs/kit';
import { toDetails as offerDetails, type OfferDetails } from '../offers';
import type { ManagedOrganisation } from '../organisation-admin';
import { OWN_LIST_PAGE_SIZE, type Page } from '../paging';
import { toDetails as requestDetails, type RequestDetails } from '../requests';

type OrganisationRow = {
	id: string;
	slug: string;
	name: string;
	kind: string;
	verification_status: string;
	municipality_nis: string;
	role: string | null;
};

type Member = ManagedOrganisation & { role: MembershipRole };

/** The organisation for a member, or the 404/403 requireOrganisationRole gave (then the kind's 404). */
function memberOf(
	row: OrganisationRow | null,
	kindFits: (kind: OrganisationKind) => boolean,
	wrongKind: () => string
): Member {
	if (!row) error(404, m.app_organisation_not_found());
	if (!row.role) error(403, m.app_forbidden_not_member());
	const kind = row.kind as OrganisationKind;
	if (!kindFits(kind)) error(404, wrongKind());
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		kind,
		verificationStatus: row.verification_status as VerificationStatus,
		municipalityNis: row.municipality_nis,
		role: row.role as MembershipRole
	};
}

const isAcademy = (kind: OrganisationKind) => kind === 'academy';
const isProvider = (kind: OrganisationKind) => kind !== 'academy';

type ListPage<Row> = { organisation: OrganisationRow; total: number; page: number; rows: Row[] };

/**
 * The function's answer as the shape it builds (jsonb to the generated types); the header it answers too
 * goes to the layout (src/lib/server/page-header.ts).
 */
async function answer<T>(
	locals: App.Locals,
	query: PromiseLike<{ data: unknown; error: PostgrestError | null }>
): Promise<T | null> {
	const { data, error: dbError } = await query;
	if (dbError) throw dbError;
	pageHeader(locals.supabase, (data as { account?: unknown } | null)?.account);
	return (data as T | null) ?? null;
}

function paged<Row, Out>(found: ListPage<Row>, map: (row: Row) => Out): Page<Out> {
	return {
		rows: found.rows.map(map),
		total: found.total,
		page: found.page,
		pageCount: pageCount(found.total, OWN_LIST_PAGE_SIZE)
	};
}

type OfferRow = Parameters<typeof offerDetails>[0];
type RequestRow = Parameters<typeof requestDetails>[0];

/** A provider's own offers page (/organisaties/[slug]/aanbod) for its members. */
export async function organisationOffersPage(
	locals: App.Locals,
	url: URL,
	slug: string,
	page: number
): Promise<{ organisation: Member; offers: Page<OfferDetails> }> {
	requireUser(locals, url);
	const found = await answer<ListPage<OfferRow>>(
		locals,
		locals.supabase.rpc('organisation_offers_page', {
			p_slug: slug,
			p_page: page,
			p_size: OWN_LIST_PAGE_SIZE
		})
	);
	const organisation = memberOf(found?.organisation ?? null, isProvider, m.ex_offer_only_providers);
	return { organisation, offers: paged(found!, offerDetails) };
}

/** An academy's own requests page (/organisaties/[slug]/vragen) for its members. */
export async function organisationRequestsPage(
	locals: App.Locals,
	url: URL,
	slug: string,
	page: number
): Promise<{ organisation: Member; requests: Page<RequestDetails> }> {
	requireUser(locals, url);
	const found = await answer<ListPage<RequestRow>>(
		locals,
		locals.supabase.rpc('organisation_requests_page', {
			p_slug: slug,
			p_page: page,
			p_size: OWN_LIST_PAGE_SIZE
		})
	);
	const organisation = memberOf(found?.organisation ?? null, isAcademy, m.app_academy_only);
	return { organisation, requests: paged(found!, requestDetails) };
}

/** One of an academy's own requests (/organisaties/[slug]/vragen/[id]) for its members; 404 otherwise. */
export async function organisationRequestPage(
	locals: App.Locals,
	url: URL,
	slug: string,
	id: string
): Promise<{ organisation: Member; request: RequestDetails }> {
	requireUser(locals, url);
	const found = await answer<{ organisation: OrganisationRow; request: RequestRow | null }>(
		locals,
		locals.supabase.rpc('organisation_request_page', { p_slug: slug, p_id: id })
	);
	const organisation = memberOf(found?.organisation ?? null, isAcademy, m.app_academy_only);
	if (!found?.request) error(404, m.ex_request_not_found());
	return { organisation, request: requestDetails(found.request) };
}
