// What the "Hier een STEM-academie starten?" section of a municipality page needs, and its two form
// actions (register or update interest, withdraw), shared by /gemeenten/[nis] and /gemeenten/[nis]/starten.
import { text, texts, fieldErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { interestSchema, withdrawSchema } from '$lib/schemas/starters';
import { DbFieldError } from '$lib/server/db/db-errors';
import {
	registerInterest,
	startersSection,
	withdrawInterest,
	type StarterBoard
} from '$lib/server/db/starters';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';

export type StartersSection = ReturnType<typeof startersSectionView>;

/** The section of a municipality and the municipality itself (null unless current): one API call. */
export async function loadStartersSection(locals: App.Locals, nis: string) {
	const { place, board, organisations } = await startersSection(locals.supabase, nis);
	return { place, section: startersSectionView(locals, nis, board, organisations) };
}

/** What the section shows, from its board and the organisations the reader manages. */
export function startersSectionView(
	locals: App.Locals,
	nis: string,
	board: StarterBoard,
	organisations: { id: string; name: string }[]
) {
	const here = `/gemeenten/${nis}`;
	return {
		...board,
		signedIn: locals.user !== null,
		organisations: board.whiteSpot && locals.user ? organisations : [],
		signInHref: `/aanmelden?${new URLSearchParams({ redirectTo: `${here}#starten` })}`
	};
}

export type InterestFormValues = {
	registrant: string;
	role: string;
	offers: string[];
	note: string;
	shownAs: string;
};

/** Register or update: back to the municipality's section, or the form with what was typed and why not. */
export async function registerAction({ locals, params, request }: RequestEvent) {
	const nis = params.nis ?? '';
	if (!locals.user) {
		redirect(303, `/aanmelden?${new URLSearchParams({ redirectTo: `/gemeenten/${nis}#starten` })}`);
	}
	const form = await request.formData();
	const values: InterestFormValues = {
		registrant: text(form, 'registrant') || 'me',
		role: text(form, 'role'),
		offers: texts(form, 'offers'),
		note: text(form, 'note'),
		shownAs: text(form, 'shownAs')
	};
	const parsed = interestSchema.safeParse(values);
	if (!parsed.success) {
		return fail(400, {
			interest: values,
			errors: fieldErrors<keyof InterestFormValues>(parsed.error)
		});
	}
	try {
		await registerInterest(locals.supabase, nis, parsed.data);
	} catch (caught) {
		if (caught instanceof DbFieldError) {
			const status = caught.field === 'form' || caught.field === 'registrant' ? 409 : 400;
			return fail(status, { interest: values, errors: { [caught.field]: caught.message } });
		}
		throw caught;
	}
	redirect(303, `/gemeenten/${nis}?interesse=bewaard#starten`);
}

export async function withdrawAction({ locals, params, request }: RequestEvent) {
	const nis = params.nis ?? '';
	if (!locals.user) {
		redirect(303, `/aanmelden?${new URLSearchParams({ redirectTo: `/gemeenten/${nis}#starten` })}`);
	}
	const form = await request.formData();
	const parsed = withdrawSchema.safeParse({ interestId: text(form, 'interestId') });
	if (!parsed.success) return fail(400, { withdrawError: m.sa_error_not_found() });
	try {
		await withdrawInterest(locals.supabase, parsed.data.interestId);
	} catch (caught) {
		if (caught instanceof DbFieldError) return fail(404, { withdrawError: caught.message });
		throw caught;
	}
	redirect(303, `/gemeenten/${nis}?interesse=ingetrokken#starten`);
}
