import { requestedPage } from '$lib/paging';
import { organisationRequestsPage } from '$lib/server/db/pages/organisation-pages';
import { bringsHeader } from '$lib/server/page-header';
import type { PageServerLoad } from './$types';

export const load = bringsHeader(async ({ locals, url, params }) => {
	// One round trip: the academy with the person's role and the page of its requests.
	const { organisation, requests } = await organisationRequestsPage(
		locals,
		url,
		params.slug,
		requestedPage(url.searchParams)
	);
	const { rows, ...paging } = requests;
	return { organisation, requests: rows, paging };
}) satisfies PageServerLoad;
