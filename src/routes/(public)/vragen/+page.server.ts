import { REQUEST_KINDS, type RequestKind } from '$lib/exchange-vocabulary';
import { municipalityLabel, resolveMunicipality } from '$lib/municipalities';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { listLiveRequests } from '$lib/server/db/requests';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const kindParam = url.searchParams.get('soort') ?? '';
	const kind = (REQUEST_KINDS as readonly string[]).includes(kindParam)
		? (kindParam as RequestKind)
		: null;
	const municipality = url.searchParams.get('gemeente') ?? '';
	const municipalities = await listCurrentMunicipalities(supabase);
	const municipalityNis = resolveMunicipality(municipalities, municipality) ?? null;
	const requests = await listLiveRequests(supabase, { kind, municipalityNis });
	return {
		requests,
		filters: { kind: kind ?? '', municipality },
		municipalityUnknown: municipality.trim() !== '' && municipalityNis === null,
		municipalityLabels: municipalities.map(municipalityLabel)
	};
}) satisfies PageServerLoad;
