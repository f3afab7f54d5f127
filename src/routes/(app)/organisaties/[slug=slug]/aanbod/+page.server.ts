import { requestedPage } from '$lib/paging';
import { listOrganisationOffers } from '$lib/server/db/offers';
import type { PageServerLoad } from './$types';
import { requireProviderMember } from './offer-access';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireProviderMember(locals, url, params.slug);
	const { rows, ...paging } = await listOrganisationOffers(
		locals.supabase,
		organisation.id,
		requestedPage(url.searchParams)
	);
	return { organisation, offers: rows, paging };
}) satisfies PageServerLoad;
