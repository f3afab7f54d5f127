// The interest form of a white spot on a page of its own: where its forms post, where a refused submit
// shows what was typed with the reasons, and where one of the reader's registrations is edited (?voor=).
import { m } from '$lib/paraglide/messages';
import { loadStartersSection, registerAction, withdrawAction } from '$lib/server/starters-section';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const place = await locals.supabase
		.from('municipalities')
		.select('nis, name_nl')
		.eq('nis', params.nis)
		.is('valid_to', null)
		.maybeSingle();
	if (place.error) throw place.error;
	if (!place.data) error(404, m.pub_municipality_not_found());
	const section = await loadStartersSection(locals, params.nis);
	if (!section.whiteSpot) error(404, m.sa_error_not_white_spot());
	const editing = url.searchParams.get('voor') ?? undefined;
	return { nis: place.data.nis, name: place.data.name_nl, section, editing };
}) satisfies PageServerLoad;

export const actions = {
	register: registerAction,
	withdraw: withdrawAction
} satisfies Actions;
