import { picture } from '$lib/pictures';
import { getActivityPhoto, setActivityPhoto } from '$lib/server/db/pictures';
import { supabaseUrl } from '$lib/server/supabase';
import { redirect } from '@sveltejs/kit';
import { deletePicture, uploadPicture } from '../../../../../picture-action';
import { requireAcademyMember } from '../../../activity-access';
import { requireActivity } from '../../activity-load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const activity = await requireActivity(locals.supabase, organisation.id, params.id);
	const photo = await getActivityPhoto(locals.supabase, {
		organisationId: organisation.id,
		activityId: activity.id
	});
	return {
		organisation,
		activity: { id: activity.id, title: activity.title, domains: activity.domains },
		photo: picture(supabaseUrl(), 'photo', photo.path, photo.alt ?? ''),
		alt: photo.alt
	};
}) satisfies PageServerLoad;

async function target(locals: App.Locals, url: URL, params: { slug: string; id: string }) {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const activity = await requireActivity(locals.supabase, organisation.id, params.id);
	const ids = { organisationId: organisation.id, activityId: activity.id };
	const current = await getActivityPhoto(locals.supabase, ids);
	return {
		back: `/organisaties/${organisation.slug}/activiteiten/${activity.id}/bewerken`,
		target: {
			db: locals.supabase,
			kind: 'photo' as const,
			folder: `${organisation.id}/${activity.id}`,
			currentPath: current.path,
			save: (path: string | null, alt: string | null) =>
				setActivityPhoto(locals.supabase, { ...ids, path, alt })
		}
	};
}

export const actions = {
	upload: async ({ request, locals, url, params }) => {
		const { back, target: photo } = await target(locals, url, params);
		const refused = await uploadPicture(request, photo);
		if (refused) return refused;
		redirect(303, `${back}?foto=opgeslagen#foto`);
	},
	remove: async ({ locals, url, params }) => {
		const { back, target: photo } = await target(locals, url, params);
		await deletePicture(photo);
		redirect(303, `${back}?foto=verwijderd#foto`);
	}
} satisfies Actions;
