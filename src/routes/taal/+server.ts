// Language switch as a plain form post, so it works without JavaScript; Paraglide reads the cookie. A
// signed-in person's choice is also kept for the mails that reach them later.
import { safeRedirectPath } from '$lib/redirect';
import { saveAccountLocale } from '$lib/server/db/account-locale';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const POST = (async ({ request, cookies, locals }) => {
	// A broken body just means no choice was made; the person lands back where they were.
	const form = await request.formData().catch(() => new FormData());
	const locale = form.get('locale');
	if (isLocale(locale)) {
		// The server reads it for every page (the browser then takes a page's language from <html lang>,
		// src/hooks.client.ts); it lasts cookieMaxAge (400 days) from this choice.
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			sameSite: 'lax',
			httpOnly: false
		});
		// The page switches either way; only the mails stay in the old language if this fails.
		if (locals.user) {
			await saveAccountLocale(locals.supabase, locals.user.id, locale).catch((error: unknown) =>
				console.error('Saving the mail language failed', error)
			);
		}
	}
	const back = form.get('redirectTo');
	redirect(303, safeRedirectPath(typeof back === 'string' ? back : null));
}) satisfies RequestHandler;
