// The current municipalities' labels ("Gent — Oost-Vlaanderen") for the type-ahead of every municipality
// field (municipality-combobox.svelte), which asks for them the first time someone uses such a field. They
// are reference data, the same for everyone, so no page carries them in its HTML or hydration data any
// more (~25 kB of the public lists of offers and requests), and a browser keeps them for an hour.
import { municipalityLabel } from '$lib/municipalities';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { createSessionlessClient } from '$lib/server/supabase';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET = (async () => {
	// Read without the person's cookies: the answer may be kept by shared caches, so it must never carry a
	// refreshed session's Set-Cookie (the list is read once per process anyway).
	const municipalities = await listCurrentMunicipalities(createSessionlessClient());
	return json(municipalities.map(municipalityLabel), {
		headers: { 'cache-control': 'public, max-age=3600' }
	});
}) satisfies RequestHandler;
