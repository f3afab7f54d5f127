import { municipalityLabel } from '$lib/municipalities';
import type { ActivityValues } from '$lib/schemas/activity';
import { DbFieldError } from '$lib/server/db/db-errors';
import { createActivity } from '$lib/server/db/activity-admin';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { text } from '$lib/forms';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireAcademyMember } from '../activity-access';
import { activityFormValues, parseActivityForm, type ActivityErrors } from '../activity-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const municipalities = await listCurrentMunicipalities(locals.supabase);
	const home = municipalities.find((option) => option.nis === organisation.municipalityNis);
	const values: ActivityValues = {
		title: '',
		description: '',
		domains: [],
		format: '',
		ageMin: '',
		ageMax: '',
		startDate: '',
		endDate: '',
		sessionCount: '1',
		venueName: '',
		venueAddress: '',
		municipality: home ? municipalityLabel(home) : '',
		capacity: '',
		priceEur: '0',
		reducedPriceEur: '',
		registrationUrl: ''
	};
	return {
		organisation,
		values,
		// The new activity's id, fixed now so that sending the form twice creates it once.
		requestId: crypto.randomUUID()
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const organisation = await requireAcademyMember(locals, url, params.slug);
		const form = await request.formData();
		const values = activityFormValues(form);
		const requestId = z.uuid().safeParse(text(form, 'requestId')).data ?? crypto.randomUUID();
		const result = await parseActivityForm(locals.supabase, values);
		if (!result.ok) return fail(400, { values, requestId, errors: result.errors });

		let id: string;
		try {
			id = await createActivity(locals.supabase, {
				id: requestId,
				organisationId: organisation.id,
				form: result.changes
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: ActivityErrors = { [caught.field]: caught.message };
				return fail(400, { values, requestId, errors });
			}
			throw caught;
		}
		// Redirect after POST: reloading the next page never sends the form again.
		redirect(303, `/organisaties/${organisation.slug}/activiteiten/${id}/bewerken?aangemaakt`);
	}
} satisfies Actions;
