import { requestedPage } from '$lib/paging';
import { organisationOffersPage } from '$lib/server/db/pages/organisation-pages';
import { bringsHeader } from '$lib/server/page-header';
import type { PageServerLoad } from './$types';

export const load = bringsHeader(async ({ locals, url, params }) => {
	// One round trip: the organisation with the person's role and the page of its offers.
	const { organisation, offers } = await organisationOffersPage(
		locals,
		url,
		params.slug,
		requestedPage(url.searchParams)
	);
	const { rows, ...paging } = offers;
	return { organisation, offers: rows, paging };
}) satisfies PageServerLoad;
