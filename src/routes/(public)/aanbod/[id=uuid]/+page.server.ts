import { m } from '$lib/paraglide/messages';
import { suggestRequests } from '$lib/server/db/matching';
import { getOffer } from '$lib/server/db/offers';
import { myAcademyIds } from '$lib/server/db/requests';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase, user }, params }) => {
	const offer = await getOffer(supabase, params.id);
	// Paused and withdrawn offers are only for their own organisation (RLS); here they are "not found".
	if (!offer || offer.status !== 'active') error(404, m.ex_offer_not_found());
	// Signed-in members of an academy see which of their open requests this offer could serve.
	const academies = user ? await myAcademyIds(supabase, user.id) : [];
	const serves =
		academies.length > 0
			? (await suggestRequests(supabase, offer.id, 50))
					.filter((item) => academies.includes(item.candidate.organisationId))
					.map(({ candidate, suggestion }) => ({
						requestId: candidate.requestId,
						title: candidate.title,
						reasons: suggestion.reasons
					}))
			: null;
	return { offer, serves };
}) satisfies PageServerLoad;
