// The filters of the public lists of offers and requests, read from the address: a kind from the list's
// vocabulary (anything else means all kinds) and a municipality as it was typed.
import { municipalityLabel, resolveMunicipality } from '$lib/municipalities';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { Db } from '$lib/server/supabase';

export async function exchangeFilters<Kind extends string>(
	db: Db,
	url: URL,
	kinds: readonly Kind[]
) {
	const kindParam = url.searchParams.get('soort') ?? '';
	const kind = (kinds as readonly string[]).includes(kindParam) ? (kindParam as Kind) : null;
	const municipality = url.searchParams.get('gemeente') ?? '';
	const municipalities = await listCurrentMunicipalities(db);
	const municipalityNis = resolveMunicipality(municipalities, municipality) ?? null;
	return {
		/** What the list query filters on. */
		query: { kind, municipalityNis },
		/** What the page's filter form shows. */
		form: {
			filters: { kind: kind ?? '', municipality },
			municipalityUnknown: municipality.trim() !== '' && municipalityNis === null,
			municipalityLabels: municipalities.map(municipalityLabel)
		}
	};
}
