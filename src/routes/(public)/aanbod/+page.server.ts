import { OFFER_KINDS, type OfferKind } from '$lib/exchange-vocabulary';
import { municipalityLabel, resolveMunicipality } from '$lib/municipalities';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { listActiveOffers } from '$lib/server/db/offers';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const kindParam = url.searchParams.get('soort') ?? '';
	const kind = (OFFER_KINDS as readonly string[]).includes(kindParam)
		? (kindParam as OfferKind)
		: null;
	const municipality = url.searchParams.get('gemeente') ?? '';
	const municipalities = await listCurrentMunicipalities(supabase);
	const municipalityNis = resolveMunicipality(municipalities, municipality) ?? null;
	const offers = await listActiveOffers(supabase, { kind, municipalityNis });
	return {
		offers,
		filters: { kind: kind ?? '', municipality },
		municipalityUnknown: municipality.trim() !== '' && municipalityNis === null,
		municipalityLabels: municipalities.map(municipalityLabel)
	};
}) satisfies PageServerLoad;
