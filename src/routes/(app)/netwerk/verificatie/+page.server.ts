import { fieldErrors, text } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { verificationSchema } from '$lib/schemas/organisation';
import { requireStaff } from '$lib/server/auth/require-staff';
import { DbFieldError } from '$lib/server/db/db-errors';
import {
	listForVerification,
	REVIEW_LISTS,
	setVerification,
	type ReviewList
} from '$lib/server/db/verification';
import { requestedPage } from '$lib/paging';
import { isOneOf, ORGANISATION_KINDS } from '$lib/vocabulary';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	await requireStaff(locals, url);
	const params = url.searchParams;
	const search = params.get('zoek')?.slice(0, 100) ?? '';
	const listParam = params.get('toon');
	const list: ReviewList = isOneOf(REVIEW_LISTS, listParam) ? listParam : REVIEW_LISTS[0];
	const kindParam = params.get('soort');
	const kind = isOneOf(ORGANISATION_KINDS, kindParam) ? kindParam : null;
	const { rows, ...paging } = await listForVerification(locals.supabase, {
		list,
		kind,
		search,
		page: requestedPage(params)
	});
	return { search, list, kind: kind ?? '', rows, paging };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		await requireStaff(locals, url);
		const form = await request.formData();
		const values = {
			organisationId: text(form, 'organisationId'),
			decision: text(form, 'decision'),
			note: text(form, 'note')
		};
		const parsed = verificationSchema.safeParse(values);
		if (!parsed.success) {
			const errors = fieldErrors<keyof typeof values>(parsed.error);
			return fail(400, {
				organisationId: values.organisationId,
				note: values.note,
				error: errors.note ?? errors.organisationId ?? errors.decision ?? m.form_has_errors()
			});
		}
		try {
			await setVerification(locals.supabase, {
				organisationId: parsed.data.organisationId,
				verified: parsed.data.decision === 'verify',
				note: parsed.data.note
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				return fail(400, {
					organisationId: values.organisationId,
					note: values.note,
					error: caught.message
				});
			}
			throw caught;
		}
		return {
			organisationId: parsed.data.organisationId,
			done:
				parsed.data.decision === 'verify'
					? m.app_verification_done()
					: m.app_verification_withdrawn()
		};
	}
} satisfies Actions;
