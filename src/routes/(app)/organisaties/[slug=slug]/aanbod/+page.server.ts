import { listOrganisationOffers } from '$lib/server/db/offers';
import type { PageServerLoad } from './$types';
import { requireProviderMember } from './offer-access';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireProviderMember(locals, url, params.slug);
	const offers = await listOrganisationOffers(locals.supabase, organisation.id);
	return { organisation, offers };
}) satisfies PageServerLoad;
