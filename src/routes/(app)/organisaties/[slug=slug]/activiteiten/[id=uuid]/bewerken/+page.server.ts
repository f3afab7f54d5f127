import { municipalityLabel } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { DbFieldError } from '$lib/server/db/db-errors';
import { activityValues, setActivityStatus, updateActivity } from '$lib/server/db/activity-admin';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { getActivityPhoto } from '$lib/server/db/pictures';
import { picture } from '$lib/pictures';
import { supabaseUrl } from '$lib/server/supabase';
import { fail, redirect } from '@sveltejs/kit';
import { requireAcademyMember } from '../../activity-access';
import { activityFormValues, parseActivityForm, type ActivityErrors } from '../../activity-action';
import { requireActivity } from '../activity-load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const [activity, municipalities, photo] = await Promise.all([
		requireActivity(locals.supabase, organisation.id, params.id),
		listCurrentMunicipalities(locals.supabase),
		getActivityPhoto(locals.supabase, { organisationId: organisation.id, activityId: params.id })
	]);
	const place = municipalities.find((option) => option.nis === activity.municipalityNis);
	return {
		organisation,
		activity: {
			id: activity.id,
			title: activity.title,
			status: activity.status,
			domains: activity.domains
		},
		photo: picture(supabaseUrl(), 'photo', photo.path, photo.alt ?? ''),
		photoAlt: photo.alt,
		photoNotice:
			url.searchParams.get('foto') === 'opgeslagen'
				? m.img_photo_saved()
				: url.searchParams.get('foto') === 'verwijderd'
					? m.img_photo_removed()
					: undefined,
		values: activityValues(activity, place ? municipalityLabel(place) : ''),
		notice: url.searchParams.has('aangemaakt')
			? m.app_activity_created()
			: url.searchParams.has('opgeslagen')
				? m.app_activity_saved()
				: url.searchParams.has('gepubliceerd')
					? m.app_activity_published()
					: url.searchParams.has('geannuleerd')
						? m.app_activity_cancelled()
						: undefined
	};
}) satisfies PageServerLoad;

async function changeStatus(
	{ locals, url, params }: { locals: App.Locals; url: URL; params: { slug: string; id: string } },
	status: 'published' | 'cancelled'
) {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	await requireActivity(locals.supabase, organisation.id, params.id);
	try {
		// Idempotent: a second click (or a resent form) finds the status already set and changes nothing.
		await setActivityStatus(locals.supabase, {
			organisationId: organisation.id,
			activityId: params.id,
			status
		});
	} catch (caught) {
		if (caught instanceof DbFieldError) return fail(400, { statusError: caught.message });
		throw caught;
	}
	const notice = status === 'published' ? 'gepubliceerd' : 'geannuleerd';
	redirect(303, `/organisaties/${organisation.slug}/activiteiten/${params.id}/bewerken?${notice}`);
}

export const actions = {
	save: async ({ request, locals, url, params }) => {
		const organisation = await requireAcademyMember(locals, url, params.slug);
		const values = activityFormValues(await request.formData());
		const result = await parseActivityForm(locals.supabase, values);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		try {
			await updateActivity(locals.supabase, {
				organisationId: organisation.id,
				activityId: params.id,
				form: result.changes
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: ActivityErrors = { [caught.field]: caught.message };
				return fail(400, { values, errors });
			}
			throw caught;
		}
		redirect(
			303,
			`/organisaties/${organisation.slug}/activiteiten/${params.id}/bewerken?opgeslagen`
		);
	},
	publish: (event) => changeStatus(event, 'published'),
	cancel: (event) => changeStatus(event, 'cancelled')
} satisfies Actions;
