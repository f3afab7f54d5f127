import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { emptyEventValues, EVENT_FIELDS, eventSchema, type EventValues } from '$lib/schemas/event';
import { requireUser } from '$lib/server/auth/require-user';
import { DbFieldError } from '$lib/server/db/db-errors';
import { communityWithPlaces, createEvent, myOrganisations } from '$lib/server/db/events';
import type { Db } from '$lib/server/supabase';
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

type EventErrors = FormErrors<keyof EventValues>;

async function community(db: Db, url: URL) {
	const id = z.uuid().safeParse(url.searchParams.get('community'));
	const found = id.success ? await communityWithPlaces(db, id.data) : null;
	if (!found) error(404, m.ev_community_not_found());
	return found;
}

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [place, organisations] = await Promise.all([
		community(locals.supabase, url),
		myOrganisations(locals.supabase, user.id)
	]);
	return {
		community: place,
		organisations,
		values: emptyEventValues(place.places.length === 1 ? (place.places[0]?.nis ?? '') : '')
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, request }) => {
		requireUser(locals, url);
		const place = await community(locals.supabase, url);
		const form = await request.formData();
		const values = Object.fromEntries(
			EVENT_FIELDS.map((field) => [field, text(form, field)])
		) as EventValues;
		const parsed = eventSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<keyof EventValues>(parsed.error) });
		}
		if (!place.places.some((option) => option.nis === parsed.data.municipality)) {
			const errors: EventErrors = { municipality: m.ev_error_municipality() };
			return fail(400, { values, errors });
		}
		let id: string;
		try {
			id = await createEvent(locals.supabase, { communityId: place.id, input: parsed.data });
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: EventErrors = { [caught.field]: caught.message };
				return fail(caught.field === 'form' ? 403 : 400, { values, errors });
			}
			throw caught;
		}
		redirect(303, `/evenementen/${id}?aangemaakt`);
	}
} satisfies Actions;
