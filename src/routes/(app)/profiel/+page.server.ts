import { fieldErrors, text, texts, type FormErrors } from '$lib/forms';
import { municipalityLabel, resolveMunicipality } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { profileSchema, type ProfileForm } from '$lib/schemas/profile';
import { requireUser } from '$lib/server/auth/require-user';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { getProfile, updateProfile } from '$lib/server/db/profiles';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [profile, municipalities] = await Promise.all([
		getProfile(locals.supabase, user.id),
		listCurrentMunicipalities(locals.supabase)
	]);
	if (!profile) error(404, m.profile_missing());

	const current = municipalities.find((option) => option.nis === profile.municipalityNis);
	return {
		profile: {
			displayName: profile.displayName,
			personas: profile.personas,
			municipality: current ? municipalityLabel(current) : '',
			bio: profile.bio,
			visibility: profile.visibility
		} satisfies ProfileForm
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const input = {
			displayName: text(form, 'displayName'),
			personas: texts(form, 'personas'),
			municipality: text(form, 'municipality'),
			bio: text(form, 'bio'),
			visibility: text(form, 'visibility')
		};

		const parsed = profileSchema.safeParse(input);
		const errors: FormErrors<keyof typeof input> = parsed.success
			? {}
			: fieldErrors<keyof typeof input>(parsed.error);

		// Resolve the typed municipality even when other fields are wrong, so every error shows at once.
		const municipalities = await listCurrentMunicipalities(locals.supabase);
		const municipalityNis = resolveMunicipality(municipalities, input.municipality);
		if (municipalityNis === undefined) errors.municipality ??= m.error_municipality_unknown();

		if (!parsed.success || municipalityNis === undefined) {
			return fail(400, { values: input, errors });
		}

		await updateProfile(locals.supabase, user.id, {
			displayName: parsed.data.displayName,
			personas: parsed.data.personas,
			municipalityNis,
			bio: parsed.data.bio,
			visibility: parsed.data.visibility
		});
		return { saved: true };
	}
} satisfies Actions;
