import { picture } from '$lib/pictures';
import { ADMIN_ROLES, requireOrganisationRole } from '$lib/server/auth/require-org-role';
import { getOrganisationLogo, setOrganisationLogo } from '$lib/server/db/pictures';
import { supabaseUrl } from '$lib/server/supabase';
import { redirect } from '@sveltejs/kit';
import { deletePicture, uploadPicture } from '../../../picture-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireOrganisationRole(locals, url, params.slug, ADMIN_ROLES);
	const path = await getOrganisationLogo(locals.supabase, organisation.id);
	return { organisation, logo: picture(supabaseUrl(), 'logo', path) };
}) satisfies PageServerLoad;

async function target(locals: App.Locals, url: URL, slug: string) {
	const organisation = await requireOrganisationRole(locals, url, slug, ADMIN_ROLES);
	return {
		organisation,
		target: {
			db: locals.supabase,
			kind: 'logo' as const,
			folder: organisation.id,
			currentPath: await getOrganisationLogo(locals.supabase, organisation.id),
			save: (path: string | null) => setOrganisationLogo(locals.supabase, organisation.id, path)
		}
	};
}

export const actions = {
	upload: async ({ request, locals, url, params }) => {
		const { organisation, target: logo } = await target(locals, url, params.slug);
		const refused = await uploadPicture(request, logo);
		if (refused) return refused;
		redirect(303, `/organisaties/${organisation.slug}/bewerken?logo=opgeslagen#logo`);
	},
	remove: async ({ locals, url, params }) => {
		const { organisation, target: logo } = await target(locals, url, params.slug);
		await deletePicture(logo);
		redirect(303, `/organisaties/${organisation.slug}/bewerken?logo=verwijderd#logo`);
	}
} satisfies Actions;
