import { fieldErrors, text, texts, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { coachingSchema } from '$lib/schemas/starters';
import {
	ADMIN_ROLES,
	MEMBER_ROLES,
	requireOrganisationRole
} from '$lib/server/auth/require-org-role';
import { DbFieldError } from '$lib/server/db/db-errors';
import { coachingOffer, saveCoachingOffer, withdrawCoachingOffer } from '$lib/server/db/starters';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

async function requireAcademy(locals: App.Locals, url: URL, slug: string, admin: boolean) {
	const organisation = await requireOrganisationRole(
		locals,
		url,
		slug,
		admin ? ADMIN_ROLES : MEMBER_ROLES
	);
	if (organisation.kind !== 'academy') error(404, m.app_academy_only());
	return organisation;
}

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademy(locals, url, params.slug, false);
	return {
		organisation,
		canEdit: ADMIN_ROLES.includes(organisation.role),
		verified: organisation.verificationStatus === 'verified',
		...(await coachingOffer(locals.supabase, organisation.id))
	};
}) satisfies PageServerLoad;

type Values = { provinces: string[]; note: string };
type Result = { values: Values; errors: FormErrors<keyof Values> };

export const actions = {
	save: async ({ request, locals, url, params }) => {
		const organisation = await requireAcademy(locals, url, params.slug, true);
		const form = await request.formData();
		const values: Values = {
			provinces: [...new Set(texts(form, 'provinces'))],
			note: text(form, 'note')
		};
		const parsed = coachingSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				values,
				errors: fieldErrors<keyof Values>(parsed.error)
			} satisfies Result);
		}
		try {
			await saveCoachingOffer(locals.supabase, organisation.id, parsed.data);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const field =
					caught.field === 'provinces' || caught.field === 'note' ? caught.field : 'form';
				return fail(field === 'form' ? 409 : 400, {
					values,
					errors: { [field]: caught.message }
				} satisfies Result);
			}
			throw caught;
		}
		return { saved: true };
	},
	withdraw: async ({ locals, url, params }) => {
		const organisation = await requireAcademy(locals, url, params.slug, true);
		try {
			await withdrawCoachingOffer(locals.supabase, organisation.id);
		} catch (caught) {
			if (caught instanceof DbFieldError) return fail(409, { errors: { form: caught.message } });
			throw caught;
		}
		return { withdrawn: true };
	}
} satisfies Actions;
