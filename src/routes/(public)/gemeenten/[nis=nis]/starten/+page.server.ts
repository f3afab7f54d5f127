// The interest form of a white spot on a page of its own: where its forms post, where a refused submit
// shows what was typed with the reasons, and where one of the reader's registrations is edited (?voor=).
import { m } from '$lib/paraglide/messages';
import { loadStartersSection, registerAction, withdrawAction } from '$lib/server/starters-section';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	// One API call: the municipality (when current) and its section (public.starters_section()).
	const { place, section } = await loadStartersSection(locals, params.nis);
	if (!place) error(404, m.pub_municipality_not_found());
	if (!section.whiteSpot) error(404, m.sa_error_not_white_spot());
	const editing = url.searchParams.get('voor') ?? undefined;
	return { nis: place.nis, name: place.name, section, editing };
}) satisfies PageServerLoad;

export const actions = {
	register: registerAction,
	withdraw: withdrawAction
} satisfies Actions;
